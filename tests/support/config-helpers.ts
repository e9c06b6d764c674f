// Small helpers for config tests: YAML written as an array of lines, so a test's expected line
// number is simply the 1-based index of the line in the array; one-endpoint files for the probe
// kinds; and check-config run on a file written to a temp folder.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue, parseConfigText, runCheckConfig, type ProbeConfig } from '@src/main/config';
import { useTempDirs } from './temp-store';

export const FILE = 'test.yaml';

export function yaml(lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** Issues of an invalid config as "FILE:LINE:COL message"; fails the test if the config loads. */
export function issuesOf(text: string): string[] {
  const result = parseConfigText(text, FILE);
  if (result.ok) throw new Error('expected the config to be rejected, but it loaded');
  return result.issues.map(formatIssue);
}

/** A minimal valid config: site, one line with two endpoints. Lines 1-17. */
export const BASE: string[] = [
  'version: 1', // 1
  'site:', // 2
  '  id: plant-a', // 3
  '  name: Plant A', // 4
  '  timezone: Europe/Berlin', // 5
  'lines:', // 6
  '  - id: press-1', // 7
  '    name: Press line 1', // 8
  '    endpoints:', // 9
  '      - id: sw', // 10
  '        name: Switch', // 11
  '        type: switch', // 12
  '        probe: { kind: icmp, host: 10.0.0.1 }', // 13
  '      - id: plc', // 14
  '        name: PLC', // 15
  '        type: plc', // 16
  '        probe: { kind: tcp, host: 10.0.0.2, port: 502 }', // 17
];

/** BASE with line `n` (1-based) replaced by `replacement` (which may be several lines). */
export function withLine(n: number, ...replacement: string[]): string[] {
  return [...BASE.slice(0, n - 1), ...replacement, ...BASE.slice(n)];
}

/** The one endpoint of a probe test's config, and the site id (which salts an EtherNet/IP serial hash). */
export interface ProbeTestEndpoint {
  siteId: string;
  id: string;
  name: string;
  type: string;
}

const PRESS_PLC: ProbeTestEndpoint = { siteId: 'plant', id: 'press1-plc', name: 'Press 1 PLC', type: 'plc' };

/** A one-endpoint config whose probe is on line 10, starting at column 16 (after "        probe: "). */
export function withProbe(probe: string, endpoint: ProbeTestEndpoint = PRESS_PLC): string {
  return yaml([
    'version: 1',
    `site: { id: ${endpoint.siteId}, name: Plant, timezone: Europe/Berlin }`,
    'lines:',
    '  - id: press-1',
    '    name: Press line 1',
    '    endpoints:',
    `      - id: ${endpoint.id}`,
    `        name: ${endpoint.name}`,
    `        type: ${endpoint.type}`,
    `        probe: ${probe}`,
  ]);
}

/** Issues of the one-endpoint config with this probe, as "FILE:LINE:COL message"; fails if it loads. */
export function probeIssuesOf(probe: string, endpoint: ProbeTestEndpoint = PRESS_PLC): string[] {
  return issuesOf(withProbe(probe, endpoint));
}

/** The probe of the one-endpoint config with this probe, as the loader resolves it; fails if it is rejected. */
export function resolvedProbe(probe: string, endpoint: ProbeTestEndpoint = PRESS_PLC): ProbeConfig {
  const result = parseConfigText(withProbe(probe, endpoint), FILE);
  if (!result.ok)
    throw new Error(`expected the config to load, got:\n${result.issues.map(formatIssue).join('\n')}`);
  const resolved = result.config.lines[0]?.endpoints[0]?.probe;
  if (!resolved) throw new Error('expected the config to have its one endpoint');
  return resolved;
}

/** Each call writes `text` as plant.yaml in a fresh temp folder and returns its path; all go after each test. */
export function useConfigFiles(prefix: string): (text: string) => string {
  const tempDir = useTempDirs(prefix);
  return (text) => {
    const file = join(tempDir(), 'plant.yaml');
    writeFileSync(file, text);
    return file;
  };
}

/** `linewatch check-config FILE`: its exit code and the lines it printed, in order, per stream. */
export function checkConfig(file: string): { code: number; stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = runCheckConfig(file, {
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
  });
  return { code, stdout, stderr };
}
