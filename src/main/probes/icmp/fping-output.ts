// Parser for `fping -C 1 -q`: one summary line per target on stderr, "host : 0.05" for a reply
// and "host : -" for none, the host printed as it was given. Under -q an unresolvable name prints
// nothing at all, so a name missing from the summary is a DNS failure.
import type { ProbeResult } from '../probe-result';
import { failure } from './icmp-backend';

const SUMMARY = /^(\S+)\s+:\s+(\S+)\s*$/;

export function parseFpingSummary(output: string): Map<string, number | null> {
  const results = new Map<string, number | null>();
  for (const line of output.replace(/\r/g, '').split('\n')) {
    const match = line.match(SUMMARY);
    const host = match?.[1];
    const value = match?.[2];
    if (host === undefined || value === undefined) continue;
    const rtt = value === '-' ? null : Number.parseFloat(value);
    if (rtt === null || Number.isFinite(rtt)) results.set(host, rtt);
  }
  return results;
}

/** Lines that are not per-host summaries: fping's own complaints (permissions, bad options). */
function otherLines(output: string): string[] {
  return output
    .replace(/\r/g, '')
    .split('\n')
    .filter((line) => line.trim().length > 0 && !SUMMARY.test(line));
}

export function fpingResultFor(
  host: string,
  isName: boolean,
  summary: Map<string, number | null>,
  output: string,
  timeoutMs: number,
): ProbeResult {
  const rtt = summary.get(host);
  if (typeof rtt === 'number') return { ok: true, rttMs: rtt };
  if (rtt === null) return failure('timeout', `no echo reply within ${timeoutMs} ms`);
  const complaint = otherLines(output)[0];
  if (complaint !== undefined)
    return failure('error', complaint.length > 100 ? complaint.slice(0, 100) : complaint);
  if (isName) return failure('dns', 'host name did not resolve');
  return failure('error', 'fping reported nothing for this host');
}
