// A real Debian mosquitto broker on 127.0.0.1 for the MQTT channel tests, started by the test
// with its own config in a temp folder. Without the binary the tests skip and say why (CI installs
// it); a broker that fails to start fails the test with its own output.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { makeTempDir } from './temp-store';

export const MOSQUITTO_BIN = '/usr/sbin/mosquitto';
export const MOSQUITTO_PASSWD_BIN = '/usr/bin/mosquitto_passwd';
const HOST = '127.0.0.1';
const READY_DEADLINE_MS = 10_000;

/** Why the MQTT tests cannot run here, or null when they can. */
export function mosquittoMissingReason(): string | null {
  try {
    fs.accessSync(MOSQUITTO_BIN, fs.constants.X_OK);
    return null;
  } catch {
    return `${MOSQUITTO_BIN} is not installed (Debian package "mosquitto"; .ci/run installs it): MQTT tests skipped`;
  }
}

export interface Mosquitto {
  host: string;
  port: number;
  /** `mqtt://127.0.0.1:<port>` */
  url: string;
  /** Starts the broker (again) on the same port, waiting until it accepts connections. */
  start(): Promise<void>;
  /** Stops the broker and waits for it to exit; it can be started again. */
  stop(): Promise<void>;
  /** Stops the broker and removes its config folder; safe to call more than once. */
  close(): Promise<void>;
  /** The broker's stdout and stderr so far, for failure messages. */
  output(): string;
}

/** A port that was free a moment ago on 127.0.0.1 (the OS hands out a fresh one each time). */
export async function freeLoopbackPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return port;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export interface MosquittoOptions {
  port?: number;
  /** false: made but not started (the "broker down at start" tests call start() later). */
  started?: boolean;
  /** Only this user may connect (a password file made with mosquitto_passwd); anonymous otherwise. */
  auth?: { user: string; password: string };
}

/**
 * Starts mosquitto on 127.0.0.1 (on `port`, or a free one) and resolves once it accepts TCP
 * connections; null when the binary is absent (see mosquittoMissingReason).
 */
export async function startMosquitto(options: MosquittoOptions = {}): Promise<Mosquitto | null> {
  if (mosquittoMissingReason() !== null) return null;
  const port = options.port ?? (await freeLoopbackPort());
  const temp = makeTempDir('mosquitto');
  const confPath = path.join(temp.dir, 'mosquitto.conf');
  const access = ['allow_anonymous true'];
  // Started as root, mosquitto drops to the "mosquitto" user after reading its config, and could then
  // not open the password file in our 0700 temp folder: stay the user that started it.
  if (process.getuid?.() === 0) access.push('user root');
  if (options.auth) {
    const passwords = path.join(temp.dir, 'passwords');
    execFileSync(MOSQUITTO_PASSWD_BIN, ['-b', '-c', passwords, options.auth.user, options.auth.password]);
    access.splice(0, 1, 'allow_anonymous false', `password_file ${passwords}`);
  }
  fs.writeFileSync(
    confPath,
    [`listener ${port} ${HOST}`, ...access, 'persistence false', 'log_dest stderr', ''].join('\n'),
  );
  let child: ChildProcess | null = null;
  let output = '';

  const start = async (): Promise<void> => {
    if (child) return;
    const proc = spawn(MOSQUITTO_BIN, ['-c', confPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.once('exit', () => {
      if (child === proc) child = null;
    });
    const exited = (): boolean => proc.exitCode !== null || proc.signalCode !== null;
    // Poll the listener until it answers: mosquitto prints nothing reliable to wait for on every
    // version, and a connect is the very thing the tests need.
    const deadline = Date.now() + READY_DEADLINE_MS;
    while (!(await canConnect(port))) {
      if (exited()) throw new Error(`mosquitto exited before listening on ${HOST}:${port}:\n${output}`);
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(
          `mosquitto did not listen on ${HOST}:${port} within ${READY_DEADLINE_MS} ms:\n${output}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    if (!proc) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => {
        resolve();
      });
      proc.kill('SIGTERM');
    });
    child = null;
  };

  if (options.started !== false) await start();
  return {
    host: HOST,
    port,
    url: `mqtt://${HOST}:${port}`,
    start,
    stop,
    async close() {
      await stop();
      temp.remove();
    },
    output: () => output,
  };
}
