// `linewatch import --config FILE --data DIR CHECKS.jsonl`
import { formatIssue, loadConfigFile } from '../config';
import { importChecksFile } from '../import/import-checks';
import { openStore } from '../store';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './cli-io';

export function runImport(options: { configPath: string; dataDir: string; file: string }, io: CliIo): number {
  const loaded = loadConfigFile(options.configPath);
  if (!loaded.ok) {
    for (const issue of loaded.issues) io.stderr(formatIssue(issue));
    return EXIT_BAD_INPUT;
  }
  const store = openStore(options.dataDir);
  try {
    const outcome = importChecksFile(options.file, loaded.config, store);
    if (!outcome.ok) {
      for (const problem of outcome.problems)
        io.stderr(`${options.file}:${problem.line}: ${problem.message}`);
      io.stderr(`${options.file}: nothing imported (${outcome.problems.length} problem(s))`);
      return EXIT_BAD_INPUT;
    }
    const { checks, endpoints, outagesOpened } = outcome.summary;
    io.stdout(`imported ${checks} checks for ${endpoints} endpoint(s); ${outagesOpened} outage(s) opened`);
    return EXIT_OK;
  } finally {
    store.close();
  }
}
