// Serves the built renderer from one folder: only regular files whose real path (symlinks
// resolved) stays inside the folder, through the resolver the app:// protocol uses too.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { resolveContainedFile } from './contained-file';

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

const REFUSALS = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
} as const;

export async function readStaticFile(
  root: string,
  urlPath: string,
): Promise<{ status: number; type: string; body: Buffer | string }> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return { status: 400, type: 'text/plain', body: REFUSALS[400] };
  }
  const file = await resolveContainedFile(root, decoded);
  if (!file.ok) return { status: file.status, type: 'text/plain', body: REFUSALS[file.status] };
  try {
    const body = await readFile(file.realPath);
    return { status: 200, type: MIME[extname(file.path)] ?? 'application/octet-stream', body };
  } catch {
    return { status: 404, type: 'text/plain', body: REFUSALS[404] };
  }
}
