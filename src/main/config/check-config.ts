// `linewatch check-config FILE`: the validator as a command. The CLI dispatcher wires real
// stdout/stderr in; tests pass collectors.
//
// Scripts tell the outcomes apart by the exit code and the streams: errors exit 1 with one
// "FILE:LINE:COL message" line each on stderr and nothing on stdout; a valid config exits 0 with
// its one summary line on stdout, then any "FILE:LINE:COL warning: message" lines on stderr, then
// "FILE:LINE:COL default: ..." lines naming the protocol defaults it applied (issue 13).
import { detectionWarnings } from './detection-time';
import { endpointCount } from './endpoint-index';
import { formatIssue } from './format-issues';
import { loadConfigFile } from './load-config';
import { probeDefaultNotes } from './probe-defaults';

export interface CheckConfigOutput {
  stdout(line: string): void;
  stderr(line: string): void;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Exit code 0 with a one-line summary (then the warnings), or 1 with one "FILE:LINE:COL message"
 * line per issue.
 */
export function runCheckConfig(file: string, out: CheckConfigOutput): number {
  const result = loadConfigFile(file);
  if (!result.ok) {
    for (const issue of result.issues) out.stderr(formatIssue(issue));
    return 1;
  }
  const { config } = result;
  const endpoints = endpointCount(config);
  const warnings = detectionWarnings(config, result.text, file);
  const defaults = probeDefaultNotes(config, result.text, file);
  const warned = warnings.length > 0 ? `; ${count(warnings.length, 'warning')}` : '';
  const defaulted = defaults.length > 0 ? `; protocol defaults for ${count(defaults.length, 'probe')}` : '';
  out.stdout(
    `${file}: ok (1 site, ${count(config.lines.length, 'line')}, ${count(endpoints, 'endpoint')}${warned}${defaulted})`,
  );
  for (const warning of warnings) out.stderr(formatIssue(warning));
  for (const note of defaults) out.stderr(formatIssue(note));
  return 0;
}
