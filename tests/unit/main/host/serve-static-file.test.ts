// One static-file server behind both ways of serving the renderer: the headless HTTP host and
// Electron's app:// protocol answer the same file with the same type and the same headers, and
// every answer (refusals included) carries the policy it was given.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  HEADLESS_CONTENT_SECURITY_POLICY,
} from '@src/main/host/content-security-policy';
import { serveStaticFile, staticRefusal } from '@src/main/host/static-files';

vi.mock('electron', async () => (await import('../../../support/fake-electron')).fakeElectronModule);
const { createAppProtocolHandler } = await import('@src/main/electron/app-protocol');

const CSP = "default-src 'self'";
let rendererDir: string;

beforeAll(() => {
  rendererDir = mkdtempSync(join(tmpdir(), 'linewatch-serve-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>wall</title>');
  writeFileSync(join(rendererDir, 'assets', 'manifest.json'), '{}');
  writeFileSync(join(rendererDir, 'assets', 'cue.wav'), 'RIFF');
});
afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));

describe('serveStaticFile', () => {
  it('answers a file with its type and the headers every answer carries', async () => {
    const answer = await serveStaticFile(rendererDir, { method: 'GET', path: '/' }, CSP);
    expect(answer.status).toBe(200);
    expect(answer.headers).toEqual({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    expect(String(answer.body)).toContain('<title>wall</title>');
  });

  it('answers HEAD without a body, other methods 405 with Allow', async () => {
    const head = await serveStaticFile(rendererDir, { method: 'HEAD', path: '/index.html' }, CSP);
    expect(head).toMatchObject({ status: 200, body: null });
    const post = await serveStaticFile(rendererDir, { method: 'POST', path: '/' }, CSP);
    expect(post.status).toBe(405);
    expect(post.headers).toMatchObject({ Allow: 'GET, HEAD', 'Content-Security-Policy': CSP });
  });

  it('puts the policy on refusals too', async () => {
    const missing = await serveStaticFile(rendererDir, { method: 'GET', path: '/missing.js' }, CSP);
    expect(missing).toMatchObject({ status: 404, body: 'Not found' });
    expect(missing.headers['Content-Security-Policy']).toBe(CSP);
    expect(staticRefusal(403, CSP)).toMatchObject({
      status: 403,
      headers: { 'Content-Security-Policy': CSP, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  });
});

describe('both ways of serving the renderer', () => {
  it.each(['/index.html', '/assets/manifest.json', '/assets/cue.wav', '/missing.js'])(
    'app:// answers %s with the same status, type and body as the static server',
    async (path) => {
      const direct = await serveStaticFile(rendererDir, { method: 'GET', path }, CONTENT_SECURITY_POLICY);
      const response = await createAppProtocolHandler(rendererDir)({
        url: `app://linewatch${path}`,
        method: 'GET',
      });
      expect(response.status).toBe(direct.status);
      expect(response.headers.get('content-type')).toBe(direct.headers['Content-Type']);
      expect(await response.text()).toBe(String(direct.body));
    },
  );

  it('differ in policy only by the WebSocket sources the headless page needs', () => {
    expect(HEADLESS_CONTENT_SECURITY_POLICY).toBe(
      CONTENT_SECURITY_POLICY.replace("connect-src 'self'", "connect-src 'self' ws: wss:"),
    );
  });
});
