// The Content-Security-Policy of the renderer, in one place for both ways it is served: Electron's
// app:// protocol and the headless HTTP host. Both send it on every response (refusals included),
// so no page of ours ever runs without it. The renderer's Sentry and Mixpanel reach their
// configured hosts directly: the servers add those origins (withTelemetryConnectSrc), nothing else.

function policy(connectSrc: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React and ECharts set inline style attributes; inline *scripts* stay forbidden.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    ['connect-src', "'self'", ...connectSrc].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The policy of the Electron window: it reaches main through the preload, never over the network. */
export const CONTENT_SECURITY_POLICY = policy([]);

/**
 * The same policy for a page of the headless host, whose contract is a WebSocket to that host.
 * CSP 3 counts a same-origin ws: as 'self'; not every browser a wall PC runs does, hence the schemes.
 */
export const HEADLESS_CONTENT_SECURITY_POLICY = policy(['ws:', 'wss:']);
