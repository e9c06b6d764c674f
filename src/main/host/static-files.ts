// Serves the built renderer from one folder, refusing any path that escapes it.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
};

/** Resolve a URL path inside `root`; null when it would leave the folder. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const full = resolve(join(base, normalize(relative)));
  return full === base || full.startsWith(base + sep) ? full : null;
}

export async function readStaticFile(
  root: string,
  urlPath: string,
): Promise<{ status: number; type: string; body: Buffer | string }> {
  const file = resolveInside(root, urlPath);
  if (!file) return { status: 403, type: 'text/plain', body: 'Forbidden' };
  try {
    const body = await readFile(file);
    return { status: 200, type: MIME[extname(file)] ?? 'application/octet-stream', body };
  } catch {
    return { status: 404, type: 'text/plain', body: 'Not found' };
  }
}
