// Entry point of the built `linewatch` bin (out/main/cli.js).
import { processIo } from './cli-io';
import { runCli } from './cli';

runCli(process.argv.slice(2), processIo).then(
  (code) => process.exit(code),
  (error: unknown) => {
    processIo.stderr(`linewatch: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
