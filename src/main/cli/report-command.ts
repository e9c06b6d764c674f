// `linewatch report --config FILE --data DIR --from ISO --to ISO [--format json|csv]`
// `linewatch report --config FILE --data DIR --shift-handover [--shift ID | --from ISO --to ISO] [--out FILE]`
import { parseArgs } from 'node:util';
import type { LinewatchConfig } from '../config';
import { buildReport } from '../kpi';
import { renderHandoverHtml } from '../reports/handover-html';
import { resolveHandoverWindow, type HandoverWindowResult } from '../reports/handover-window';
import { parseIsoWindow } from '../../shared/time';
import { formatReportCsv } from '../reports/report-csv';
import { buildShiftHandover } from '../reports/shift-handover';
import type { Store } from '../store';
import { UsageError, type CliIo } from './cli-io';
import { READ_ONLY_OPTIONS, runReadOnlyCommand } from './read-only-command';

export interface ReportOptions {
  configPath: string;
  dataDir: string;
  from: string | null;
  to: string | null;
  format: 'json' | 'csv';
  handover: boolean;
  shift: string | null;
  out: string | null;
}

/** Turns the arguments after `report` into options; every misuse is a UsageError (exit 2). */
export function parseReportArgs(args: string[]): ReportOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...READ_ONLY_OPTIONS,
      'shift-handover': { type: 'boolean', default: false },
      shift: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`report: unexpected argument "${positionals[0] ?? ''}"`);
  if (!values.config || !values.data)
    throw new UsageError('report: --config FILE and --data DIR are required');
  const handover = values['shift-handover'];
  const from = values.from ?? null;
  const to = values.to ?? null;
  if (handover) {
    if (values.format !== undefined)
      throw new UsageError('report: --format does not apply to --shift-handover (it is HTML)');
    if ((from === null) !== (to === null))
      throw new UsageError('report: give both --from and --to, or neither');
    if (values.shift !== undefined && from !== null)
      throw new UsageError('report: give --shift or --from/--to, not both');
  } else {
    if (from === null || to === null) throw new UsageError('report: --from ISO and --to ISO are required');
    if (values.shift !== undefined) throw new UsageError('report: --shift only goes with --shift-handover');
  }
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv')
    throw new UsageError(`report: --format must be json or csv, got "${format}"`);
  return {
    configPath: values.config,
    dataDir: values.data,
    from,
    to,
    format,
    handover,
    shift: values.shift ?? null,
    out: values.out ?? null,
  };
}

/** The handover's window from the options (an explicit window is already parsed and checked). */
function handoverWindow(
  config: LinewatchConfig,
  options: ReportOptions,
  nowMs: number,
): HandoverWindowResult | string {
  if (options.from !== null && options.to !== null) {
    const parsed = parseIsoWindow(options.from, options.to);
    if (!parsed.ok) return parsed.message;
    return resolveHandoverWindow(config, nowMs, parsed.window);
  }
  return resolveHandoverWindow(config, nowMs, options.shift !== null ? { shiftId: options.shift } : {});
}

function produce(
  store: Store,
  config: LinewatchConfig,
  options: ReportOptions,
  nowMs: number,
): { text: string } | { error: string } {
  if (options.handover) {
    const resolved = handoverWindow(config, options, nowMs);
    if (typeof resolved === 'string') return { error: resolved };
    if (!resolved.ok)
      return {
        error: resolved.reason === 'unknown_shift' ? `--shift: ${resolved.message}` : resolved.message,
      };
    return { text: renderHandoverHtml(buildShiftHandover(store, config, resolved.window, nowMs)) };
  }
  const parsed = parseIsoWindow(options.from ?? '', options.to ?? '');
  if (!parsed.ok) return { error: parsed.message };
  const report = buildReport(store, config, { ...parsed.window, nowMs });
  return {
    text: options.format === 'csv' ? formatReportCsv(report) : JSON.stringify(report, null, 2) + '\n',
  };
}

export function runReport(options: ReportOptions, io: CliIo, nowMs = Date.now()): number {
  return runReadOnlyCommand(
    {
      name: 'report',
      configPath: options.configPath,
      dataDir: options.dataDir,
      out: options.out,
      written: options.handover ? 'the shift handover' : `the ${options.format} report`,
      produce: (store, config) => produce(store, config, options, nowMs),
    },
    io,
  );
}
