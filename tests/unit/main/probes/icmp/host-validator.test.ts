import { describe, expect, it } from 'vitest';
import { validateIcmpHost } from '@src/main/probes/icmp/host-validator';

describe('validateIcmpHost', () => {
  it.each([
    ['127.0.0.1', 'ipv4'],
    ['::1', 'ipv6'],
    ['fe80::1%eth0', 'ipv6'],
    ['plc-07.line3.example', 'name'],
    ['HMI_04', 'name'],
    ['switch.local.', 'name'],
  ])('accepts %s as %s', (host, family) => {
    expect(validateIcmpHost(host)).toEqual({ ok: true, host, family });
  });

  it.each([
    ['', 'empty'],
    ['-f', 'start with "-"'],
    ['-c 100000 127.0.0.1', 'start with "-"'],
    ['127.0.0.1; rm', 'shell character'],
    ['127.0.0.1 -f', 'shell character'],
    ['$(reboot)', 'shell character'],
    ['a|b', 'shell character'],
    ['host\nname', 'shell character'],
    ['plc-.line3', 'not a valid'],
    ['bad..name', 'not a valid'],
    ['fe80::1%eth0%x', 'IPv6'],
    ['::g', 'IPv6'],
    [`${'a'.repeat(63)}.`.repeat(4) + 'com', 'too long'],
  ])('refuses %j (%s)', (host, reason) => {
    const result = validateIcmpHost(host);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});
