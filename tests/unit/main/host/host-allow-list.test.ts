import { describe, expect, it } from 'vitest';
import {
  canonicalHostname,
  createHostAllowList,
  isLoopbackBind,
  isWildcardBind,
  parseHostHeader,
} from '@src/main/host/host-allow-list';

const interfaces = () => ['127.0.0.1', '[::1]', '10.20.30.40', '[fe80::1]'];
const list = (bindHost: string, allowHosts: string[] = []) =>
  createHostAllowList({ bindHost, allowHosts, interfaceAddresses: interfaces });

describe('Host header', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1:8470', true],
    ['127.0.0.1', 'localhost:8470', true],
    ['127.0.0.1', 'LOCALHOST.', true],
    ['127.0.0.1', '[::1]:8470', true],
    ['127.0.0.1', '127.0.0.1', true],
    // the port may differ (port forwarding): only the name is compared
    ['127.0.0.1', '127.0.0.1:9999', true],
    ['127.0.0.1', 'evil.example:8470', false],
    ['127.0.0.1', 'evil.example', false],
    ['127.0.0.1', '127.0.0.2:8470', false],
    ['127.0.0.1', '', false],
    ['127.0.0.1', undefined, false],
    ['127.0.0.1', 'evil.example@127.0.0.1', false],
    ['127.0.0.1', '127.0.0.1:8470/x', false],
    ['127.0.0.1', '127.0.0.1:99999', false],
    ['127.0.0.1', '127.0.0.1 :8470', false],
    // the bound address, and loopback names still, on a LAN bind
    ['127.0.0.2', '127.0.0.2:8470', true],
    ['127.0.0.2', 'localhost:8470', true],
    ['127.0.0.2', '10.20.30.40:8470', false],
    // a wildcard bind also answers to the machine's own addresses as IP literals
    ['0.0.0.0', '10.20.30.40:8470', true],
    ['0.0.0.0', '[fe80::1]:8470', true],
    ['::', '10.20.30.40', true],
    ['0.0.0.0', '10.20.30.41:8470', false],
    ['0.0.0.0', 'wall.plant.local:8470', false],
    // ...and to the wildcard literal itself (the URL serve prints), an IP, not a DNS name
    ['0.0.0.0', '0.0.0.0:8470', true],
    ['127.0.0.1', '0.0.0.0:8470', false],
    // bound to a name: that name
    ['wall.plant.local', 'Wall.Plant.Local:8470', true],
  ])('bound to %s, Host %j -> %s', (bindHost, host, allowed) => {
    expect(list(bindHost).allowsHost(host)).toBe(allowed);
  });

  it('answers to names given with --allow-host', () => {
    const allow = list('0.0.0.0', ['wall.plant.local', '192.168.5.5']);
    expect(allow.allowsHost('wall.plant.local:8470')).toBe(true);
    expect(allow.allowsHost('192.168.5.5')).toBe(true);
    expect(allow.allowsHost('other.plant.local:8470')).toBe(false);
  });
});

describe('Origin of a WebSocket upgrade', () => {
  it.each([
    ['http://127.0.0.1:8470', '127.0.0.1:8470', true],
    ['http://localhost:8470', '127.0.0.1:8470', true],
    ['https://127.0.0.1:8470', '127.0.0.1:8470', true],
    ['http://[::1]:8470', '[::1]:8470', true],
    ['http://evil.example', '127.0.0.1:8470', false],
    ['http://evil.example:8470', '127.0.0.1:8470', false],
    // another program's page on this machine is another origin
    ['http://localhost:3000', '127.0.0.1:8470', false],
    ['http://127.0.0.1', '127.0.0.1:8470', false],
    // default ports: the browser leaves them out of both
    ['http://127.0.0.1', '127.0.0.1', true],
    ['https://localhost', 'localhost', true],
    ['http://127.0.0.1', '127.0.0.1:80', true],
    ['null', '127.0.0.1:8470', false],
    ['file://', '127.0.0.1:8470', false],
    ['chrome-extension://abc', '127.0.0.1:8470', false],
    ['not a url', '127.0.0.1:8470', false],
    ['http://127.0.0.1:8470', undefined, false],
  ])('Origin %j with Host %j -> %s', (origin, host, allowed) => {
    expect(list('127.0.0.1').allowsOrigin(origin, host)).toBe(allowed);
  });

  it('accepts pages reached through an allowed name or a machine address', () => {
    const allow = list('0.0.0.0', ['wall.plant.local']);
    expect(allow.allowsOrigin('http://wall.plant.local:8470', 'wall.plant.local:8470')).toBe(true);
    expect(allow.allowsOrigin('http://10.20.30.40:8470', '10.20.30.40:8470')).toBe(true);
    expect(allow.allowsOrigin('http://rebound.evil:8470', 'wall.plant.local:8470')).toBe(false);
  });
});

describe('names', () => {
  it('spells hosts one way', () => {
    expect(canonicalHostname('LocalHost')).toBe('localhost');
    expect(canonicalHostname('::1')).toBe('[::1]');
    expect(canonicalHostname('0:0:0:0:0:0:0:1')).toBe('[::1]');
    expect(canonicalHostname('127.1')).toBe('127.0.0.1');
    expect(canonicalHostname('host:80')).toBeNull();
    expect(canonicalHostname('a b')).toBeNull();
    expect(parseHostHeader('[::1]:8470')).toEqual({ hostname: '[::1]', port: 8470 });
    expect(parseHostHeader('example.com')).toEqual({ hostname: 'example.com', port: null });
  });

  it('knows loopback and wildcard binds (127.0.0.2 counts as LAN)', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]']) expect(isLoopbackBind(host)).toBe(true);
    for (const host of ['127.0.0.2', '0.0.0.0', '::', '10.0.0.5', 'wall.local'])
      expect(isLoopbackBind(host)).toBe(false);
    expect(isWildcardBind('0.0.0.0')).toBe(true);
    expect(isWildcardBind('::')).toBe(true);
    expect(isWildcardBind('127.0.0.1')).toBe(false);
  });
});
