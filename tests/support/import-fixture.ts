// Checks files for engine tests that go through `linewatch import`'s code path (configs come from
// config-builders.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `checks` as [endpoint, minutes after base, ok]; writes a JSONL file and returns its path. */
export function writeChecks(
  dir: string,
  name: string,
  base: string,
  checks: [string, number, boolean][],
): string {
  const t0 = Date.parse(base);
  const lines = checks.map(([endpoint, minutes, ok]) =>
    JSON.stringify({
      endpoint,
      ts: new Date(t0 + minutes * 60_000).toISOString(),
      ok,
      ...(ok ? { rtt_ms: 1.5 } : { error: 'connect ECONNREFUSED' }),
    }),
  );
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}
