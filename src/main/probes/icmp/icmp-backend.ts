// What the ICMP probe needs from a backend: one check of one already-validated host.
import type { ProbeResult } from '../probe-result';

export type IcmpBackendName = 'ping' | 'fping';

export interface IcmpBackend {
  readonly name: IcmpBackendName;
  check(host: string, timeoutMs: number): Promise<ProbeResult>;
}

export function failure(kind: Extract<ProbeResult, { ok: false }>['kind'], message: string): ProbeResult {
  return { ok: false, kind, message, rttMs: null };
}
