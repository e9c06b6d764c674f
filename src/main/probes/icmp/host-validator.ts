// Every ICMP host passes through here before any process is spawned. The host ends up as the last
// argument of `ping` or `fping`; a value starting with "-" would be read as an option (`-f` floods),
// and although we never use a shell, shell characters are refused too so a config typo cannot turn
// into something surprising in a later refactor or a log line pasted into a terminal.
import { isIPv4, isIPv6 } from 'node:net';

export type HostFamily = 'ipv4' | 'ipv6' | 'name';

export type HostValidation = { ok: true; host: string; family: HostFamily } | { ok: false; reason: string };

const MAX_NAME_LENGTH = 253;
// RFC 1123 labels; underscores are tolerated because Windows plant networks use them in names.
const LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;
// An IPv6 zone id ("fe80::1%eth0") is an interface name: keep it to plain characters.
const IPV6_ZONE = /^[A-Za-z0-9_.-]{1,32}$/;

export function validateIcmpHost(host: string): HostValidation {
  if (host.length === 0) return { ok: false, reason: 'host is empty' };
  if (host.startsWith('-')) return { ok: false, reason: 'host may not start with "-"' };
  if (/[\s;&|`$<>()'"\\*?![\]{}~#]/.test(host)) {
    return { ok: false, reason: 'host contains a space or shell character' };
  }
  if (isIPv4(host)) return { ok: true, host, family: 'ipv4' };
  if (host.includes(':')) {
    const [address = '', zone, ...rest] = host.split('%');
    const zoneOk = zone === undefined || (rest.length === 0 && IPV6_ZONE.test(zone));
    if (zoneOk && isIPv6(address)) return { ok: true, host, family: 'ipv6' };
    return { ok: false, reason: 'host is not a valid IPv6 address' };
  }
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  if (name.length > MAX_NAME_LENGTH) return { ok: false, reason: 'host name is too long' };
  if (!name.split('.').every((label) => LABEL.test(label))) {
    return { ok: false, reason: 'host is not a valid IP address or host name' };
  }
  return { ok: true, host, family: 'name' };
}
