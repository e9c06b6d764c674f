// `linewatch import`: recorded checks through the same engine as live monitoring, as if live, in
// ONE transaction: a file with any bad line imports nothing.
import { readFileSync } from 'node:fs';
import { isoTime } from '../../shared/time';
import { createMaintenanceCalendar } from '../calendar';
import { ManualClock } from '../clock/clock';
import type { LinewatchConfig } from '../config';
import { createMonitorEngine } from '../monitor';
import type { ProbeResult } from '../probes/probe-result';
import type { Store } from '../store';
import { parseChecksFile, type ImportProblem } from './parse-checks-file';

export interface ImportSummary {
  checks: number;
  endpoints: number;
  outagesOpened: number;
}

export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; problems: ImportProblem[] };

export interface ImportOptions {
  /** Wall-clock "now" in epoch ms, for refusing checks dated in the future; Date.now by default. */
  now?: () => number;
}

const resultOf = (ok: boolean, rttMs: number | null, error: string | null): ProbeResult =>
  ok
    ? { ok: true, rttMs: rttMs ?? 0 }
    : { ok: false, kind: 'error', message: error ?? 'check failed', rttMs };

function dependencyDepths(endpoints: { id: string; dependsOn: string | null }[]): Map<string, number> {
  const parentOf = new Map(endpoints.map((e) => [e.id, e.dependsOn]));
  const depths = new Map<string, number>();
  for (const { id } of endpoints) {
    let depth = 0;
    // The config loader refuses cycles; the bound only guards against a corrupted config.
    for (let p = parentOf.get(id); p && depth < endpoints.length; p = parentOf.get(p)) depth += 1;
    depths.set(id, depth);
  }
  return depths;
}

export function importChecksFile(
  file: string,
  config: LinewatchConfig,
  store: Store,
  options: ImportOptions = {},
): ImportOutcome {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return {
      ok: false,
      problems: [{ line: 0, message: `cannot read the file: ${(error as Error).message}` }],
    };
  }
  const endpoints = config.lines.flatMap((line) => line.endpoints);
  const timeoutOf = new Map(endpoints.map((e) => [e.id, e.timeoutMs]));
  const parsed = parseChecksFile(text, new Set(timeoutOf.keys()), {
    nowMs: (options.now ?? Date.now)(),
    timeoutMsOf: (id) => timeoutOf.get(id),
  });
  if (!parsed.ok) return parsed;

  // Checks must also continue what is already stored, or the state machine would run backwards.
  const progress = store.progress.all();
  const problems: ImportProblem[] = [];
  const reported = new Set<string>();
  for (const check of parsed.checks) {
    const last = progress.get(check.endpointId)?.lastCheckTs ?? null;
    if (last !== null && check.ts <= last && !reported.has(check.endpointId)) {
      reported.add(check.endpointId);
      problems.push({
        line: check.line,
        message: `out of order: ${check.endpointId} already has stored checks up to ${isoTime(last)}`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  // Across endpoints the file may interleave freely; feeding in global time order is what makes
  // dependencies (a parent already down at the child's detection) come out as they would live.
  // At the same instant parents go first, so a child detected together with its parent is secondary.
  const depth = dependencyDepths(endpoints);
  const ordered = [...parsed.checks].sort(
    (a, b) =>
      a.ts - b.ts || (depth.get(a.endpointId) ?? 0) - (depth.get(b.endpointId) ?? 0) || a.line - b.line,
  );
  const outagesBefore = store.outages.maxId();
  const clock = new ManualClock(ordered[0]?.ts ?? 0);
  try {
    store.transaction(() => {
      const engine = createMonitorEngine({
        endpoints,
        maintenance: createMaintenanceCalendar(config),
        clock,
        store,
        flushEveryMs: 0,
      });
      for (const check of ordered) {
        clock.advance(Math.max(0, check.ts - clock.now()));
        engine.ingest(check.endpointId, check.ts, resultOf(check.ok, check.rttMs, check.error));
      }
      engine.stop();
    });
  } catch (error) {
    // The line checks above leave nothing the chunk codec refuses (it throws RangeError for a value
    // it cannot encode); should one slip through, the transaction has rolled back and the user
    // gets a sentence instead of a stack trace. Anything else is a fault, not bad input.
    if (!(error instanceof RangeError)) throw error;
    return {
      ok: false,
      problems: [
        { line: 0, message: `nothing imported: the store cannot encode a value (${error.message})` },
      ],
    };
  }
  return {
    ok: true,
    summary: {
      checks: ordered.length,
      endpoints: new Set(ordered.map((c) => c.endpointId)).size,
      outagesOpened: store.outages.maxId() - outagesBefore,
    },
  };
}
