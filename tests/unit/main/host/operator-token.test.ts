import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostAccessError, prepareHostAccess } from '@src/main/host/host-access';
import { createHostLog, printable } from '@src/main/host/host-log';
import {
  loadOrCreateOperatorToken,
  offeredSubprotocols,
  offersOperatorToken,
  presentsBearerToken,
  readOperatorTokenFile,
} from '@src/main/host/operator-token';
import { makeTempDir } from '../../../support/temp-store';

let temp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => temp?.remove());
const dir = () => (temp = makeTempDir('token')).dir;

describe('operator token', () => {
  it('is generated once (0600, base64url of 24 bytes) and read back later', () => {
    const data = dir();
    const first = loadOrCreateOperatorToken(data);
    expect(first.source).toBe('generated');
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(statSync(first.path).mode & 0o777).toBe(0o600);
    const again = loadOrCreateOperatorToken(data);
    expect(again).toEqual({ ...first, source: 'stored' });
  });

  it('comes from --operator-token-file, trimmed, at least 16 characters', () => {
    const file = join(dir(), 'token.txt');
    writeFileSync(file, '  0123456789abcdef-long \n');
    expect(readOperatorTokenFile(file).token).toBe('0123456789abcdef-long');
    writeFileSync(file, 'short-token\n');
    expect(() => readOperatorTokenFile(file)).toThrow(/at least 16 characters, it has 11/);
    writeFileSync(file, 'has a space in the middle');
    expect(() => readOperatorTokenFile(file)).toThrow(/only letters, digits/);
    expect(() => readOperatorTokenFile(join(dir(), 'missing'))).toThrow(/cannot read/);
  });

  it('matches only the exact token among the offered subprotocols', () => {
    const token = 'A'.repeat(32);
    const offered = offeredSubprotocols(`linewatch.v1, linewatch.token.${token}`);
    expect(offered).toEqual(['linewatch.v1', `linewatch.token.${token}`]);
    expect(offersOperatorToken(offered, token)).toBe(true);
    expect(offersOperatorToken(['linewatch.v1', `linewatch.token.${token}x`], token)).toBe(false);
    expect(offersOperatorToken(['linewatch.v1', token], token)).toBe(false);
    expect(offersOperatorToken(offered, null)).toBe(false);
    expect(offeredSubprotocols(undefined)).toEqual([]);
  });
});

describe('host access', () => {
  it('loopback needs no token and says nothing', () => {
    const access = prepareHostAccess({
      host: '127.0.0.1',
      dataDir: dir(),
      operatorTokenFile: null,
      tls: null,
    });
    expect(access).toMatchObject({ lanMode: false, operatorToken: null, tls: null, warnings: [], lines: [] });
  });

  it('a LAN bind generates the token, prints it once, and warns about plain HTTP', () => {
    const data = dir();
    const first = prepareHostAccess({ host: '127.0.0.2', dataDir: data, operatorTokenFile: null, tls: null });
    expect(first.lanMode).toBe(true);
    expect(first.warnings.join('\n')).toMatch(/read-only.*operator token/);
    expect(first.warnings.join('\n')).toContain('plain HTTP');
    const token = first.operatorToken ?? '';
    expect(first.lines.join('\n')).toContain(token);
    const second = prepareHostAccess({
      host: '127.0.0.2',
      dataDir: data,
      operatorTokenFile: null,
      tls: null,
    });
    expect(second.operatorToken).toBe(token);
    expect(second.lines.join('\n')).not.toContain(token);
    expect(second.lines.join('\n')).toContain(join(data, 'operator-token'));
  });

  it('refuses an unreadable certificate with a clear message', () => {
    const data = dir();
    writeFileSync(join(data, 'cert.pem'), 'not a certificate');
    writeFileSync(join(data, 'key.pem'), 'not a key');
    const tls = { certPath: join(data, 'cert.pem'), keyPath: join(data, 'key.pem') };
    expect(() =>
      prepareHostAccess({ host: '127.0.0.2', dataDir: data, operatorTokenFile: null, tls }),
    ).toThrow(HostAccessError);
    const missing = { certPath: join(data, 'nope.pem'), keyPath: join(data, 'key.pem') };
    expect(() =>
      prepareHostAccess({ host: '127.0.0.2', dataDir: data, operatorTokenFile: null, tls: missing }),
    ).toThrow(/--tls-cert .*nope\.pem: cannot read it/);
  });
});

describe('host log', () => {
  it('lets a few lines of a kind through per window and counts the rest', () => {
    const lines: string[] = [];
    let now = 0;
    const log = createHostLog((line) => lines.push(line), { perWindow: 2, windowMs: 1000, now: () => now });
    for (let i = 0; i < 5; i += 1) log('frame', `bad ${i}`);
    log('host', 'other kind');
    expect(lines).toEqual(['host: bad 0', 'host: bad 1', 'host: other kind']);
    now = 1000;
    log('frame', 'bad 5');
    expect(lines.slice(3)).toEqual(['host: 3 more frame line(s) suppressed', 'host: bad 5']);
  });

  it('keeps client text printable and short', () => {
    expect(printable('evil\r\nInjected: line')).toBe('"evil??Injected: line"');
    expect(printable('x'.repeat(500)).length).toBeLessThan(130);
    expect(printable(undefined)).toBe('(none)');
  });
});

describe('presentsBearerToken', () => {
  const token = 'a-token-of-twenty-chars';
  it('accepts exactly the operator token as a Bearer credential', () => {
    expect(presentsBearerToken(`Bearer ${token}`, token)).toBe(true);
    expect(presentsBearerToken(`bearer  ${token} `, token)).toBe(true);
  });
  it('refuses another token, another scheme, no header, and any token when none is set', () => {
    expect(presentsBearerToken(`Bearer ${token}x`, token)).toBe(false);
    expect(presentsBearerToken(`Basic ${token}`, token)).toBe(false);
    expect(presentsBearerToken(undefined, token)).toBe(false);
    expect(presentsBearerToken(`Bearer ${token}`, null)).toBe(false);
  });
});
