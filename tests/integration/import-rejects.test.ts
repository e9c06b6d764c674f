// `linewatch import` rejects a bad file whole and names every line at fault.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importChecksFile } from '../../src/main/import/import-checks';
import { openStore, type Store } from '../../src/main/store';
import { configFrom } from '../support/import-fixture';
import { makeTempDir } from '../support/temp-dir';

const CONFIG = configFrom(`
version: 1
site: { id: plant, name: Plant, timezone: Europe/Berlin }
lines:
  - id: press-1
    name: Press line 1
    endpoints:
      - { id: press1-plc, name: PLC, type: plc, probe: { kind: tcp, host: 127.0.0.1, port: 502 } }
`);

let temp: ReturnType<typeof makeTempDir> | undefined;
let store: Store | undefined;
afterEach(() => {
  store?.close();
  temp?.remove();
});

describe('import rejects bad files whole', () => {
  it('lists every bad line and imports nothing', () => {
    temp = makeTempDir('import');
    store = openStore(temp.dir);
    const file = join(temp.dir, 'bad.jsonl');
    writeFileSync(
      file,
      [
        '{"endpoint":"press1-plc","ts":"2026-01-05T14:00:00Z","ok":true,"rtt_ms":1.4}',
        '{"endpoint":"press1-plc","ts":"2026-01-05T14:00:05Z","ok":false,"error":"connect ECONNREFUSED"}',
        '{"endpoint":"press9-robot","ts":"2026-01-05T14:00:10Z","ok":true}',
        '{"endpoint":"press1-plc","ts":"2026-01-05T14:00:01Z","ok":true}',
        '{"endpoint":"press1-plc", "ts": ',
        '{"endpoint":"press1-plc","ts":"yesterday","ok":"yes"}',
      ].join('\n'),
    );
    const outcome = importChecksFile(file, CONFIG, store);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 6]);
    expect(outcome.problems[0]?.message).toContain('unknown endpoint "press9-robot"');
    expect(outcome.problems[1]?.message).toContain('out of order');
    expect(outcome.problems[2]?.message).toContain('malformed JSON');
    expect(store.checks.count()).toBe(0);
    expect(store.outages.maxId()).toBe(0);
    expect(store.progress.all().size).toBe(0);
  });
});
