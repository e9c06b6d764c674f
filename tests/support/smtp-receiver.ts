// A real SMTP server (smtp-server) on 127.0.0.1 that keeps every message it receives, for the
// email channel tests. With `auth` it insists on AUTH PLAIN or LOGIN with that user and password
// (over the plain connection: the tests run on loopback); without it AUTH is not offered.
// `reject` makes it refuse every message with that SMTP reply, so a test sees a failed delivery.
import { SMTPServer } from 'smtp-server';
import { findPart, parseMime } from './mime-parts';

export interface ReceivedMail {
  /** MAIL FROM */
  from: string;
  /** RCPT TO, in order */
  to: string[];
  /** The user that authenticated, or null without AUTH. */
  user: string | null;
  subject: string;
  /** The text/plain part ('' when there is none). */
  text: string;
  /** The text/html part ('' when there is none). */
  html: string;
  /** The message as it came over the wire. */
  raw: string;
}

export interface SmtpReceiverOptions {
  auth?: { user: string; password: string };
  reject?: { code: number; message: string };
  /** RCPT TO these addresses is answered 550 (the others are accepted). */
  refuseRecipients?: readonly string[];
}

export interface SmtpReceiver {
  host: string;
  port: number;
  /** Every message received so far, in arrival order. */
  readonly messages: readonly ReceivedMail[];
  /** Failed AUTH attempts (user names), to show that a wrong password was really refused. */
  readonly failedLogins: readonly string[];
  /** Resolves when `count` messages have arrived (at once if they already have). */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpReceiver(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  const messages: ReceivedMail[] = [];
  const failedLogins: string[] = [];
  const waiters = new Set<() => void>();
  const notify = (): void => {
    for (const waiter of waiters) waiter();
  };
  const { auth, reject, refuseRecipients = [] } = options;

  const server = new SMTPServer({
    logger: false,
    hideSTARTTLS: true,
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !auth,
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: true,
    closeTimeout: 1_000,
    onAuth(attempt, _session, callback) {
      if (auth && attempt.username === auth.user && attempt.password === auth.password) {
        callback(null, { user: attempt.username });
        return;
      }
      failedLogins.push(attempt.username ?? '');
      callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (refuseRecipients.includes(address.address)) {
        callback(Object.assign(new Error(`no such user ${address.address}`), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (reject) {
          callback(Object.assign(new Error(reject.message), { responseCode: reject.code }));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const mime = parseMime(raw);
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          user: typeof session.user === 'string' ? session.user : null,
          subject: mime.headers.get('subject') ?? '',
          text: findPart(mime, 'text/plain')?.body ?? '',
          html: findPart(mime, 'text/html')?.body ?? '',
          raw,
        });
        callback();
        notify();
      });
    },
  });

  await new Promise<void>((resolve, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    host: '127.0.0.1',
    port,
    messages,
    failedLogins,
    waitForMessages(count, timeoutMs = 10_000) {
      return new Promise((resolve, rejectWait) => {
        const check = (): void => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          rejectWait(
            new Error(`expected ${count} message(s) within ${timeoutMs} ms, got ${messages.length}`),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
