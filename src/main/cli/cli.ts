// The `linewatch` command line: the same services as the app, headless.
import { parseArgs } from 'node:util';
import { runCheckConfig } from '../config';
import { canonicalHostname } from '../host/host-allow-list';
import { EXIT_USAGE, UsageError, USAGE, type CliIo } from './cli-io';
import { runImport } from './import-command';
import { parseInsightsArgs, runInsights } from './insights-command';
import { parseReportArgs, runReport } from './report-command';
import { DEFAULT_PORT, runServe } from './serve-command';
import { parseTelemetryArgs, runTelemetryTest } from './telemetry-command';

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port: expected a whole number from 0 to 65535, got "${value}"`);
  }
  return port;
}

function parseAllowHosts(names: string[]): string[] {
  for (const name of names) {
    if (canonicalHostname(name) === null) {
      throw new UsageError(`--allow-host: expected a host name or IP address without a port, got "${name}"`);
    }
  }
  return names;
}

function parseTls(
  certPath: string | undefined,
  keyPath: string | undefined,
): { certPath: string; keyPath: string } | null {
  if (certPath === undefined && keyPath === undefined) return null;
  if (certPath === undefined || keyPath === undefined) {
    throw new UsageError('--tls-cert FILE and --tls-key FILE go together: give both or neither');
  }
  return { certPath, keyPath };
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check-config': {
        const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
        if (positionals.length !== 1 || positionals[0] === undefined) {
          throw new UsageError('check-config: expected exactly one FILE');
        }
        return runCheckConfig(positionals[0], io);
      }
      case 'serve':
      case 'demo': {
        const { values } = parseArgs({
          args: rest,
          options: {
            config: { type: 'string' },
            data: { type: 'string' },
            host: { type: 'string', default: '127.0.0.1' },
            port: { type: 'string' },
            'allow-host': { type: 'string', multiple: true, default: [] },
            'operator-token-file': { type: 'string' },
            'tls-cert': { type: 'string' },
            'tls-key': { type: 'string' },
          },
        });
        if (command === 'serve' && (!values.config || !values.data)) {
          throw new UsageError('serve: --config FILE and --data DIR are required');
        }
        if (command === 'demo' && values.config) throw new UsageError('demo: takes no --config');
        return await runServe(
          {
            configPath: command === 'serve' ? (values.config ?? null) : null,
            dataDir: values.data ?? null,
            host: values.host,
            port: parsePort(values.port),
            allowHosts: parseAllowHosts(values['allow-host']),
            operatorTokenFile: values['operator-token-file'] ?? null,
            tls: parseTls(values['tls-cert'], values['tls-key']),
          },
          io,
        );
      }
      case 'import': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { config: { type: 'string' }, data: { type: 'string' } },
        });
        const file = positionals[0];
        if (!values.config || !values.data || positionals.length !== 1 || file === undefined) {
          throw new UsageError('import: expected --config FILE --data DIR CHECKS.jsonl');
        }
        return runImport({ configPath: values.config, dataDir: values.data, file }, io);
      }
      case 'report':
        return runReport(parseReportArgs(rest), io);
      case 'insights':
        return runInsights(parseInsightsArgs(rest), io);
      case 'telemetry':
        return await runTelemetryTest(parseTelemetryArgs(rest), io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return command === undefined ? EXIT_USAGE : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`linewatch: ${(error as Error).message}`);
      io.stderr(USAGE);
      return EXIT_USAGE;
    }
    throw error;
  }
}
