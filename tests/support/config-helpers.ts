// Small helpers for config tests: YAML written as an array of lines, so a test's expected line
// number is simply the 1-based index of the line in the array.
import { formatIssue, parseConfigText } from '@src/main/config';

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
