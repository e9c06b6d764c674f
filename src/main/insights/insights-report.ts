// `linewatch insights` output: the warnings and the maintenance priorities as the JSON
// (snake_case, ISO times, numbers unrounded) and as two CSV tables for people (README "Insights").
import { csvRow, type CsvValue } from '../../shared/format';
import { isoTime, isoTimeOrNull } from '../../shared/time';
import type { InsightsWindow } from './judge';
import type { InsightWarning, MaintenancePriority, WarningFigures } from './warning';

export interface InsightsFiguresJson {
  rtt_ms: number | null;
  loss: number | null;
}

export interface InsightsWarningJson {
  endpoint: string;
  line: string;
  kind: InsightWarning['kind'];
  score: number;
  started_at: string;
  ended_at: string | null;
  baseline: InsightsFiguresJson;
  observed: InsightsFiguresJson;
  reason: string;
}

export interface InsightsPriorityJson {
  rank: number;
  endpoint: string;
  line: string;
  score: number;
  reason: string;
  action: string;
}

export interface InsightsJson {
  from: string;
  to: string;
  warnings: InsightsWarningJson[];
  priorities: InsightsPriorityJson[];
}

const figures = (f: WarningFigures): InsightsFiguresJson => ({ rtt_ms: f.rttMs, loss: f.loss });

export function buildInsightsJson(
  window: InsightsWindow,
  warnings: readonly InsightWarning[],
  priorities: readonly MaintenancePriority[],
): InsightsJson {
  return {
    from: isoTime(window.from),
    to: isoTime(window.to),
    warnings: warnings.map((w) => ({
      endpoint: w.endpointId,
      line: w.lineId,
      kind: w.kind,
      score: w.score,
      started_at: isoTime(w.startedAt),
      ended_at: isoTimeOrNull(w.endedAt),
      baseline: figures(w.baseline),
      observed: figures(w.observed),
      reason: w.reason,
    })),
    priorities: priorities.map((p) => ({
      rank: p.rank,
      endpoint: p.endpointId,
      line: p.lineId,
      score: p.score,
      reason: p.reason,
      action: p.action,
    })),
  };
}

// Rounded for people, like the report CSV: scores to 2 decimals, RTT to 0.1 ms, loss in percent.
const round = (value: number | null, digits: number): CsvValue =>
  value === null ? null : value.toFixed(digits);
const pct = (share: number | null): CsvValue => (share === null ? null : (share * 100).toFixed(2));

function csvTable(title: string, header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [`# ${title}`, csvRow(header), ...rows.map(csvRow)].join('\n');
}

export function formatInsightsCsv(report: InsightsJson): string {
  const warnings = csvTable(
    'warnings',
    [
      'endpoint',
      'line',
      'kind',
      'score',
      'started_at',
      'ended_at',
      'baseline_rtt_ms',
      'observed_rtt_ms',
      'baseline_loss_pct',
      'observed_loss_pct',
      'reason',
    ],
    report.warnings.map((w) => [
      w.endpoint,
      w.line,
      w.kind,
      round(w.score, 2),
      w.started_at,
      w.ended_at,
      round(w.baseline.rtt_ms, 1),
      round(w.observed.rtt_ms, 1),
      pct(w.baseline.loss),
      pct(w.observed.loss),
      w.reason,
    ]),
  );
  const priorities = csvTable(
    'priorities',
    ['rank', 'endpoint', 'line', 'score', 'reason', 'action'],
    report.priorities.map((p) => [p.rank, p.endpoint, p.line, round(p.score, 2), p.reason, p.action]),
  );
  return `${warnings}\n\n${priorities}\n`;
}
