// The one static-file server for the built renderer, behind both ways of serving it: the headless
// HTTP host and Electron's app:// protocol, which only adapt its answer to their response type.
// Only regular files whose real path (symlinks resolved) stays inside the folder are served
// (contained-file.ts); every answer, refusals included, carries the page's CSP.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { resolveContainedFile } from './contained-file';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
};

const TEXT = 'text/plain; charset=utf-8';

const REFUSALS = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
} as const;

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** `urlPath` as requested (percent-encoded, maybe with a query); its type is named by its extension. */
export async function readStaticFile(
  root: string,
  urlPath: string,
): Promise<{ status: number; type: string; body: Buffer | string }> {
  let decoded: string;
  try {
    // Decoding can itself produce `..` or `/` (from %2e / %2F): the containment check runs on the
    // decoded path for exactly that reason.
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return { status: 400, type: TEXT, body: REFUSALS[400] };
  }
  const file = await resolveContainedFile(root, decoded);
  if (!file.ok) return { status: file.status, type: TEXT, body: REFUSALS[file.status] };
  try {
    const body = await readFile(file.realPath);
    return { status: 200, type: mimeTypeFor(file.path), body };
  } catch {
    return { status: 404, type: TEXT, body: REFUSALS[404] };
  }
}

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  /** Null for HEAD. */
  body: Buffer | string | null;
}

const headersFor = (type: string, contentSecurityPolicy: string): Record<string, string> => ({
  'Content-Type': type,
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  // The bundle only changes with an update; no stale asset may outlive a restart of the host.
  'Cache-Control': 'no-cache',
});

/** A refusal decided before the file is looked up (a URL for another host, say). */
export function staticRefusal(status: keyof typeof REFUSALS, contentSecurityPolicy: string): StaticResponse {
  return { status, headers: headersFor(TEXT, contentSecurityPolicy), body: REFUSALS[status] };
}

/** A whole answer to `method path`: the file or a refusal, with the headers every answer carries. */
export async function serveStaticFile(
  root: string,
  request: { method: string; path: string },
  contentSecurityPolicy: string,
): Promise<StaticResponse> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const headers = { ...headersFor(TEXT, contentSecurityPolicy), Allow: 'GET, HEAD' };
    return { status: 405, headers, body: 'Method not allowed' };
  }
  const { status, type, body } = await readStaticFile(root, request.path);
  return {
    status,
    headers: headersFor(type, contentSecurityPolicy),
    body: request.method === 'HEAD' ? null : body,
  };
}
