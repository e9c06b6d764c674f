// The headless host serves only regular files whose real path stays inside the renderer folder:
// tested on a real temp folder with real symlinks, directories and a FIFO.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveContainedFile } from '@src/main/host/contained-file';
import { readStaticFile } from '@src/main/host/static-files';

const SECRET = 'secret-outside-the-renderer-folder';
let base: string;
let rendererDir: string;
let hasFifo = false;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'linewatch-static-'));
  rendererDir = join(base, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Linewatch</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  writeFileSync(join(base, 'outside', 'other.js'), SECRET);
  // Symlinks inside the folder: to a file outside, to a folder outside, and to a file inside.
  symlinkSync(join(base, 'secret.txt'), join(rendererDir, 'assets', 'leak.txt'));
  symlinkSync('../../secret.txt', join(rendererDir, 'assets', 'relative-leak.js'));
  symlinkSync(join(base, 'outside'), join(rendererDir, 'linked-dir'));
  symlinkSync(join(rendererDir, 'assets', 'app.js'), join(rendererDir, 'alias.js'));
  // The renderer folder itself reached through a symlink is still served (real root vs real file).
  symlinkSync(rendererDir, join(base, 'renderer-link'));
  try {
    execFileSync('mkfifo', [join(rendererDir, 'assets', 'pipe.js')]);
    hasFifo = true;
  } catch {
    hasFifo = false;
  }
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('readStaticFile', () => {
  it('serves index.html for / and assets with their type', async () => {
    const index = await readStaticFile(rendererDir, '/');
    expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(String(index.body)).toContain('<title>Linewatch</title>');
    expect(await readStaticFile(rendererDir, '/assets/app.js?v=2')).toMatchObject({
      status: 200,
      type: 'text/javascript; charset=utf-8',
    });
  });

  it.each([
    '/assets/leak.txt',
    '/assets/relative-leak.js',
    '/linked-dir/other.js',
    '/linked-dir/',
    '/../secret.txt',
    '/..%2Fsecret.txt',
    '/%2e%2e/%2e%2e/secret.txt',
  ])('refuses %s with 403: its real path leaves the renderer folder', async (path) => {
    const response = await readStaticFile(rendererDir, path);
    expect(response.status).toBe(403);
    expect(String(response.body)).not.toContain(SECRET);
  });

  it('follows a symlink whose target is inside the folder', async () => {
    const response = await readStaticFile(rendererDir, '/alias.js');
    expect(response).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(String(response.body)).toBe('console.log(1)');
  });

  it('serves a renderer folder that is itself reached through a symlink', async () => {
    expect((await readStaticFile(join(base, 'renderer-link'), '/assets/app.js')).status).toBe(200);
    expect((await readStaticFile(join(base, 'renderer-link'), '/assets/leak.txt')).status).toBe(403);
  });

  it('refuses directories and missing files with 404, undecodable or NUL paths with 400', async () => {
    expect((await readStaticFile(rendererDir, '/assets')).status).toBe(404);
    expect((await readStaticFile(rendererDir, '/assets/')).status).toBe(404);
    expect((await readStaticFile(rendererDir, '/missing.js')).status).toBe(404);
    expect((await readStaticFile(rendererDir, '/%E0%A4%A')).status).toBe(400);
    expect((await readStaticFile(rendererDir, '/index.html%00.js')).status).toBe(400);
  });

  it('refuses a FIFO (not a regular file) instead of hanging on it', async (context) => {
    if (!hasFifo) context.skip();
    expect((await readStaticFile(rendererDir, '/assets/pipe.js')).status).toBe(404);
  });
});

describe('resolveContainedFile', () => {
  it('returns the requested path and the real path to read', async () => {
    expect(await resolveContainedFile(rendererDir, '/alias.js')).toEqual({
      ok: true,
      path: join(rendererDir, 'alias.js'),
      realPath: join(rendererDir, 'assets', 'app.js'),
    });
  });

  it('does not mistake a name starting with ".." for a step out of the folder', async () => {
    writeFileSync(join(rendererDir, '..notes.txt'), 'inside');
    expect(await resolveContainedFile(rendererDir, '/..notes.txt')).toMatchObject({ ok: true });
  });
});
