// The three argument forms of the system `ping`, expressed as the `ping` package's config. The
// package turns it into argv (Linux: `-n -W S -c 1`, Windows: `-4 -w MS -n 1`, macOS: `-n -W MS -c 1`);
// what we choose here is one echo request and a wait that matches the endpoint's timeout.
import { isIPv6 } from 'node:net';
import type { PingConfig } from 'ping';

export type PingPlatform = 'linux' | 'win32' | 'darwin';

export function pingPlatformOf(platform: NodeJS.Platform): PingPlatform {
  if (platform === 'win32') return 'win32';
  if (platform === 'darwin' || platform === 'freebsd' || platform === 'openbsd') return 'darwin';
  return 'linux';
}

/** Whole seconds, at least 1: the package formats the timeout with %d (seconds on every platform). */
export function timeoutSeconds(timeoutMs: number): number {
  return Math.max(1, Math.ceil(timeoutMs / 1000));
}

export function pingConfigFor(platform: PingPlatform, host: string, timeoutMs: number): PingConfig {
  const timeout = timeoutSeconds(timeoutMs);
  switch (platform) {
    case 'linux':
      // iputils `ping` handles IPv6 itself; `v6: true` would make the package run `ping6`, which
      // several distributions no longer ship. No `deadline`: with `-w` iputils keeps sending.
      return { numeric: true, timeout, min_reply: 1, v6: false };
    case 'win32':
      // Windows needs -4/-6 spelled out; the package derives it from `v6`.
      return { numeric: true, timeout, min_reply: 1, v6: isIPv6(host) };
    case 'darwin':
      // macOS `ping` takes -W in ms (the package multiplies by 1000); `ping6` has no -W at all,
      // which the package reports as an error we turn into a failure result.
      return { numeric: true, timeout, min_reply: 1, v6: isIPv6(host) };
  }
}
