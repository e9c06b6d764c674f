// The three platforms' argument forms and outputs, on recorded (Linux) and transcribed (Windows,
// macOS) outputs, so the parsers are exercised where we cannot run those systems.
import { createRequire } from 'node:module';
import type { PingConfig } from 'ping';
import { describe, expect, it } from 'vitest';
import { parsePingOutput } from '@src/main/probes/icmp/ping-output';
import { pingConfigFor, pingPlatformOf, type PingPlatform } from '@src/main/probes/icmp/ping-platform';
import { fixture } from '../../../../support/probe-fixtures';

interface PackageArgumentBuilder {
  getCommandArguments(target: string, config: PingConfig): string[];
}
// The package's own per-platform builders: what it will really put on the command line.
const require = createRequire(import.meta.url);
const builders: Record<PingPlatform, PackageArgumentBuilder> = {
  linux: require('ping/lib/builder/linux') as PackageArgumentBuilder,
  win32: require('ping/lib/builder/win') as PackageArgumentBuilder,
  darwin: require('ping/lib/builder/mac') as PackageArgumentBuilder,
};
const argv = (platform: PingPlatform, host: string, timeoutMs: number): string[] =>
  builders[platform].getCommandArguments(host, pingConfigFor(platform, host, timeoutMs));

describe('ping argument forms', () => {
  it('maps Node platforms onto the three forms', () => {
    expect(pingPlatformOf('linux')).toBe('linux');
    expect(pingPlatformOf('android')).toBe('linux');
    expect(pingPlatformOf('win32')).toBe('win32');
    expect(pingPlatformOf('darwin')).toBe('darwin');
    expect(pingPlatformOf('freebsd')).toBe('darwin');
  });

  it('linux: one request, -W in whole seconds, IPv6 through plain ping', () => {
    expect(argv('linux', '127.0.0.1', 1500)).toEqual(['-n', '-W', '2', '-c', '1', '-s', '56', '127.0.0.1']);
    expect(argv('linux', '::1', 200)).toEqual(['-n', '-W', '1', '-c', '1', '-s', '56', '::1']);
    expect(pingConfigFor('linux', '::1', 200).v6).toBe(false);
  });

  it('win32: -4/-6, -w in ms, -n 1', () => {
    expect(argv('win32', '192.0.2.17', 1000)).toEqual([
      '-4',
      '-w',
      '1000',
      '-n',
      '1',
      '-l',
      '32',
      '192.0.2.17',
    ]);
    expect(argv('win32', '2001:db8::1', 2500)).toEqual([
      '-6',
      '-w',
      '3000',
      '-n',
      '1',
      '-l',
      '32',
      '2001:db8::1',
    ]);
  });

  it('darwin: -W in ms, -c 1', () => {
    expect(argv('darwin', '127.0.0.1', 1000)).toEqual([
      '-n',
      '-W',
      '1000',
      '-c',
      '1',
      '-s',
      '56',
      '127.0.0.1',
    ]);
  });

  it('puts the host last, after every option', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      expect(argv(platform, 'plc-07', 1000).at(-1)).toBe('plc-07');
    }
  });
});

describe('ping output parsers', () => {
  it.each([
    ['linux', 'linux/success.txt', 0.03, 0],
    ['linux', 'linux/success-ipv6.txt', 0.021, 0],
    ['win32', 'win32/success-loopback.txt', 1, 0],
    ['win32', 'win32/success-name.txt', 3, 0],
    ['darwin', 'darwin/success.txt', 0.058, 0],
  ] as const)('%s %s: rtt %f ms, loss %f', (platform, file, rttMs, lossPercent) => {
    expect(parsePingOutput(platform, fixture(file))).toEqual({ rttMs, lossPercent, failure: null });
  });

  it.each([
    ['linux', 'linux/timeout.txt', 'timeout', 100],
    ['linux', 'linux/unknown-host.txt', 'dns', null],
    ['linux', 'linux/network-unreachable.txt', 'unreachable', null],
    ['linux', 'linux/destination-unreachable.txt', 'unreachable', 100],
    ['win32', 'win32/timeout.txt', 'timeout', 100],
    ['win32', 'win32/unknown-host.txt', 'dns', null],
    // Windows counts the router's "Destination host unreachable" as a received reply (0% loss).
    ['win32', 'win32/destination-unreachable.txt', 'unreachable', 0],
    ['darwin', 'darwin/timeout.txt', 'timeout', 100],
    ['darwin', 'darwin/unknown-host.txt', 'dns', null],
    ['darwin', 'darwin/destination-unreachable.txt', 'unreachable', 100],
  ] as const)('%s %s: %s', (platform, file, kind, lossPercent) => {
    const outcome = parsePingOutput(platform, fixture(file));
    expect(outcome.rttMs).toBeNull();
    expect(outcome.lossPercent).toBe(lossPercent);
    expect(outcome.failure?.kind).toBe(kind);
    expect(outcome.failure?.message.length).toBeLessThanOrEqual(120);
  });

  it('reports unknown output as an error with its first line, shortened', () => {
    const outcome = parsePingOutput('linux', `\nping: ${'x'.repeat(300)}\n`);
    expect(outcome.failure?.kind).toBe('error');
    expect(outcome.failure?.message.length).toBeLessThanOrEqual(100);
  });
});
