// The operator token: what a LAN screen presents to be allowed to act (acknowledge alarms, change
// settings and consent). Without it a LAN connection may only read. It comes from a file the
// operator manages (`--operator-token-file`), or is generated once into the data folder.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUBPROTOCOL_TEXT, WS_TOKEN_SUBPROTOCOL_PREFIX } from '../../shared/contract/ws-protocol';

export const MIN_TOKEN_LENGTH = 16;
export const TOKEN_FILE_NAME = 'operator-token';

/** A token file that cannot be used: the CLI prints the message and exits 1. */
export class OperatorTokenError extends Error {}

export interface OperatorToken {
  token: string;
  path: string;
  /** `file`: --operator-token-file; `generated`: written just now; `stored`: from an earlier start. */
  source: 'file' | 'generated' | 'stored';
}

function validate(token: string, path: string): string {
  if (token.length < MIN_TOKEN_LENGTH) {
    throw new OperatorTokenError(
      `${path}: the operator token must be at least ${MIN_TOKEN_LENGTH} characters, it has ${token.length}`,
    );
  }
  if (!SUBPROTOCOL_TEXT.test(token)) {
    throw new OperatorTokenError(
      `${path}: the operator token may hold only letters, digits and - _ . ~ (it travels as a WebSocket subprotocol)`,
    );
  }
  return token;
}

function readToken(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new OperatorTokenError(`cannot read the operator token file ${path}: ${(error as Error).message}`);
  }
  return validate(text.trim(), path);
}

/** `--operator-token-file FILE`: the operator's own token, trimmed. */
export function readOperatorTokenFile(path: string): OperatorToken {
  return { token: readToken(path), path, source: 'file' };
}

/** `<data>/operator-token`, created (mode 0600, 24 random bytes, base64url) when it is not there. */
export function loadOrCreateOperatorToken(dataDir: string): OperatorToken {
  const path = join(dataDir, TOKEN_FILE_NAME);
  const token = randomBytes(24).toString('base64url');
  try {
    // `wx`: never follow or overwrite something already there (another start, a planted link).
    writeFileSync(path, `${token}\n`, { mode: 0o600, flag: 'wx' });
    return { token, path, source: 'generated' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new OperatorTokenError(`cannot write the operator token to ${path}: ${(error as Error).message}`);
    }
  }
  return { token: readToken(path), path, source: 'stored' };
}

/** True when others than the owner may read the file (it should be 0600). */
export function isReadableByOthers(path: string): boolean {
  try {
    return (statSync(path).mode & 0o077) !== 0;
  } catch {
    return false;
  }
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * Checks the tokens a WebSocket client offered as `linewatch.token.<token>` subprotocols against
 * the operator token, in constant time (hashing first hides the length too).
 */
export function offersOperatorToken(protocols: Iterable<string>, expected: string | null): boolean {
  if (expected === null) return false;
  const want = digest(expected);
  let match = false;
  for (const protocol of protocols) {
    if (!protocol.startsWith(WS_TOKEN_SUBPROTOCOL_PREFIX)) continue;
    const offered = digest(protocol.slice(WS_TOKEN_SUBPROTOCOL_PREFIX.length));
    match = timingSafeEqual(offered, want) || match;
  }
  return match;
}

/** Whether an HTTP `Authorization` header is `Bearer <the operator token>` (compared in constant time). */
export function presentsBearerToken(header: string | undefined, expected: string | null): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (expected === null || !match?.[1]) return false;
  return timingSafeEqual(digest(match[1]), digest(expected));
}

/** The subprotocols of an upgrade request (`Sec-WebSocket-Protocol: a, b`). */
export function offeredSubprotocols(header: string | string[] | undefined): string[] {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
