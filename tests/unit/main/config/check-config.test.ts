import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCheckConfig } from '@src/main/config';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../../fixtures/config/${name}`, import.meta.url));

function run(file: string): { code: number; stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = runCheckConfig(file, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
  return { code, stdout, stderr };
}

describe('runCheckConfig', () => {
  it('exits 0 with a one-line summary for a valid file', () => {
    const file = fixture('spec-example.yaml');
    expect(run(file)).toEqual({ code: 0, stdout: [`${file}: ok (1 site, 1 line, 3 endpoints)`], stderr: [] });
  });

  it('exits 1 printing FILE:LINE:COL message per issue', () => {
    const file = fixture('bad-type.yaml');
    expect(run(file)).toEqual({
      code: 1,
      stdout: [],
      stderr: [
        `${file}:12:15 lines[0].endpoints[0].type: expected one of plc, hmi, robot, switch, server, camera, scanner, other, got "toaster"`,
      ],
    });
  });

  it('exits 1 for a missing file', () => {
    const result = run('/nonexistent/plant.yaml');
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual([
      '/nonexistent/plant.yaml:0:0 config file not found, expected a readable YAML file at this path',
    ]);
  });
});
