// Entry of out/main/bench.js: `npm run bench` (prints JSON figures) and the crash-safety test's
// writer (`node out/main/bench.js crash-writer DIR N`), and `npm run bench:insights` (`... insights`).
import { runBenchmarks } from './run-benchmarks';
import { runCrashWriter } from './crash-writer';
import { runInsightsBench } from './insights-bench';

const [mode, ...args] = process.argv.slice(2);
if (mode === 'crash-writer') {
  runCrashWriter(args[0] ?? '.', Number(args[1] ?? 500));
} else {
  // `insights`: `npm run bench:insights` (issue 12), the detectors measured on injected faults.
  const run = mode === 'insights' ? runInsightsBench() : runBenchmarks(process.argv.slice(2));
  run.then(
    (figures) => {
      process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(
        `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
