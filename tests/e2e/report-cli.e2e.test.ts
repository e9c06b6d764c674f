// `linewatch report` through the built bin, on the spec's worked example (§3): import the checks,
// then report 14:00-14:30Z and compare with the spec's JSON.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Report } from '@src/shared/report/report-schema';
import { BIN } from '../support/cli-process';
import { makeTempDir } from '../support/temp-store';

const CONFIG = 'tests/fixtures/reports/worked-example.yaml';
const CHECKS = 'tests/fixtures/reports/worked-example.jsonl';
const EXPECTED = JSON.parse(
  readFileSync('tests/fixtures/reports/worked-example-report.json', 'utf8'),
) as Record<string, unknown>;
const WINDOW = ['--from', '2026-01-05T14:00:00Z', '--to', '2026-01-05T14:30:00Z'];

const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
/**
 * Each run starts the bin afresh (about 1 CPU-second; 2-5 s of wall time when the machine is
 * busy): tests that run it several times get room for that many starts, not the default minute.
 */
const timeoutFor = (runs: number): { timeout: number } => ({ timeout: runs * 20_000 });

describe('linewatch report (built bin)', () => {
  const temp = makeTempDir('report-e2e');
  const data = join(temp.dir, 'data');
  const base = ['report', '--config', CONFIG, '--data', data];

  beforeAll(() => {
    const imported = run('import', '--config', CONFIG, '--data', data, CHECKS);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
  });
  afterAll(() => temp.remove());

  it('json: the spec worked example, field for field, unrounded', () => {
    const result = run(...base, ...WINDOW);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = Report.parse(JSON.parse(result.stdout));
    expect(report.from).toBe(EXPECTED.from);
    expect(report.to).toBe(EXPECTED.to);
    expect(report.endpoints).toEqual(EXPECTED.endpoints);
    expect(report.lines).toEqual(EXPECTED.lines);
    expect(report.site).toEqual(EXPECTED.site);
    expect(report.outages).toEqual(EXPECTED.outages);
    expect(report.shifts.map((s) => s.id)).toEqual(['late']);
    // 2-space indentation, as printed for people and diffs.
    expect(result.stdout.startsWith('{\n  "from": ')).toBe(true);
    // Offsets are the same instants as Z.
    const offset = run(...base, '--from', '2026-01-05T15:00:00+01:00', '--to', '2026-01-05T15:30:00+01:00');
    expect(JSON.parse(offset.stdout)).toEqual(JSON.parse(result.stdout));
  });

  it('csv: five tables, rounded for people, to stdout or --out', () => {
    const result = run(...base, ...WINDOW, '--format', 'csv');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('# endpoints\n');
    expect(result.stdout).toContain('press1-plc,press-1,1200,600,0,0,66.667,1,300,,600,1200\n');
    expect(result.stdout).toContain('press-1,1200,600,0,0,66.667,1,600,1200,8500.00\n');
    const out = join(temp.dir, 'report.csv');
    const written = run(...base, ...WINDOW, '--format', 'csv', '--out', out);
    expect(written.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(result.stdout);
  });

  it('--shift-handover writes a self-contained HTML file', () => {
    const out = join(temp.dir, 'handover.html');
    const result = run(
      ...base,
      '--shift-handover',
      '--from',
      '2026-01-05T13:00:00Z',
      '--to',
      '2026-01-05T21:00:00Z',
      '--out',
      out,
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(existsSync(out)).toBe(true);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Shift handover — Late shift');
    expect(html).toContain('Press 1 PLC');
    const stdout = run(...base, '--shift-handover', '--shift', 'late');
    expect(stdout.status).toBe(0);
    expect(stdout.stdout).toContain('</html>');
  });

  it('exit 1 with a clear message on bad input', timeoutFor(5), () => {
    const local = run(...base, '--from', '2026-01-05T14:00:00', '--to', '2026-01-05T14:30:00Z');
    expect(local.status).toBe(1);
    expect(local.stderr).toMatch(/--from: expected an ISO 8601 time with Z or an offset/);
    const reversed = run(...base, '--from', '2026-01-05T14:30:00Z', '--to', '2026-01-05T14:00:00Z');
    expect(reversed.status).toBe(1);
    expect(reversed.stderr).toMatch(/--from must be before --to/);
    const badConfig = run(
      'report',
      '--config',
      'tests/fixtures/config/bad-type.yaml',
      '--data',
      data,
      ...WINDOW,
    );
    expect(badConfig.status).toBe(1);
    expect(badConfig.stderr).toMatch(/^tests\/fixtures\/config\/bad-type\.yaml:12:15 /m);
    const noData = run('report', '--config', CONFIG, '--data', join(temp.dir, 'missing'), ...WINDOW);
    expect(noData.status).toBe(1);
    expect(noData.stderr).toMatch(/--data: no folder/);
    const unknownShift = run(...base, '--shift-handover', '--shift', 'lunch');
    expect(unknownShift.status).toBe(1);
    expect(unknownShift.stderr).toMatch(/--shift: no shift "lunch"/);
  });

  it('exit 2 with usage on missing or conflicting options', timeoutFor(6), () => {
    for (const args of [
      [...base, '--from', '2026-01-05T14:00:00Z'],
      ['report', '--config', CONFIG, ...WINDOW],
      [...base, ...WINDOW, '--format', 'xml'],
      [...base, '--shift-handover', '--format', 'csv'],
      [...base, '--shift-handover', '--shift', 'late', ...WINDOW],
      [...base, ...WINDOW, '--bogus'],
    ]) {
      const result = run(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: linewatch');
    }
  });
});
