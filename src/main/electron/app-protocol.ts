// Serves the built renderer under `app://linewatch/` instead of `file://`: a real origin gives the
// page a strict same-origin policy and lets every response carry our own CSP, whereas `file://`
// pages can read any other local file and cannot be given response headers.
import { resolve } from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/content-security-policy';
import { serveStaticFile, staticRefusal, type StaticResponse } from '../host/static-files';
import { withTelemetryConnectSrc } from '../telemetry/telemetry-env';

/** The one place the scheme and host of our pages are named; everything else derives from these. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'linewatch';
const APP_PROTOCOL = `${APP_SCHEME}:`;
export const APP_ROOT_URL = `${APP_SCHEME}://${APP_HOST}/`;
export const APP_INDEX_URL = `${APP_ROOT_URL}index.html`;

/**
 * True for URLs served by our own protocol. Parsed, not prefix-matched, so look-alikes such as
 * `app://linewatch.evil/` or `app://linewatch@evil/` do not pass.
 */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === APP_PROTOCOL && url.host === APP_HOST && raw.startsWith(APP_ROOT_URL);
  } catch {
    return false;
  }
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

/** The request shape we need; Electron hands us a full `Request`, tests a plain object. */
export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

/**
 * Builds the `app:` handler for one renderer folder (injectable so tests serve a temp folder): the
 * same static-file server as the headless host's, so a path that escapes the folder (by `..`, an
 * encoded slash or a symlink) gets 403, anything else missing 404, and nothing outside
 * `out/renderer` is ever read.
 */
export function createAppProtocolHandler(rendererDir: string): (request: AppRequest) => Promise<Response> {
  const root = resolve(rendererDir);
  const csp = withTelemetryConnectSrc(CONTENT_SECURITY_POLICY);
  const toResponse = ({ status, headers, body }: StaticResponse): Response =>
    new Response(body, { status, headers });
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return toResponse(staticRefusal(400, csp));
    }
    if (url.protocol !== APP_PROTOCOL || url.host !== APP_HOST) return toResponse(staticRefusal(403, csp));
    return toResponse(await serveStaticFile(root, { method: request.method, path: url.pathname }, csp));
  };
}

/** Call once `app` is ready. */
export function registerAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
