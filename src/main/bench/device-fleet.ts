// Simulated devices for the protocol benches (issue 13), in a child process (`bench.js MODE N`):
// what is measured is then the probe and the monitor, not the devices answering them. The child
// prints one "host port" line per device, then "ready", and exits when its stdin ends.
import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ProbeConfig } from '../config';

/** The child's side: start `count` devices, print where each listens, wait for stdin to end. */
export async function serveDevices(
  count: number,
  start: (index: number) => Promise<{ host: string; port: number; stop(): Promise<void> }>,
): Promise<void> {
  const devices: { stop(): Promise<void> }[] = [];
  for (let i = 0; i < count; i++) {
    const device = await start(i);
    devices.push(device);
    process.stdout.write(`${device.host} ${device.port}\n`);
  }
  process.stdout.write('ready\n');
  process.stdin.resume();
  process.stdin.once('end', () => {
    void Promise.all(devices.map((d) => d.stop())).then(() => process.exit(0));
  });
}

export interface DeviceFleet {
  targets: ProbeConfig[];
  stop(): void;
}

/** Forks this same bench entry in `mode` and reads back a probe per device. */
export async function startDeviceFleet(
  mode: string,
  count: number,
  probeFor: (host: string, port: number) => ProbeConfig,
): Promise<DeviceFleet> {
  const entry = process.argv[1];
  if (!entry) throw new Error('cannot find the bench entry to fork');
  const child: ChildProcess = fork(entry, [mode, String(count)], {
    stdio: ['pipe', 'pipe', 'inherit', 'ipc'],
  });
  const targets: ProbeConfig[] = [];
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`the ${mode} process exited (${String(code)}) before it was ready`)),
    );
    lines.on('line', (line) => {
      if (line === 'ready') {
        resolve();
        return;
      }
      const [host, port] = line.split(' ');
      if (host && port) targets.push(probeFor(host, Number(port)));
    });
  });
  return {
    targets,
    stop: () => {
      child.stdin?.end();
      child.removeAllListeners('exit');
    },
  };
}
