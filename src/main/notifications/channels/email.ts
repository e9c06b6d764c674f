// The email channel: one message per alarm or per group, over SMTP with nodemailer, plain text plus
// HTML (email-content.ts). One attempt per deliver(): a refused connection, a failed login, a
// refused recipient or a timeout rejects with the server's reason, and the dispatcher retries.
//
// TLS: `secure: true` is implicit TLS from the first byte (SMTPS, port 465 style). Otherwise
// `starttls: true` (the default) REQUIRES the STARTTLS upgrade: the send fails rather than going out
// in clear when the server does not offer it; `starttls: false` never upgrades (a relay on the
// plant network, a test receiver on loopback). Certificates are always checked.
//
// The SMTP user and password are read (secrets.ts) at each delivery, so a rotated secret file is
// picked up and a missing one fails that delivery with a message naming the variable or file. A
// transport per delivery costs nothing extra: an unpooled nodemailer transport opens a connection
// per message anyway.
import os from 'node:os';
import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { NotificationChannelConfig } from '../../config';
import type { Channel } from '../channel';
import type { SecretReader } from '../secrets';
import { composeEmail } from './email-content';
import { abortError, untilAborted } from './until-aborted';

export type EmailChannelConfig = Extract<NotificationChannelConfig, { kind: 'email' }>;

export interface EmailChannelOptions extends Omit<EmailChannelConfig, 'kind'> {
  readSecret: SecretReader;
  site: { id: string; name: string; timezone: string };
  /** Bound on connecting, the greeting and each server reply (nodemailer's timeouts). */
  timeoutMs?: number;
}

export const DEFAULT_EMAIL_TIMEOUT_MS = 10_000;

/** The sender when the config names none: `linewatch-<site id>@<this host>`. */
export function defaultSenderAddress(siteId: string): string {
  return `linewatch-${siteId}@${os.hostname()}`;
}

function credentials(options: EmailChannelOptions): { user: string; pass: string } | undefined {
  const { user, password } = options.smtp;
  if (user === null && password === null) return undefined;
  if (user === null || password === null) {
    throw new Error(
      `smtp needs both a user and a password (only the ${user === null ? 'password' : 'user'} is set)`,
    );
  }
  return { user: options.readSecret(user), pass: options.readSecret(password) };
}

export function smtpTransportOptions(options: EmailChannelOptions): SMTPTransport.Options {
  const timeout = options.timeoutMs ?? DEFAULT_EMAIL_TIMEOUT_MS;
  const { smtp } = options;
  const auth = credentials(options);
  return {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: !smtp.secure && smtp.starttls,
    ignoreTLS: !smtp.secure && !smtp.starttls,
    ...(auth ? { auth } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
  };
}

export function createEmailChannel(options: EmailChannelOptions): Channel {
  const where = `${options.smtp.host}:${options.smtp.port}`;
  const from = {
    name: `Linewatch ${options.site.name}`,
    address: options.from ?? defaultSenderAddress(options.site.id),
  };
  let closed = false;

  return {
    id: options.id,
    kind: 'email',

    async deliver(message, signal) {
      if (closed) throw new Error(`email ${options.id}: channel is closed`);
      if (signal.aborted) throw abortError(signal);
      let transporter: Transporter<SMTPTransport.SentMessageInfo> | null = null;
      try {
        // Loaded on the first mail: nodemailer holds ~10 MB that a plant without email never needs.
        const { default: nodemailer } = await import('nodemailer');
        transporter = nodemailer.createTransport(smtpTransportOptions(options));
        const content = composeEmail(message, options.site.timezone);
        // nodemailer cannot cancel a send: an abort stops the wait; its timeouts end the socket.
        const sending = transporter.sendMail({ from, to: options.to, ...content });
        const info = await untilAborted(sending, signal);
        if (info.rejected.length > 0) {
          // A retry sends to every recipient again: the accepted ones may get it twice, which beats
          // a shift lead who never gets it.
          const accepted = info.accepted.map(String).join(', ');
          throw new Error(
            `refused recipient(s) ${info.rejected.map(String).join(', ')}${accepted === '' ? '' : ` (accepted: ${accepted})`}`,
          );
        }
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`email ${options.id} via ${where}: ${reason}`, { cause: error });
      } finally {
        transporter?.close();
      }
    },

    close() {
      closed = true;
      return Promise.resolve();
    },
  };
}
