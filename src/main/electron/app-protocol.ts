// Serves the built renderer under `app://linewatch/` instead of `file://`: a real origin gives the
// page a strict same-origin policy and lets every response carry our own CSP, whereas `file://`
// pages can read any other local file and cannot be given response headers.
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { protocol } from 'electron';
import { resolveContainedFile } from '../host/contained-file';
import { withTelemetryConnectSrc } from '../telemetry/telemetry-env';

export const APP_SCHEME = 'app';
export const APP_HOST = 'linewatch';
export const APP_ROOT_URL = `${APP_SCHEME}://${APP_HOST}/`;
export const APP_INDEX_URL = `${APP_ROOT_URL}index.html`;

/** Sent on every response, errors included, so no page of ours ever runs without it. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React and ECharts set inline style attributes; inline *scripts* stay forbidden.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** The renderer's Sentry and Mixpanel reach their configured hosts directly; nothing else is added. */
const ACTIVE_CSP = withTelemetryConnectSrc(CONTENT_SECURITY_POLICY);

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
};

/**
 * True for URLs served by our own protocol. Parsed, not prefix-matched, so look-alikes such as
 * `app://linewatch.evil/` or `app://linewatch@evil/` do not pass.
 */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && raw.startsWith(APP_ROOT_URL);
  } catch {
    return false;
  }
}

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Must run before `app` is ready: Chromium only grants these privileges at startup. `standard`
 * gives the scheme normal URL parsing and an origin, `secure` lets it use secure-context APIs, and
 * `supportFetchAPI` lets the renderer `fetch` its own assets.
 */
export function registerAppSchemePrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const REFUSALS = { 400: 'Bad request', 403: 'Forbidden', 404: 'Not found' } as const;

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': ACTIVE_CSP,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** The request shape we need; Electron hands us a full `Request`, tests a plain object. */
export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

/**
 * Builds the `app:` handler for one renderer folder (injectable so tests serve a temp folder).
 * Refusals are deliberate: a path that escapes the folder (by `..`, an encoded slash or a symlink)
 * gets 403, anything else missing 404, so nothing outside `out/renderer` is ever read.
 */
export function createAppProtocolHandler(rendererDir: string): (request: AppRequest) => Promise<Response> {
  const root = resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    let url: URL;
    let pathname: string;
    try {
      url = new URL(request.url);
      // Decoding can itself produce `..` or `/` (from %2e / %2F): the containment check below runs
      // on the decoded path for exactly that reason.
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return textResponse(400, 'Bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return textResponse(403, 'Forbidden');

    // Shared with the headless HTTP host: lexical and real-path (symlink) containment, files only.
    const file = await resolveContainedFile(root, pathname);
    if (!file.ok) return textResponse(file.status, REFUSALS[file.status]);
    const realTarget = file.realPath;
    try {
      const body = await readFile(realTarget);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: {
          'Content-Type': mimeTypeFor(realTarget),
          'Content-Security-Policy': ACTIVE_CSP,
          'X-Content-Type-Options': 'nosniff',
          // The bundle only changes with an app update; no stale asset can outlive a restart.
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return textResponse(404, 'Not found');
    }
  };
}

/** Call once `app` is ready. */
export function registerAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
