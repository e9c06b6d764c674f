// What `serve` settles before the host listens: whether it serves the LAN (then connections are
// read-only unless they present the operator token), which token, which TLS certificate, and the
// lines that tell the operator what is now true. Loopback stays as easy as ever: no token at all.
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { WS_SUBPROTOCOL, WS_TOKEN_SUBPROTOCOL_PREFIX } from '../../shared/contract/ws-protocol';
import { isLoopbackBind } from './host-allow-list';
import {
  OperatorTokenError,
  isReadableByOthers,
  loadOrCreateOperatorToken,
  readOperatorTokenFile,
  type OperatorToken,
} from './operator-token';

/** Setup the operator has to fix (a short token, an unreadable certificate): exit 1 with it. */
export class HostAccessError extends Error {}

export interface HostAccessOptions {
  host: string;
  dataDir: string;
  operatorTokenFile: string | null;
  tls: { certPath: string; keyPath: string } | null;
}

export interface HostAccess {
  lanMode: boolean;
  operatorToken: string | null;
  tls: { cert: Buffer; key: Buffer } | null;
  /** What is now true about access, for stderr (serving beyond loopback, plain HTTP). */
  warnings: string[];
  /** For stdout: where the token is, and the generated token itself the one time it is created. */
  lines: string[];
}

function readTls(paths: { certPath: string; keyPath: string }): { cert: Buffer; key: Buffer } {
  const read = (flag: string, path: string): Buffer => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new HostAccessError(`${flag} ${path}: cannot read it: ${(error as Error).message}`);
    }
  };
  const tls = { cert: read('--tls-cert', paths.certPath), key: read('--tls-key', paths.keyPath) };
  try {
    createSecureContext(tls);
  } catch (error) {
    throw new HostAccessError(
      `--tls-cert ${paths.certPath} / --tls-key ${paths.keyPath}: not a usable PEM certificate and key: ${(error as Error).message}`,
    );
  }
  return tls;
}

function tokenLines(token: OperatorToken): string[] {
  const how =
    `to act from a LAN screen, enter it when the dashboard asks for the operator token; scripts offer ` +
    `the WebSocket subprotocols "${WS_SUBPROTOCOL}" and "${WS_TOKEN_SUBPROTOCOL_PREFIX}<token>"`;
  switch (token.source) {
    case 'generated':
      return [`operator token (shown this once, kept in ${token.path}, mode 0600): ${token.token}`, how];
    case 'stored': {
      const loose = isReadableByOthers(token.path)
        ? [`warning: ${token.path} can be read by other users; chmod 600 it`]
        : [];
      return [`operator token: in ${token.path} (not printed again)`, ...loose, how];
    }
    case 'file':
      return [`operator token: from ${token.path}`, how];
  }
}

export function prepareHostAccess(options: HostAccessOptions): HostAccess {
  const lanMode = !isLoopbackBind(options.host);
  const tls = options.tls ? readTls(options.tls) : null;
  let token: OperatorToken | null = null;
  try {
    if (options.operatorTokenFile !== null) token = readOperatorTokenFile(options.operatorTokenFile);
    else if (lanMode) token = loadOrCreateOperatorToken(options.dataDir);
  } catch (error) {
    if (error instanceof OperatorTokenError) throw new HostAccessError(error.message);
    throw error;
  }
  const warnings: string[] = [];
  if (lanMode) {
    warnings.push(
      `warning: serving on ${options.host} beyond this machine: anyone who can reach it sees the dashboard, ` +
        `read-only; acknowledging alarms and changing settings or consent need the operator token ` +
        `(and the operator PIN while one is set)`,
    );
    if (!tls) {
      warnings.push(
        'warning: plain HTTP: the token and the PIN cross the network unencrypted; add --tls-cert FILE --tls-key FILE',
      );
    }
  }
  const lines = token ? tokenLines(token) : [];
  if (token && !lanMode) lines.push('on loopback every connection may act without the token');
  return { lanMode, operatorToken: token?.token ?? null, tls, warnings, lines };
}
