import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defined, fake, resetFakeElectron } from '../../../support/fake-electron';
import { CONTENT_SECURITY_POLICY } from '@src/main/host/content-security-policy';
import {
  APP_INDEX_URL,
  createAppProtocolHandler,
  isAppUrl,
  registerAppProtocol,
  registerAppSchemePrivileged,
} from '@src/main/electron/app-protocol';

vi.mock('electron', async () => (await import('../../../support/fake-electron')).fakeElectronModule);

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
const SECRET = 'root:x:0:0:secret-outside-renderer';

let base: string;
let rendererDir: string;
const get = (url: string, method = 'GET') => createAppProtocolHandler(rendererDir)({ url, method });

beforeAll(() => {
  // A real folder: the containment checks are about real paths, so they are tested on real files.
  base = mkdtempSync(join(tmpdir(), 'linewatch-protocol-'));
  rendererDir = join(base, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>wall</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(rendererDir, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(rendererDir, 'assets', 'font.woff2'), 'x');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  symlinkSync(join(base, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));
beforeEach(() => resetFakeElectron());

describe('app:// protocol', () => {
  it('registers the scheme as standard, secure and fetch-capable', () => {
    registerAppSchemePrivileged();
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer through protocol.handle with the strict CSP', async () => {
    registerAppProtocol(rendererDir);
    const handler = fake.protocol.handlers.get('app');
    expect(handler).toBeDefined();
    const response = await defined(handler, 'app handler')({ url: APP_INDEX_URL, method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
    expect(await response.text()).toContain('<title>wall</title>');
  });

  it.each([
    ['app://linewatch/', 'text/html; charset=utf-8'],
    ['app://linewatch/assets/app.js?v=1', 'text/javascript; charset=utf-8'],
    ['app://linewatch/assets/app.css', 'text/css; charset=utf-8'],
    ['app://linewatch/assets/logo.svg', 'image/svg+xml'],
    ['app://linewatch/assets/font.woff2', 'font/woff2'],
  ])('serves %s as %s', async (url, mime) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(mime);
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
  });

  it.each([
    'app://linewatch/../../etc/passwd',
    'app://linewatch/%2e%2e/%2e%2e/etc/passwd',
    'app://linewatch/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    'app://linewatch/..%2Fsecret.txt',
    'app://linewatch/../secret.txt',
    'app://linewatch/assets/link.txt',
    'app://linewatch/%2Fetc%2Fpasswd',
  ])('refuses %s (escapes the renderer folder)', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    const body = await response.text();
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain('root:');
  });

  it('answers 403 when decoding reveals a traversal, and 404 for missing files', async () => {
    expect((await get('app://linewatch/..%2Fsecret.txt')).status).toBe(403);
    expect((await get('app://linewatch/assets/link.txt')).status).toBe(403);
    expect((await get('app://linewatch/missing.js')).status).toBe(404);
    expect((await get('app://linewatch/assets')).status).toBe(404);
  });

  it('refuses other hosts and write methods', async () => {
    expect((await get('app://other/index.html')).status).toBe(403);
    expect((await get(APP_INDEX_URL, 'POST')).status).toBe(405);
  });

  it('recognises only our own origin as an app URL', () => {
    expect(isAppUrl('app://linewatch/index.html')).toBe(true);
    expect(isAppUrl('app://linewatch.evil/index.html')).toBe(false);
    expect(isAppUrl('app://linewatch@evil/index.html')).toBe(false);
    expect(isAppUrl('https://linewatch/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
