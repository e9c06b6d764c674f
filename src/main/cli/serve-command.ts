// `linewatch serve` and `linewatch demo`: the services under plain Node plus the HTTP/WebSocket
// host, running until SIGTERM or SIGINT, then stopping cleanly (database closed, WAL checkpointed).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIssue } from '../config';
import { APP_VERSION } from '../app/app-version';
import { ConfigLoadError, startLinewatchServices } from '../app/services';
import { HostAccessError, prepareHostAccess } from '../host/host-access';
import { startHttpHost } from '../host/http-host';
import { healthzRoute } from '../health/healthz-route';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './cli-io';

export const DEFAULT_PORT = 8470;

/** The built renderer sits next to the built CLI: out/main/cli.js -> out/renderer/. */
export const defaultRendererDir = (): string => fileURLToPath(new URL('../renderer/', import.meta.url));

export interface ServeOptions {
  configPath: string | null;
  dataDir: string | null;
  host: string;
  port: number;
  /** `--allow-host NAME`: more names (besides the bound address and loopback) the host answers to. */
  allowHosts?: string[];
  /** `--operator-token-file FILE`; else a LAN bind generates `<data>/operator-token`. */
  operatorTokenFile?: string | null;
  tls?: { certPath: string; keyPath: string } | null;
  rendererDir?: string;
}

export async function runServe(options: ServeOptions, io: CliIo): Promise<number> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'linewatch-demo-'));
  mkdirSync(dataDir, { recursive: true });
  let access;
  try {
    access = prepareHostAccess({
      host: options.host,
      dataDir,
      operatorTokenFile: options.operatorTokenFile ?? null,
      tls: options.tls ?? null,
    });
  } catch (error) {
    if (!(error instanceof HostAccessError)) throw error;
    io.stderr(`linewatch: ${error.message}`);
    return EXIT_BAD_INPUT;
  }
  for (const line of access.warnings) io.stderr(line);
  for (const line of access.lines) io.stdout(line);
  let services;
  try {
    services = await startLinewatchServices({
      dataDir,
      configPath: options.configPath,
      host: 'headless',
      appVersion: APP_VERSION,
      log: (line) => io.stdout(line),
    });
  } catch (error) {
    if (error instanceof ConfigLoadError) {
      for (const issue of error.issues) io.stderr(formatIssue(issue));
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
  const running = services;
  let host;
  try {
    host = await startHttpHost({
      services,
      rendererDir: options.rendererDir ?? defaultRendererDir(),
      host: options.host,
      port: options.port,
      allowHosts: options.allowHosts ?? [],
      operatorToken: access.operatorToken,
      tls: access.tls,
      log: (line) => io.stdout(line),
      routes: { '/healthz': healthzRoute(() => running.health()) },
    });
  } catch (error) {
    await services.stop();
    io.stderr(`cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`);
    return EXIT_BAD_INPUT;
  }
  io.stdout(`data in ${dataDir}`);
  io.stdout(`dashboard at ${host.url}`);

  const started = host;
  const startedServices = services;
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string): void => {
      if (stopping) return;
      stopping = true;
      io.stdout(`${signal}: stopping`);
      // The acceptance asks for a stop within 5 s; never hang past that on a stuck socket.
      setTimeout(() => resolve(EXIT_OK), 4500).unref();
      void started
        .close()
        .then(() => startedServices.stop())
        .then(() => {
          io.stdout('stopped');
          resolve(EXIT_OK);
        });
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
