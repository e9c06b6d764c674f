// Exit codes and output of the CLI, as the interface spec fixes them.
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
}

export const processIo: CliIo = {
  stdout: (line) => process.stdout.write(line + '\n'),
  stderr: (line) => process.stderr.write(line + '\n'),
};

export const USAGE = `Usage: linewatch <command> [options]

Commands:
  check-config FILE                          validate a configuration file
  serve --config FILE --data DIR [--host 127.0.0.1] [--port 8470]
                                             monitor headless and serve the dashboard on loopback
  demo [--data DIR] [--host 127.0.0.1] [--port 8470]
                                             start the simulated demo plant and monitor it
  import --config FILE --data DIR CHECKS.jsonl
                                             feed recorded checks through the same state machine
  report --config FILE --data DIR --from ISO --to ISO [--format json|csv] [--out FILE]
                                             KPIs for the window [from, to); ISO times need Z or an offset
  report --config FILE --data DIR --shift-handover [--shift ID | --from ISO --to ISO] [--out FILE]
                                             printable HTML handover of the last ended shift (or the window)
  telemetry test --config FILE --data DIR
                                             with consent, send one test error to Sentry and one test
                                             event to Mixpanel; without consent send nothing (exit 1)

Exit codes: 0 success, 1 bad input, 2 usage error.`;
