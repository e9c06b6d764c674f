// 1,000 checks per transport: no handle survives them, whatever the replies were, and what they cost
// (CPU seconds per 1,000 checks, RSS) is printed for the bench README.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeEnip, type EnipOutcome, type EnipTransport } from '@src/main/probes/enip/enip-probe';
import { startEnipResponder, type EnipResponderMode } from '../../../../support/enip-responder';

const CHECKS = 1_000;
/** Checks in flight at once, as the scheduler runs many endpoints side by side. */
const CONCURRENCY = 50;
const GENEROUS_TIMEOUT_MS = 10_000;
/** The silent device's checks must time out; short, so the 1,000 stay well inside the file's budget. */
const SILENT_TIMEOUT_MS = 100;

/** Every reply kind, so that each way a check ends is counted in the handle check. */
const MODES: EnipResponderMode[] = [
  'normal',
  'major_unrecoverable',
  'minor_recoverable',
  'error_status',
  'garbage',
  'truncated',
  'close_mid_frame',
  'silent',
];

function resourceCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of process.getActiveResourcesInfo()) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

/** What is open now beyond the baseline, per resource type ("TCPSocketWrap", "Timeout", ...). */
function excessOver(baseline: Record<string, number>): Record<string, number> {
  const excess: Record<string, number> = {};
  for (const [name, count] of Object.entries(resourceCounts())) {
    const extra = count - (baseline[name] ?? 0);
    if (extra > 0) excess[name] = extra;
  }
  return excess;
}

/**
 * Waits, turn by turn of the event loop, until nothing is open beyond the baseline (the responder's
 * side of a connection closes a moment after the probe's; the runner's own timers come and go, so
 * fewer than the baseline is fine). Returns what is left over.
 */
async function settleTo(
  baseline: Record<string, number>,
  deadlineMs = 10_000,
): Promise<Record<string, number>> {
  const until = Date.now() + deadlineMs;
  let excess = excessOver(baseline);
  while (Object.keys(excess).length > 0 && Date.now() < until) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    excess = excessOver(baseline);
  }
  return excess;
}

const signed = (value: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;

async function runChecks(
  count: number,
  check: (index: number) => Promise<EnipOutcome>,
): Promise<Map<string, number>> {
  const outcomes = new Map<string, number>();
  for (let start = 0; start < count; start += CONCURRENCY) {
    const batch = Array.from({ length: Math.min(CONCURRENCY, count - start) }, (_, i) => check(start + i));
    for (const outcome of await Promise.all(batch)) {
      const key = outcome.ok ? 'ok' : outcome.kind;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
  }
  return outcomes;
}

describe.each<[EnipTransport, string]>([
  ['tcp', '127.0.44.11'],
  ['udp', '127.0.44.12'],
])('enip probe over %s, 1,000 checks', (transport, host) => {
  it('leaves no socket, timer or request open, after every kind of reply', async () => {
    const responder = await startEnipResponder({ host });
    try {
      const baseline = resourceCounts();
      // One mode per batch: the responder's mode is global, and a batch is one moment on the wire.
      const outcomes = await runChecks(CHECKS, (index) => {
        const mode = MODES[Math.floor(index / CONCURRENCY) % MODES.length] ?? 'normal';
        responder.setMode(mode);
        const timeoutMs = mode === 'silent' ? SILENT_TIMEOUT_MS : GENEROUS_TIMEOUT_MS;
        return probeEnip({ host, port: responder.port, transport }, timeoutMs);
      });
      expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(CHECKS);
      expect(outcomes.get('timeout')).toBe(100); // the two silent batches, and nothing else
      expect(outcomes.get('device_fault')).toBeGreaterThan(0);
      expect(await settleTo(baseline)).toEqual({});
      expect(responder.requests).toBe(CHECKS);
    } finally {
      await responder.close();
    }
  });
});

/**
 * The responder runs in a child process here, so the CPU time measured is the probe's alone. The
 * child is the same module (tests/support/enip-responder.ts), loaded through Vite as the tests
 * load it: it imports the demo drive's listener from src/, whose imports plain Node cannot resolve.
 */
async function startResponderProcess(host: string): Promise<{ child: ChildProcess; port: number }> {
  const responderPath = fileURLToPath(new URL('../../../../support/enip-responder.ts', import.meta.url));
  const srcDir = fileURLToPath(new URL('../../../../../src', import.meta.url));
  const code = [
    "const { runnerImport } = await import('vite');",
    `const { module } = await runnerImport(${JSON.stringify(responderPath)}, {`,
    `  configFile: false, logLevel: 'silent', resolve: { alias: { '@src': ${JSON.stringify(srcDir)} } },`,
    '});',
    `const responder = await module.startEnipResponder({ host: ${JSON.stringify(host)} });`,
    'process.stdout.write(`${responder.port}\\n`);',
    'process.stdin.resume();',
    "process.stdin.on('end', () => void responder.close());",
  ].join('\n');
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const first = await Promise.race([
    once(child.stdout, 'data') as Promise<[Buffer]>,
    once(child, 'exit').then(() => null),
  ]);
  // Its stderr (inherited) says why.
  if (first === null) throw new Error('the responder process exited before it listened');
  return { child, port: Number(first[0].toString().trim()) };
}

describe.each<[EnipTransport, string]>([
  ['tcp', '127.0.44.13'],
  ['udp', '127.0.44.14'],
])('enip probe over %s, cost', (transport, host) => {
  let responder: { child: ChildProcess; port: number };
  beforeAll(async () => {
    responder = await startResponderProcess(host);
  });
  afterAll(async () => {
    const exited = once(responder.child, 'exit');
    responder.child.stdin?.end();
    await exited;
  });

  it('CPU seconds per 1,000 checks and RSS (printed for the bench README)', async () => {
    const check = () => probeEnip({ host, port: responder.port, transport }, GENEROUS_TIMEOUT_MS);
    await runChecks(CONCURRENCY, check); // warm-up: JIT and the first allocations out of the figure
    const rssBefore = process.memoryUsage().rss;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const outcomes = await runChecks(CHECKS, check);
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const rss = process.memoryUsage().rss;
    expect(outcomes.get('ok')).toBe(CHECKS);
    console.log(
      `enip ${transport}: ${CHECKS} checks (${CONCURRENCY} at a time) in ${wallMs.toFixed(0)} ms, ` +
        `CPU ${cpuSeconds.toFixed(3)} s per 1,000 checks (user ${(cpu.user / 1e6).toFixed(3)}, ` +
        `system ${(cpu.system / 1e6).toFixed(3)}), RSS ${(rss / 2 ** 20).toFixed(1)} MiB ` +
        `(${signed((rss - rssBefore) / 2 ** 20)} MiB over the checks)`,
    );
    // Not a benchmark gate (a loaded machine would fail it); a probe that spins would.
    expect(cpuSeconds).toBeLessThan(10);
  });
});
