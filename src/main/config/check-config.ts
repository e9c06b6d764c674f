// `linewatch check-config FILE`: the validator as a command. The CLI dispatcher wires real
// stdout/stderr in; tests pass collectors.
import { endpointCount } from './endpoint-index';
import { formatIssue } from './format-issues';
import { loadConfigFile } from './load-config';

export interface CheckConfigOutput {
  stdout(line: string): void;
  stderr(line: string): void;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Exit code 0 with a one-line summary, or 1 with one "FILE:LINE:COL message" line per issue. */
export function runCheckConfig(file: string, out: CheckConfigOutput): number {
  const result = loadConfigFile(file);
  if (!result.ok) {
    for (const issue of result.issues) out.stderr(formatIssue(issue));
    return 1;
  }
  const { config } = result;
  const endpoints = endpointCount(config);
  out.stdout(`${file}: ok (1 site, ${count(config.lines.length, 'line')}, ${count(endpoints, 'endpoint')})`);
  return 0;
}
