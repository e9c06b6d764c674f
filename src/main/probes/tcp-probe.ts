// TCP probe: the time to complete a connect() to host:port. The socket is closed at once; the
// device sees a connect and a reset, nothing else.
import { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { failureKindOfErrorCode, type ProbeResult } from './probe-result';

export function probeTcp(host: string, port: number, timeoutMs: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = new Socket();
    let settled = false;
    const finish = (result: ProbeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ ok: false, kind: 'timeout', message: `no answer within ${timeoutMs} ms`, rttMs: null }),
      timeoutMs,
    );
    socket.once('connect', () => finish({ ok: true, rttMs: performance.now() - started }));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const kind = failureKindOfErrorCode(error.code);
      finish({ ok: false, kind, message: error.code ? `connect ${error.code}` : error.message, rttMs: null });
    });
    socket.connect({ host, port });
  });
}
