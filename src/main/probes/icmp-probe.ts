// ICMP probe through the system `ping` (the `ping` package). One echo request per check; the
// config schema has already refused hosts that could be read as a command-line option.
import ping from 'ping';
import type { ProbeResult } from './probe-result';

export async function probeIcmp(host: string, timeoutMs: number): Promise<ProbeResult> {
  if (host.startsWith('-')) {
    return { ok: false, kind: 'error', message: 'host may not start with "-"', rttMs: null };
  }
  const timeoutS = Math.max(1, Math.ceil(timeoutMs / 1000));
  try {
    const response = await ping.promise.probe(host, { timeout: timeoutS, min_reply: 1, numeric: true });
    if (response.alive && typeof response.time === 'number' && Number.isFinite(response.time)) {
      return { ok: true, rttMs: response.time };
    }
    if (response.alive) return { ok: true, rttMs: 0 };
    return { ok: false, kind: 'timeout', message: `no echo reply within ${timeoutS} s`, rttMs: null };
  } catch (error) {
    return {
      ok: false,
      kind: 'error',
      message: error instanceof Error ? error.message : String(error),
      rttMs: null,
    };
  }
}
