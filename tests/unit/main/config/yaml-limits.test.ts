// Pathological YAML gets a located, human message from `linewatch check-config` (exit 1, quickly):
// nesting too deep for the parser, and aliases to anchors that do not exist.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCheckConfig } from '@src/main/config';
import { MAX_NESTING_DEPTH } from '@src/main/config/yaml-guards';
import { makeTempDir } from '../../../support/temp-store';
import { BASE, FILE, issuesOf, withLine, yaml } from '../../../support/config-helpers';

const DEEP = `nesting deeper than ${MAX_NESTING_DEPTH} levels: expected lists and maps nested a few levels deep (a config needs about 6); check for an unclosed [ or { or a runaway indentation`;

let temp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => {
  temp?.remove();
  temp = undefined;
});

/** Runs `check-config` on `text` written to a real file; returns exit code, stderr and the time taken. */
function checkConfig(text: string): { code: number; stderr: string[]; file: string; ms: number } {
  temp ??= makeTempDir('yaml-limits');
  const file = join(temp.dir, 'plant.yaml');
  writeFileSync(file, text);
  const stderr: string[] = [];
  const started = performance.now();
  const code = runCheckConfig(file, { stdout: () => undefined, stderr: (line) => stderr.push(line) });
  return { code, stderr, file, ms: performance.now() - started };
}

describe('nesting deeper than the limit', () => {
  it.each([
    ['100k unclosed [', '['.repeat(100_000), '1:101'],
    ['100k balanced [ ]', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, '1:101'],
    ['100k flow maps', `${'{a: '.repeat(100_000)}1${'}'.repeat(100_000)}`, '1:401'],
    ['100k compact block sequences', `${'- '.repeat(100_000)}x\n`, '1:201'],
    ['100k explicit keys', `${'? '.repeat(100_000)}x\n`, '1:201'],
    [
      '3000 indented block sequences',
      Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}- `).join('\n'),
      '101:101',
    ],
    ['deep value inside a real config', yaml([...BASE, `maintenance: ${'['.repeat(200)}`]), '18:113'],
  ])(
    '%s: check-config exits 1 with FILE:LINE:COL at the first level too deep, in under 3 s',
    (_, text, at) => {
      const { code, stderr, file, ms } = checkConfig(text);
      expect(code).toBe(1);
      expect(stderr).toEqual([`${file}:${at} ${DEEP}`]);
      expect(ms).toBeLessThan(3000);
    },
  );

  it(`accepts ${MAX_NESTING_DEPTH} levels (the schema then judges the content)`, () => {
    const list = `${'['.repeat(MAX_NESTING_DEPTH)}1${']'.repeat(MAX_NESTING_DEPTH)}\n`;
    expect(issuesOf(list)).toEqual([`${FILE}:1:1 top level: expected a map, got a list`]);
    expect(issuesOf(`[${list}`)).toEqual([`${FILE}:1:101 ${DEEP}`]);
  });
});

describe('aliases', () => {
  it('an undefined alias is reported at the alias, with how to fix it', () => {
    const { code, stderr, file } = checkConfig(yaml(withLine(13, '        probe: *nope')));
    expect(code).toBe(1);
    expect(stderr).toEqual([`${file}:13:16 unknown alias "*nope": define it with &nope before using it`]);
  });

  it('every unknown alias is listed, including one used before its anchor', () => {
    const text = yaml([
      ...withLine(13, '        probe: { kind: icmp, host: *ip }'),
      'maintenance:',
      '  - { id: pm, targets: [*site], every: day, start: "02:00", duration: 1h }',
      '  - { id: pm2, targets: [&site plant-a], every: day, start: "03:00", duration: 1h }',
    ]);
    expect(issuesOf(text)).toEqual([
      `${FILE}:13:36 unknown alias "*ip": define it with &ip before using it`,
      `${FILE}:19:25 unknown alias "*site": define it with &site before using it`,
    ]);
  });

  it('anchors defined before their aliases still work', () => {
    const text = yaml([
      ...withLine(13, '        probe: &ping { kind: icmp, host: 10.0.0.1 }'),
      '      - id: sw2',
      '        name: Switch 2',
      '        type: switch',
      '        probe: *ping',
    ]);
    const { code, stderr } = checkConfig(text);
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
  });
});
