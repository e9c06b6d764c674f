// The email channel: one message per alarm or per group, over SMTP with nodemailer, plain text plus
// HTML (email-content.ts). One attempt per deliver(): a refused connection, a failed login, a
// refused recipient or a timeout rejects with the server's reason, and the dispatcher retries.
//
// TLS: `starttls: true` requires the STARTTLS upgrade (the send fails rather than going out in
// clear when the server does not offer it); `starttls: false` never upgrades (a plant relay on the
// local network, or a test receiver on loopback). Port 465 means implicit TLS (SMTPS) either way.
import os from 'node:os';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { Channel, NotificationMessage } from '../channel';
import { composeEmail } from './email-content';
import { abortError, untilAborted } from './until-aborted';

export interface EmailChannelOptions {
  id: string;
  to: readonly string[];
  /** The sender; `Linewatch <linewatch@<this host>>` when not set. */
  from?: string;
  smtp: {
    host: string;
    port: number;
    starttls: boolean;
    /** Both or neither: the secrets already read from the environment or a file. */
    auth?: { user: string; password: string };
  };
  /** The site's IANA timezone: times in the mail are local to the plant. */
  timezone?: string;
  /** Bound on connecting, the greeting and each server reply (nodemailer's timeouts). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

export function defaultSender(): string {
  return `Linewatch <linewatch@${os.hostname()}>`;
}

export function smtpTransportOptions(options: EmailChannelOptions): SMTPTransport.Options {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { smtp } = options;
  const implicitTls = smtp.port === 465;
  return {
    host: smtp.host,
    port: smtp.port,
    secure: implicitTls,
    requireTLS: !implicitTls && smtp.starttls,
    ignoreTLS: !implicitTls && !smtp.starttls,
    ...(smtp.auth ? { auth: { user: smtp.auth.user, pass: smtp.auth.password } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
    // A plant's SMTP relay is often addressed by IP: keep the certificate check, but name the host.
    tls: { servername: smtp.host },
  };
}

export function createEmailChannel(options: EmailChannelOptions): Channel {
  const transporter: Transporter<SMTPTransport.SentMessageInfo> = nodemailer.createTransport(
    smtpTransportOptions(options),
  );
  const from = options.from ?? defaultSender();
  const where = `${options.smtp.host}:${options.smtp.port}`;
  let closed = false;

  return {
    id: options.id,
    kind: 'email',

    async deliver(message: NotificationMessage, signal: AbortSignal) {
      if (closed) throw new Error(`email ${options.id}: channel is closed`);
      if (signal.aborted) throw abortError(signal);
      const content = composeEmail(message, options.timezone);
      // nodemailer cannot cancel one send: an abort stops the wait, and its timeouts end the socket.
      const sending = transporter.sendMail({
        from,
        to: [...options.to],
        subject: content.subject,
        text: content.text,
        html: content.html,
      });
      try {
        const info = await untilAborted(sending, signal);
        if (info.rejected.length > 0) {
          throw new Error(`refused recipient(s) ${info.rejected.map(String).join(', ')}`);
        }
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`email ${options.id} via ${where}: ${reason}`, { cause: error });
      }
    },

    close() {
      closed = true;
      transporter.close();
      return Promise.resolve();
    },
  };
}
