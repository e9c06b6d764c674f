// What `linewatch report` and `linewatch insights` share: load and check the config, open an
// existing data folder read-only in spirit (never create one by mistyping --data), produce the
// text, and print it or write it to --out. Exit 0, or 1 with the reason on stderr.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue, loadConfigFile, type LinewatchConfig } from '../config';
import { DATABASE_FILE_NAME, openStore, type Store } from '../store';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './cli-io';

/** The options both read-only commands take (report adds its handover options). */
export const READ_ONLY_OPTIONS = {
  config: { type: 'string' },
  data: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;

export type ProducedText = { text: string } | { error: string };

export interface ReadOnlyCommand {
  /** The command's name in messages: "report", "insights". */
  name: string;
  configPath: string;
  dataDir: string;
  out: string | null;
  /** What --out received, for the confirmation line: "the csv report". */
  written: string;
  produce(store: Store, config: LinewatchConfig): ProducedText;
}

export function runReadOnlyCommand(command: ReadOnlyCommand, io: CliIo): number {
  const loaded = loadConfigFile(command.configPath);
  if (!loaded.ok) {
    for (const issue of loaded.issues) io.stderr(formatIssue(issue));
    return EXIT_BAD_INPUT;
  }
  if (!existsSync(command.dataDir) || !statSync(command.dataDir).isDirectory()) {
    io.stderr(`--data: no folder "${command.dataDir}"`);
    return EXIT_BAD_INPUT;
  }
  if (!existsSync(join(command.dataDir, DATABASE_FILE_NAME))) {
    io.stderr(
      `--data: "${command.dataDir}" holds no Linewatch database (${DATABASE_FILE_NAME}); run linewatch serve or import first`,
    );
    return EXIT_BAD_INPUT;
  }
  const store = openStore(command.dataDir);
  let outcome: ProducedText;
  try {
    outcome = command.produce(store, loaded.config);
  } finally {
    store.close();
  }
  if ('error' in outcome) {
    io.stderr(`linewatch ${command.name}: ${outcome.error}`);
    return EXIT_BAD_INPUT;
  }
  if (command.out === null) {
    // io.stdout adds the final line break itself.
    io.stdout(outcome.text.replace(/\n$/, ''));
    return EXIT_OK;
  }
  try {
    writeFileSync(command.out, outcome.text);
  } catch (error) {
    io.stderr(`--out: cannot write "${command.out}": ${(error as Error).message}`);
    return EXIT_BAD_INPUT;
  }
  io.stdout(`wrote ${command.written} to ${command.out}`);
  return EXIT_OK;
}
