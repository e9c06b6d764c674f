// Which names the host answers to. A web page elsewhere can point its own DNS name at this machine
// (DNS rebinding) and then read the dashboard as "same origin"; the browser still sends that name
// in `Host`, so the host answers only when `Host` names the address it is bound to, a loopback
// name, a name the operator allowed (`--allow-host`), or, bound to every interface, one of the
// machine's own addresses as an IP literal (a page cannot get a bare IP as its origin by DNS).
//
// Ports: `Host` is compared by name only. Behind port forwarding the browser sends the outside
// port, and a rebinding page cannot choose the name, only the port, so the port proves nothing.
// `Origin` (WebSocket upgrades) must name an allowed host AND carry the same port as `Host`: a
// page served by another program on this machine (http://localhost:3000) is another origin and
// may not drive the contract.
import { networkInterfaces } from 'node:os';

export const LOOPBACK_NAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

const HOST_VALUE = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(?::(\d{1,5}))?$/;

/** Lower case, IPs in one spelling (`[::1]`, `127.0.0.1`), no trailing dot; null when not a host. */
export function canonicalHostname(name: string): string | null {
  const bracketed = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
  if (!HOST_VALUE.test(bracketed) || bracketed.includes(':', bracketed.indexOf(']') + 1)) return null;
  try {
    const hostname = new URL(`http://${bracketed}/`).hostname;
    return hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  } catch {
    return null;
  }
}

/** `Host: name[:port]` split and made canonical; null when it is not a valid Host value. */
export function parseHostHeader(value: string | undefined): { hostname: string; port: number | null } | null {
  if (value === undefined) return null;
  const match = value.trim().match(HOST_VALUE);
  if (!match?.[1]) return null;
  const hostname = canonicalHostname(match[1]);
  const port = match[2] === undefined ? null : Number(match[2]);
  if (hostname === null || (port !== null && port > 65535)) return null;
  return { hostname, port };
}

/** The default bind and the names of this machine's loopback: no token needed to act from it. */
export function isLoopbackBind(host: string): boolean {
  const name = canonicalHostname(host);
  return name !== null && LOOPBACK_NAMES.includes(name);
}

export function isWildcardBind(host: string): boolean {
  const name = canonicalHostname(host);
  return name === '0.0.0.0' || name === '[::]';
}

/** Every address of every interface of this machine, canonical. */
export function machineAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((entry) => canonicalHostname(entry.address.split('%')[0] ?? ''))
    .filter((address): address is string => address !== null);
}

export interface HostAllowListOptions {
  /** The address or name the host is bound to (`--host`). */
  bindHost: string;
  /** `--allow-host NAME`, repeatable. */
  allowHosts?: readonly string[];
  /** The machine's addresses, consulted only when bound to a wildcard; injectable for tests. */
  interfaceAddresses?: () => readonly string[];
}

export interface HostAllowList {
  /** True when a `Host` header names this host. */
  allowsHost(hostHeader: string | undefined): boolean;
  /** True when an `Origin` is a page of this host, reached through the same port as `Host`. */
  allowsOrigin(origin: string, hostHeader: string | undefined): boolean;
}

export function createHostAllowList(options: HostAllowListOptions): HostAllowList {
  const named = new Set<string>(LOOPBACK_NAMES);
  const wildcard = isWildcardBind(options.bindHost);
  const bound = canonicalHostname(options.bindHost);
  // Bound to a wildcard, the wildcard literal too: it is the URL `serve` prints, and not a DNS name.
  if (bound !== null) named.add(bound);
  for (const name of options.allowHosts ?? []) {
    const canonical = canonicalHostname(name);
    if (canonical !== null) named.add(canonical);
  }
  const addresses = options.interfaceAddresses ?? machineAddresses;

  const allowsName = (hostname: string): boolean =>
    named.has(hostname) || (wildcard && addresses().includes(hostname));

  return {
    allowsHost(hostHeader) {
      const host = parseHostHeader(hostHeader);
      return host !== null && allowsName(host.hostname);
    },
    allowsOrigin(origin, hostHeader) {
      const host = parseHostHeader(hostHeader);
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        return false; // includes the opaque origin "null" of sandboxed frames and files
      }
      if (host === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return false;
      const originName = canonicalHostname(url.hostname);
      if (originName === null || !allowsName(originName)) return false;
      // URL drops a port that is its scheme's default; a browser's Host does too.
      const defaultPort = url.protocol === 'https:' ? 443 : 80;
      const originPort = url.port === '' ? null : Number(url.port);
      const hostPort = host.port === defaultPort ? null : host.port;
      return originPort === hostPort;
    },
  };
}
