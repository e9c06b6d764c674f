// The import format of the interface spec: JSON Lines, one check per line, per endpoint in time
// order. Every problem is collected with its line number, so one run lists everything to fix.
// Values the schema lets through but the store cannot or should not keep (an RTT of 1e308 ms, a
// check dated 2100) are refused here, on their line, before anything reaches the store.
import { z } from 'zod';
import { epochMsOfIso, isoTime } from '../../shared/time';
import { rttToUnits } from '../store';

export interface ImportedCheck {
  line: number;
  endpointId: string;
  ts: number;
  ok: boolean;
  rttMs: number | null;
  error: string | null;
}

export interface ImportProblem {
  line: number;
  message: string;
}

/**
 * The largest round-trip time an import accepts: 60 s, or the endpoint's own probe timeout when
 * that is longer. The config has no cap on `timeout`, so this is the named cap: a live probe gives
 * up at its timeout, and anything beyond a minute is a unit mix-up (seconds vs. microseconds) or
 * garbage, not a measurement.
 */
export const MAX_IMPORT_RTT_MS = 60_000;

/**
 * How far after "now" a check may be dated: allows for clock skew between the recorder and this
 * machine. A later check would make every real check after it "out of order" for its endpoint.
 */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** The largest RTT the check chunk codec can encode exactly (rttCode * 4 + flags is a safe integer). */
const STORABLE_RTT_MS = Math.floor((Number.MAX_SAFE_INTEGER - 3) / 4 - 1) / 100;

export interface ParseChecksOptions {
  /** "Now" in epoch ms: checks later than now + FUTURE_TOLERANCE_MS are refused. */
  nowMs: number;
  /** The endpoint's probe timeout in ms; the RTT cap is the larger of this and MAX_IMPORT_RTT_MS. */
  timeoutMsOf?: (endpointId: string) => number | undefined;
}

const RTT_EXPECTED = 'expected a round-trip time in milliseconds (a finite number, 0 or more)';

const CheckLine = z
  .object({
    endpoint: z.string().min(1),
    ts: z.iso.datetime({ offset: true, message: 'expected an ISO 8601 time with Z or an offset' }),
    ok: z.boolean(),
    rtt_ms: z.number({ error: RTT_EXPECTED }).nullable().optional(),
    error: z.string().nullable().optional(),
  })
  .strict();

/** Why `rttMs` cannot be imported for an endpoint whose cap is `capMs`, or null when it can. */
function rttProblem(rttMs: number, capMs: number): string | null {
  if (rttMs < 0) return `rtt_ms: ${RTT_EXPECTED}, got ${rttMs}`;
  const cap = Math.min(capMs, STORABLE_RTT_MS);
  if (rttMs > cap) {
    const why =
      cap === MAX_IMPORT_RTT_MS
        ? `${cap / 1000} s, the import's RTT cap`
        : cap === STORABLE_RTT_MS
          ? 'the most the store can hold'
          : "the endpoint's probe timeout";
    return `rtt_ms: expected a round-trip time from 0 to ${cap} ms (${why}), got ${rttMs}`;
  }
  // Belt and braces: whatever the cap, never hand the codec a value it cannot encode.
  const units = rttToUnits(rttMs);
  if (units === null || !Number.isSafeInteger((units + 1) * 4 + 3)) {
    return `rtt_ms: ${rttMs} cannot be stored, expected at most ${STORABLE_RTT_MS} ms`;
  }
  return null;
}

export function parseChecksFile(
  text: string,
  knownEndpoints: ReadonlySet<string>,
  options: ParseChecksOptions = { nowMs: Date.now() },
): { ok: true; checks: ImportedCheck[] } | { ok: false; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const checks: ImportedCheck[] = [];
  const lastTs = new Map<string, { ts: number; line: number }>();
  const latestAllowed = options.nowMs + FUTURE_TOLERANCE_MS;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      problems.push({ line, message: `malformed JSON: ${(error as Error).message}` });
      return;
    }
    const parsed = CheckLine.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.length > 0 ? issue.path.join('.') : '(line)';
        problems.push({ line, message: `${field}: ${issue.message}` });
      }
      return;
    }
    const check = parsed.data;
    if (!knownEndpoints.has(check.endpoint)) {
      problems.push({ line, message: `unknown endpoint "${check.endpoint}" (not in the config)` });
      return;
    }
    const rttMs = check.rtt_ms ?? null;
    if (rttMs !== null) {
      const cap = Math.max(MAX_IMPORT_RTT_MS, options.timeoutMsOf?.(check.endpoint) ?? 0);
      const problem = rttProblem(rttMs, cap);
      if (problem) {
        problems.push({ line, message: problem });
        return;
      }
    }
    const ts = epochMsOfIso(check.ts);
    if (ts > latestAllowed) {
      problems.push({
        line,
        message:
          `ts: ${check.ts} is in the future, expected a time no later than ` +
          `${isoTime(latestAllowed)} (now + ${FUTURE_TOLERANCE_MS / 60_000} minutes)`,
      });
      return;
    }
    const previous = lastTs.get(check.endpoint);
    if (previous && ts <= previous.ts) {
      problems.push({
        line,
        message: `out of order: ${check.endpoint} at ${check.ts} is not after line ${previous.line}`,
      });
      return;
    }
    lastTs.set(check.endpoint, { ts, line });
    checks.push({
      line,
      endpointId: check.endpoint,
      ts,
      ok: check.ok,
      rttMs,
      error: check.error ?? null,
    });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, checks };
}
