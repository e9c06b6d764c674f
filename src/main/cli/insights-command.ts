// `linewatch insights --config FILE --data DIR --from ISO --to ISO [--format json|csv] [--out FILE]`
// Read-only like `report`: the early warnings overlapping [from, to) and the maintenance priorities.
import { parseArgs } from 'node:util';
import type { LinewatchConfig } from '../config';
import { buildInsightsJson, formatInsightsCsv } from '../insights/insights-report';
import { buildInsights, type InsightsWindow } from '../insights/judge';
import { parseIsoWindow } from '../../shared/time';
import type { Store } from '../store';
import { UsageError, type CliIo } from './cli-io';
import { READ_ONLY_OPTIONS, runReadOnlyCommand } from './read-only-command';

export interface InsightsOptions {
  configPath: string;
  dataDir: string;
  from: string;
  to: string;
  format: 'json' | 'csv';
  out: string | null;
}

/** Turns the arguments after `insights` into options; every misuse is a UsageError (exit 2). */
export function parseInsightsArgs(args: string[]): InsightsOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: READ_ONLY_OPTIONS,
  });
  if (positionals.length > 0) throw new UsageError(`insights: unexpected argument "${positionals[0] ?? ''}"`);
  if (!values.config || !values.data)
    throw new UsageError('insights: --config FILE and --data DIR are required');
  if (values.from === undefined || values.to === undefined)
    throw new UsageError('insights: --from ISO and --to ISO are required');
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv')
    throw new UsageError(`insights: --format must be json or csv, got "${format}"`);
  return {
    configPath: values.config,
    dataDir: values.data,
    from: values.from,
    to: values.to,
    format,
    out: values.out ?? null,
  };
}

function produce(
  store: Store,
  config: LinewatchConfig,
  options: InsightsOptions,
): { text: string } | { error: string } {
  const parsed = parseIsoWindow(options.from, options.to);
  if (!parsed.ok) return { error: parsed.message };
  const window: InsightsWindow = { from: parsed.window.fromMs, to: parsed.window.toMs };
  const { warnings, priorities } = buildInsights(store, config, window);
  const json = buildInsightsJson(window, warnings, priorities);
  return { text: options.format === 'csv' ? formatInsightsCsv(json) : JSON.stringify(json, null, 2) + '\n' };
}

export function runInsights(options: InsightsOptions, io: CliIo): number {
  return runReadOnlyCommand(
    {
      name: 'insights',
      configPath: options.configPath,
      dataDir: options.dataDir,
      out: options.out,
      written: `the ${options.format} insights`,
      produce: (store, config) => produce(store, config, options),
    },
    io,
  );
}
