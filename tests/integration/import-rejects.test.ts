// `linewatch import` rejects a bad file whole and names every line at fault.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '@src/main/cli/import-command';
import { importChecksFile } from '@src/main/import/import-checks';
import type { EndpointConfig } from '@src/main/config';
import { openStore, type Store } from '@src/main/store';
import { aConfig, aLine, anEndpoint, configYaml, tcp } from '../support/config-builders';
import { useTempDirs, useTempStores } from '../support/temp-store';

const pressPlc = (fields: Partial<EndpointConfig> = {}): EndpointConfig =>
  anEndpoint('press1-plc', { name: 'PLC', type: 'plc', probe: tcp('127.0.0.1', 502), ...fields });
const CONFIG = aConfig({ lines: [aLine('press-1', [pressPlc()], { name: 'Press line 1' })] });

const tempStore = useTempStores('import');
const tempDir = useTempDirs('import-cli');
let store: Store | undefined;
afterEach(() => {
  // Temp stores close themselves; this one is the store the CLI test opens on the CLI's data folder.
  store?.close();
  store = undefined;
});

describe('import rejects bad files whole', () => {
  it('lists every bad line and imports nothing', () => {
    const temp = tempStore();
    store = temp.store;
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

describe('import refuses values the store cannot or should not keep, naming the line', () => {
  const NOW = Date.parse('2026-03-01T12:00:00Z');
  const at = (iso: string, extra = '"ok":true,"rtt_ms":1.5'): string =>
    `{"endpoint":"press1-plc","ts":"${iso}",${extra}}`;
  let dir = '';
  beforeEach(() => {
    ({ dir, store } = tempStore());
  });
  const importLines = (lines: string[], config = CONFIG) => {
    if (!store) throw new Error('no store');
    const file = join(dir, 'checks.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    return importChecksFile(file, config, store, { now: () => NOW });
  };
  const problemsOf = (outcome: ReturnType<typeof importLines>) => {
    if (outcome.ok) throw new Error('expected the import to be refused');
    return outcome.problems.map((p) => `${p.line}: ${p.message}`);
  };

  it('refuses a non-finite, negative or absurd rtt_ms on its line instead of crashing in the codec', () => {
    const outcome = importLines([
      at('2026-01-05T14:00:00Z', '"ok":true,"rtt_ms":60000'),
      at('2026-01-05T14:00:05Z', '"ok":true,"rtt_ms":1e308'),
      at('2026-01-05T14:00:10Z', '"ok":true,"rtt_ms":-1'),
      at('2026-01-05T14:00:15Z', '"ok":true,"rtt_ms":1e309'),
      at('2026-01-05T14:00:20Z', '"ok":false,"rtt_ms":60000.5,"error":"timeout"'),
    ]);
    expect(problemsOf(outcome)).toEqual([
      "2: rtt_ms: expected a round-trip time from 0 to 60000 ms (60 s, the import's RTT cap), got 1e+308",
      '3: rtt_ms: expected a round-trip time in milliseconds (a finite number, 0 or more), got -1',
      '4: rtt_ms: expected a round-trip time in milliseconds (a finite number, 0 or more)',
      "5: rtt_ms: expected a round-trip time from 0 to 60000 ms (60 s, the import's RTT cap), got 60000.5",
    ]);
    expect(store?.checks.count()).toBe(0);
    expect(store?.progress.all().size).toBe(0);
  });

  it("allows RTTs up to the endpoint's own probe timeout when that is longer than 60 s", () => {
    const slow = aConfig({
      lines: [
        aLine('press-1', [pressPlc({ intervalMs: 300_000, timeoutMs: 90_000 })], { name: 'Press line 1' }),
      ],
    });
    expect(
      problemsOf(
        importLines(
          [
            at('2026-01-05T14:00:00Z', '"ok":true,"rtt_ms":90000'),
            at('2026-01-05T14:05:00Z', '"ok":true,"rtt_ms":90001'),
          ],
          slow,
        ),
      ),
    ).toEqual([
      "2: rtt_ms: expected a round-trip time from 0 to 90000 ms (the endpoint's probe timeout), got 90001",
    ]);
    const accepted = importLines([at('2026-01-05T14:00:00Z', '"ok":true,"rtt_ms":90000')], slow);
    expect(accepted.ok).toBe(true);
    expect(store?.checks.listForEndpoint('press1-plc', 0, NOW).map((c) => c.rttMs)).toEqual([90000]);
  });

  it('refuses a check dated after now + 5 minutes, so one bad line cannot poison the data folder', () => {
    const refused = importLines([
      at('2026-01-05T14:00:00Z'),
      at('2100-01-01T00:00:00Z'),
      at('2026-03-01T12:06:00Z'),
      at('2026-03-01T12:10:00+02:00'),
    ]);
    expect(problemsOf(refused)).toEqual([
      '2: ts: 2100-01-01T00:00:00Z is in the future, expected a time no later than 2026-03-01T12:05:00.000Z (now + 5 minutes)',
      '3: ts: 2026-03-01T12:06:00Z is in the future, expected a time no later than 2026-03-01T12:05:00.000Z (now + 5 minutes)',
    ]);
    expect(store?.checks.count()).toBe(0);

    // The corrected file imports, up to the tolerance, and later recordings still go in after it.
    expect(importLines([at('2026-01-05T14:00:00Z'), at('2026-03-01T12:05:00Z')]).ok).toBe(true);
    expect(store?.progress.all().get('press1-plc')?.lastCheckTs).toBe(Date.parse('2026-03-01T12:05:00Z'));
    const again = importLines([at('2026-01-05T14:00:00Z')]);
    expect(problemsOf(again)[0]).toContain('1: out of order: press1-plc already has stored checks up to');
  });

  it('keeps very old checks: the chunk codec stores every time the ISO format can write', () => {
    const outcome = importLines([
      at('0000-01-01T00:00:00Z'),
      at('1969-12-31T23:59:59.999Z'),
      at('1970-01-01T00:00:00Z', '"ok":false,"error":"connect ECONNREFUSED"'),
    ]);
    expect(outcome.ok).toBe(true);
    expect(store?.checks.listForEndpoint('press1-plc', -1e15, NOW).map((c) => [c.ts, c.ok])).toEqual([
      [Date.parse('0000-01-01T00:00:00Z'), true],
      [-1, true],
      [0, false],
    ]);
  });
});

describe('linewatch import prints FILE:LINE: message for refused values', () => {
  it('names the line of a huge RTT and of a check dated 2100, exits 1 and stores nothing', () => {
    const dir = tempDir();
    const configPath = join(dir, 'plant.yaml');
    writeFileSync(configPath, configYaml(CONFIG));
    const checks = join(dir, 'checks.jsonl');
    writeFileSync(
      checks,
      [
        '{"endpoint":"press1-plc","ts":"2026-01-05T14:00:00Z","ok":true,"rtt_ms":1.4}',
        '{"endpoint":"press1-plc","ts":"2026-01-05T14:00:05Z","ok":true,"rtt_ms":1e308}',
        '{"endpoint":"press1-plc","ts":"2100-01-01T00:00:00Z","ok":true,"rtt_ms":1.4}',
      ].join('\n'),
    );
    const stderr: string[] = [];
    const dataDir = join(dir, 'data');
    const code = runImport(
      { configPath, dataDir, file: checks },
      { stdout: () => undefined, stderr: (line) => stderr.push(line) },
    );
    expect(code).toBe(1);
    expect(stderr[0]).toBe(
      `${checks}:2: rtt_ms: expected a round-trip time from 0 to 60000 ms (60 s, the import's RTT cap), got 1e+308`,
    );
    expect(stderr[1]).toContain(
      `${checks}:3: ts: 2100-01-01T00:00:00Z is in the future, expected a time no later than `,
    );
    expect(stderr[2]).toBe(`${checks}: nothing imported (2 problem(s))`);
    expect(stderr.join('\n')).not.toMatch(/varint|\n\s+at /);
    store = openStore(dataDir);
    expect(store.checks.count()).toBe(0);
  });
});
