import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../../support/config-helpers';
import { useTempDirs } from '../../../support/temp-store';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../../fixtures/config/${name}`, import.meta.url));

describe('runCheckConfig', () => {
  it('exits 0 with a one-line summary for a valid file', () => {
    const file = fixture('spec-example.yaml');
    expect(checkConfig(file)).toEqual({
      code: 0,
      stdout: [`${file}: ok (1 site, 1 line, 3 endpoints)`],
      stderr: [],
    });
  });

  it('exits 1 printing FILE:LINE:COL message per issue', () => {
    const file = fixture('bad-type.yaml');
    expect(checkConfig(file)).toEqual({
      code: 1,
      stdout: [],
      stderr: [
        `${file}:12:15 lines[0].endpoints[0].type: expected one of plc, hmi, robot, switch, server, camera, scanner, other, got "toaster"`,
      ],
    });
  });

  describe('detection-time warnings', () => {
    const tempDir = useTempDirs('check-config');
    // Line numbers matter here: press1-plc's entry starts on line 12, column 9 ("id").
    const SLOW_PLANT = [
      'version: 1',
      'site: { id: plant, name: Plant, timezone: Europe/Berlin }',
      'defaults: { interval: 10s, timeout: 5s, down_after: 4 }',
      'lines:',
      '  - id: press-1',
      '    name: Press line 1',
      '    endpoints:',
      '      - id: press1-switch',
      '        name: Press 1 switch',
      '        type: switch',
      '        probe: { kind: icmp, host: 10.10.1.1 }',
      '      - id: press1-plc',
      '        name: Press 1 PLC',
      '        type: plc',
      '        critical: true',
      '        probe: { kind: tcp, host: 10.10.1.21, port: 502 }',
      '      - id: press1-robot',
      '        name: Press 1 robot',
      '        type: robot',
      '        critical: true',
      '        interval: 6s', // 6 s × 4 + 5 s = 29 s: meets the target
      '        probe: { kind: tcp, host: 10.10.1.22, port: 502 }',
      '',
    ].join('\n');

    it('exits 0: the summary on stdout, then FILE:LINE:COL warning: lines on stderr', () => {
      const file = join(tempDir(), 'plant.yaml');
      writeFileSync(file, SLOW_PLANT);
      expect(checkConfig(file)).toEqual({
        code: 0,
        stdout: [`${file}: ok (1 site, 1 line, 3 endpoints; 1 warning)`],
        stderr: [
          `${file}:12:9 warning: press1-plc: worst-case detection 45s (interval 10s × down_after 4 + ` +
            'timeout 5s) exceeds 30s for a critical endpoint; lower interval to 6s or down_after to 2',
        ],
      });
    });

    it('says nothing extra when every critical endpoint meets the target', () => {
      const file = join(tempDir(), 'plant.yaml');
      writeFileSync(file, SLOW_PLANT.replace('down_after: 4', 'down_after: 2'));
      expect(checkConfig(file)).toEqual({
        code: 0,
        stdout: [`${file}: ok (1 site, 1 line, 3 endpoints)`],
        stderr: [],
      });
    });

    it('prints errors only, exit 1, when the file also has errors', () => {
      const file = join(tempDir(), 'plant.yaml');
      writeFileSync(file, SLOW_PLANT.replace('type: robot', 'type: toaster'));
      const result = checkConfig(file);
      expect(result.code).toBe(1);
      expect(result.stdout).toEqual([]);
      expect(result.stderr).toHaveLength(1);
      expect(result.stderr[0]).toMatch(
        /^.*plant\.yaml:19:15 lines\[0\]\.endpoints\[2\]\.type: expected one of/,
      );
    });
  });

  it('exits 1 for a missing file', () => {
    const result = checkConfig('/nonexistent/plant.yaml');
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual([
      '/nonexistent/plant.yaml:0:0 config file not found, expected a readable YAML file at this path',
    ]);
  });
});
