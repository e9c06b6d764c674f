// Config + JSONL helpers for engine tests that go through `linewatch import`'s code path.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfigText } from '@src/main/config';
import type { LinewatchConfig } from '@src/main/config/types';

export function configFrom(yaml: string): LinewatchConfig {
  const loaded = parseConfigText(yaml, 'test.yaml');
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => `${i.line}:${i.col} ${i.message}`).join('\n'));
  return loaded.config;
}

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
