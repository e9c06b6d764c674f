// Entry of out/main/bench.js: `npm run bench` (prints JSON figures) and the crash-safety test's
// writer (`node out/main/bench.js crash-writer DIR N`), `npm run bench:insights` (`... insights`),
// the Modbus bench's PLC process (`... modbus-plcs N`, forked by modbus-bench.ts), the
// EtherNet/IP bench's drive process (`... enip-devices N`, forked by enip-bench.ts) and the OPC UA
// bench's server process (`... opcua-server N`, forked by opcua-bench.ts) and the soak's process
// (`... soak HOURS`, started by soak-bench.ts with serve's V8 flags).
import { runBenchmarks } from './run-benchmarks';
import { runCrashWriter } from './crash-writer';
import { runInsightsBench } from './insights-bench';
import { serveModbusPlcs } from './modbus-bench';
import { serveEnipDevices } from './enip-bench';
import { serveOpcuaServer } from './opcua-bench';
import { runSoak } from './soak-bench';

const [mode, ...args] = process.argv.slice(2);
if (mode === 'crash-writer') {
  runCrashWriter(args[0] ?? '.', Number(args[1] ?? 500));
} else if (mode === 'modbus-plcs') {
  void serveModbusPlcs(Number(args[0] ?? 1000));
} else if (mode === 'enip-devices') {
  void serveEnipDevices(Number(args[0] ?? 1000));
} else if (mode === 'opcua-server') {
  void serveOpcuaServer(Number(args[0] ?? 100));
} else {
  // `insights`: `npm run bench:insights` (issue 12), the detectors measured on injected faults.
  const run =
    mode === 'insights'
      ? runInsightsBench()
      : mode === 'soak'
        ? runSoak({ endpoints: 2000, hours: Number(args[0] ?? 24) })
        : runBenchmarks(process.argv.slice(2));
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
