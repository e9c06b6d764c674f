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
  serve --config FILE --data DIR [--host 127.0.0.1] [--port 8470] [ACCESS OPTIONS]
                                             monitor headless and serve the dashboard on loopback
  demo [--data DIR] [--host 127.0.0.1] [--port 8470] [ACCESS OPTIONS]
                                             start the simulated demo plant and monitor it
  import --config FILE --data DIR CHECKS.jsonl
                                             feed recorded checks through the same state machine
  report --config FILE --data DIR --from ISO --to ISO [--format json|csv] [--out FILE]
                                             KPIs for the window [from, to); ISO times need Z or an offset
  report --config FILE --data DIR --shift-handover [--shift ID | --from ISO --to ISO] [--out FILE]
                                             printable HTML handover of the last ended shift (or the window)
  insights --config FILE --data DIR --from ISO --to ISO [--format json|csv] [--out FILE]
                                             early warnings overlapping [from, to) and the maintenance
                                             priority list (read-only, like report)
  telemetry test --config FILE --data DIR
                                             with consent, send one test error to Sentry and one test
                                             event to Mixpanel; without consent send nothing (exit 1)

Access options of serve and demo:
  --allow-host NAME                          also answer to NAME (repeatable); otherwise only the
                                             bound address, localhost, 127.0.0.1 and [::1]
  --operator-token-file FILE                 the token (16+ characters) a LAN screen presents to act;
                                             without it a non-loopback --host generates DIR/operator-token
  --tls-cert FILE --tls-key FILE             serve HTTPS and WSS with this PEM certificate and key
  Bound to anything but 127.0.0.1, localhost or ::1, every connection may only read unless it
  presents the operator token.

Exit codes: 0 success, 1 bad input, 2 usage error.`;
