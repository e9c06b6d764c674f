// How long a critical device can be dead before anyone is told. A probe cycle may fail just after a
// successful one, so the worst case is `down_after` whole intervals plus the last check's timeout;
// the seed products quote 30 s as their detection target, and a config that cannot meet it for
// a device that stops the line deserves a warning (not an error: it is still a valid config).
import { LineCounter, parseDocument } from 'yaml';
import type { ConfigIssue } from '../../shared/contract/schemas';
import { formatDuration } from './duration';
import type { EndpointConfig, LinewatchConfig } from './types';
import { locate } from './yaml-locate';

/** The detection target, in milliseconds. */
export const DETECTION_TARGET_MS = 30_000;

export interface SlowDetection {
  endpoint: EndpointConfig;
  /** Where the endpoint is in `lines[line].endpoints[index]`, for pointing at it in the file. */
  lineIndex: number;
  endpointIndex: number;
  worstCaseMs: number;
}

export const worstCaseDetectionMs = (endpoint: EndpointConfig): number =>
  endpoint.intervalMs * endpoint.downAfter + endpoint.timeoutMs;

/**
 * Critical endpoints (by the line-state rule: those marked `critical`, or every endpoint of a line
 * that marks none) whose worst-case detection time exceeds the target.
 */
export function slowDetections(config: LinewatchConfig): SlowDetection[] {
  const out: SlowDetection[] = [];
  for (const [lineIndex, line] of config.lines.entries()) {
    const anyMarked = line.endpoints.some((e) => e.critical);
    for (const [endpointIndex, endpoint] of line.endpoints.entries()) {
      if (anyMarked && !endpoint.critical) continue;
      const worstCaseMs = worstCaseDetectionMs(endpoint);
      if (worstCaseMs > DETECTION_TARGET_MS) out.push({ endpoint, lineIndex, endpointIndex, worstCaseMs });
    }
  }
  return out;
}

/** Whole seconds when the value allows it (what people write in a config), else milliseconds. */
function roundDownForConfig(ms: number): number {
  return ms >= 1000 ? Math.floor(ms / 1000) * 1000 : Math.floor(ms);
}

/** What to change, with values that would meet the target (each alone, the rest as it is). */
export function detectionAdvice({ intervalMs, downAfter, timeoutMs }: EndpointConfig): string {
  const budget = DETECTION_TARGET_MS - timeoutMs;
  if (budget <= 0) {
    return `lower timeout (${formatDuration(timeoutMs)} alone reaches ${formatDuration(DETECTION_TARGET_MS)})`;
  }
  const options: string[] = [];
  const interval = roundDownForConfig(budget / downAfter);
  if (interval > 0) options.push(`interval to ${formatDuration(interval)}`);
  const fittingDownAfter = Math.floor(budget / intervalMs);
  if (fittingDownAfter >= 1 && fittingDownAfter < downAfter)
    options.push(`down_after to ${fittingDownAfter}`);
  return options.length > 0 ? `lower ${options.join(' or ')}` : 'lower interval, down_after or timeout';
}

export function detectionMessage({ endpoint, worstCaseMs }: SlowDetection): string {
  const sum = `interval ${formatDuration(endpoint.intervalMs)} × down_after ${endpoint.downAfter} + timeout ${formatDuration(endpoint.timeoutMs)}`;
  return (
    `${endpoint.id}: worst-case detection ${formatDuration(worstCaseMs)} (${sum}) exceeds ` +
    `${formatDuration(DETECTION_TARGET_MS)} for a critical endpoint; ${detectionAdvice(endpoint)}`
  );
}

/**
 * The warnings of a valid config as "FILE:LINE:COL warning: ..." issues, each pointing at its
 * endpoint's entry in `text` (the file the config was loaded from).
 */
export function detectionWarnings(config: LinewatchConfig, text: string, file: string): ConfigIssue[] {
  const slow = slowDetections(config);
  if (slow.length === 0) return [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  return slow.map((s) => {
    const { line, col } = locate(
      doc,
      lineCounter,
      ['lines', s.lineIndex, 'endpoints', s.endpointIndex],
      'value',
    );
    return { file, line, col, message: `warning: ${detectionMessage(s)}` };
  });
}
