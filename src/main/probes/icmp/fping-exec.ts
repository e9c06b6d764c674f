// Running `fping`: the batch process, and the startup check that it is installed and can
// actually send echo requests (a copy without CAP_NET_RAW prints its version but cannot ping).
import { spawn } from 'node:child_process';

export interface ExecResult {
  /** stdout and stderr together: fping -C -q writes its summary to stderr. */
  output: string;
  exitCode: number | null;
}

/** Run `fping args`, killing it after `killAfterMs`; never rejects (a missing binary is exitCode null). */
export type FpingExecutor = (args: readonly string[], killAfterMs: number) => Promise<ExecResult>;

export const spawnFping: FpingExecutor = (args, killAfterMs) =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const child = spawn('fping', [...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LANG: 'C' },
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    let done = false;
    const finish = (exitCode: number | null, extra = ''): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ output: Buffer.concat(chunks).toString('utf8') + extra, exitCode });
    };
    child.once('error', (error) => finish(null, `fping: ${error.message}\n`));
    child.once('close', (code) => finish(code));
  });

/** True when `fping -v` runs and one loopback echo gets an answer. */
export async function detectFping(execute: FpingExecutor = spawnFping): Promise<boolean> {
  const version = await execute(['-v'], 2000);
  if (version.exitCode !== 0 || !/fping/i.test(version.output)) return false;
  const loopback = await execute(['-C', '1', '-q', '-r', '0', '-t', '500', '127.0.0.1'], 3000);
  return loopback.exitCode === 0;
}
