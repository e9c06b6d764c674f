// The webhook channel: POSTs the notification body (payload.ts) as JSON. With a secret, the header
// `X-Linewatch-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes>` lets the receiver check
// the message came from this Linewatch and was not altered (README "Notifications" shows a check).
// One attempt per deliver(): a non-2xx answer, a network error or the signal (the dispatcher's
// timeout) rejects, and the dispatcher retries with backoff.
import { createHmac } from 'node:crypto';
import type { SecretRef } from '../../config';
import type { Channel } from '../channel';
import { notificationBody } from '../payload';
import type { SecretReader } from '../secrets';

export const SIGNATURE_HEADER = 'X-Linewatch-Signature';

export interface WebhookChannelOptions {
  id: string;
  url: string;
  secret: SecretRef | null;
  readSecret: SecretReader;
  userAgent?: string;
}

/** `sha256=<hex>` of `body` keyed with `secret`: the header value. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** The URL as shown in messages: no user info or query (either may hold a token). */
function shownUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}

export function createWebhookChannel(options: WebhookChannelOptions): Channel {
  const where = shownUrl(options.url);
  return {
    id: options.id,
    kind: 'webhook',
    async deliver(message, signal) {
      const body = JSON.stringify(notificationBody(message));
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'user-agent': options.userAgent ?? 'Linewatch',
        'x-linewatch-event': message.type,
      };
      if (options.secret !== null)
        headers[SIGNATURE_HEADER] = signBody(body, options.readSecret(options.secret));
      let response: Response;
      try {
        response = await fetch(options.url, { method: 'POST', headers, body, signal, redirect: 'error' });
      } catch (error) {
        if (signal.aborted) throw new Error(`POST ${where}: ${reasonText(signal.reason)}`, { cause: error });
        throw new Error(`POST ${where}: ${causeText(error)}`, { cause: error });
      }
      // Read the answer to the end so the connection can be reused; its text is only a hint.
      const text = await response.text().catch(() => '');
      if (!response.ok) {
        const hint = text.trim().slice(0, 120);
        throw new Error(`POST ${where}: HTTP ${response.status}${hint === '' ? '' : ` ${hint}`}`);
      }
    },
    close: () => Promise.resolve(),
  };
}

function reasonText(reason: unknown): string {
  return reason instanceof Error ? reason.message : 'aborted';
}

/** fetch wraps the socket error ("ECONNREFUSED") in a TypeError("fetch failed") with a cause. */
function causeText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  if (cause instanceof Error) {
    const code = 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message;
    return `${error.message} (${code})`;
  }
  return error.message;
}
