// `linewatch insights --config FILE --data DIR --from ISO --to ISO [--format json|csv] [--out FILE]`
// Read-only like `report`: the early warnings overlapping [from, to) and the maintenance priorities.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue, loadConfigFile, type LinewatchConfig } from '../config';
import { buildInsightsJson, formatInsightsCsv } from '../insights/insights-report';
import { buildInsights, type InsightsWindow } from '../insights/judge';
import { parseIsoWindow } from '../../shared/time';
import { DATABASE_FILE_NAME, openStore, type Store } from '../store';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError, type CliIo } from './cli-io';

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
    options: {
      config: { type: 'string' },
      data: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
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
  const loaded = loadConfigFile(options.configPath);
  if (!loaded.ok) {
    for (const issue of loaded.issues) io.stderr(formatIssue(issue));
    return EXIT_BAD_INPUT;
  }
  // Insights only read: never create a data folder or an empty database by mistyping --data.
  if (!existsSync(options.dataDir) || !statSync(options.dataDir).isDirectory()) {
    io.stderr(`--data: no folder "${options.dataDir}"`);
    return EXIT_BAD_INPUT;
  }
  if (!existsSync(join(options.dataDir, DATABASE_FILE_NAME))) {
    io.stderr(
      `--data: "${options.dataDir}" holds no Linewatch database (${DATABASE_FILE_NAME}); run linewatch serve or import first`,
    );
    return EXIT_BAD_INPUT;
  }
  const store = openStore(options.dataDir);
  let outcome: { text: string } | { error: string };
  try {
    outcome = produce(store, loaded.config, options);
  } finally {
    store.close();
  }
  if ('error' in outcome) {
    io.stderr(`linewatch insights: ${outcome.error}`);
    return EXIT_BAD_INPUT;
  }
  if (options.out === null) {
    // io.stdout adds the final line break itself.
    io.stdout(outcome.text.replace(/\n$/, ''));
    return EXIT_OK;
  }
  try {
    writeFileSync(options.out, outcome.text);
  } catch (error) {
    io.stderr(`--out: cannot write "${options.out}": ${(error as Error).message}`);
    return EXIT_BAD_INPUT;
  }
  io.stdout(`wrote the ${options.format} insights to ${options.out}`);
  return EXIT_OK;
}
