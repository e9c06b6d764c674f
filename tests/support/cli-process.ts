// Runs the built `linewatch` bin as a real child process and waits for the line that says where
// the dashboard is.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const BIN = fileURLToPath(new URL('../../bin/linewatch.js', import.meta.url));

/** `linewatch import --config --data CHECKS` through the built bin; it must succeed silently. */
export function importThroughBin(configPath: string, dataDir: string, checksFile: string): void {
  const imported = spawnSync(
    process.execPath,
    [BIN, 'import', '--config', configPath, '--data', dataDir, checksFile],
    { encoding: 'utf8' },
  );
  expect(imported.stderr).toBe('');
  expect(imported.status).toBe(0);
}

export interface RunningCli {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Send a signal and resolve with the exit code and how long the exit took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

export function startCli(args: string[]): Promise<RunningCli> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`linewatch did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /dashboard at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({
          child,
          url: match[1],
          output: () => output,
          stop: (signal = 'SIGTERM') =>
            new Promise((done) => {
              const started = Date.now();
              if (child.exitCode !== null) {
                done({ code: child.exitCode, ms: 0 });
                return;
              }
              child.once('exit', (code) => done({ code, ms: Date.now() - started }));
              child.kill(signal);
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`linewatch exited with ${code}:\n${output}`));
    });
  });
}
