// The import format of the interface spec: JSON Lines, one check per line, per endpoint in time
// order. Every problem is collected with its line number, so one run lists everything to fix.
import { z } from 'zod';

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

const CheckLine = z
  .object({
    endpoint: z.string().min(1),
    ts: z.iso.datetime({ offset: true, message: 'expected an ISO 8601 time with Z or an offset' }),
    ok: z.boolean(),
    rtt_ms: z.number().nonnegative().nullable().optional(),
    error: z.string().nullable().optional(),
  })
  .strict();

export function parseChecksFile(
  text: string,
  knownEndpoints: ReadonlySet<string>,
): { ok: true; checks: ImportedCheck[] } | { ok: false; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const checks: ImportedCheck[] = [];
  const lastTs = new Map<string, { ts: number; line: number }>();
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
    const ts = Date.parse(check.ts);
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
      rttMs: check.rtt_ms ?? null,
      error: check.error ?? null,
    });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, checks };
}
