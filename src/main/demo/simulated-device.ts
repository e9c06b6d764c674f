// A simulated plant device listening on a loopback address: a TCP port (like a PLC's Modbus port)
// or an HTTP health page (like an HMI). It can be switched off and on, and an HTTP device can be
// made to answer with the wrong text or slowly and unreliably (a degrading device, issue 12), so the
// demo and the tests have real faults to detect.
import http from 'node:http';
import net from 'node:net';

export interface SimulatedDevice {
  readonly host: string;
  readonly port: number;
  readonly isRunning: boolean;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** HTTP devices only: answer "DEGRADED" instead of the healthy text while true. */
  setUnhealthy(unhealthy: boolean): void;
  /**
   * HTTP devices only: answer after `delayMs` and drop this share (0-1) of requests (the connection
   * is reset: a failed check). A TCP port's connect is answered by the kernel, so it cannot be slowed.
   */
  setDegradation(degradation: Degradation): void;
}

export interface Degradation {
  delayMs: number;
  dropShare: number;
}

/** mulberry32: the demo's dropped requests follow the same pattern on every run. */
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Server = net.Server | http.Server;

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export async function startSimulatedDevice(options: {
  kind: 'tcp' | 'http';
  host: string;
  port?: number;
  healthyText?: string;
}): Promise<SimulatedDevice> {
  const sockets = new Set<net.Socket>();
  let unhealthy = false;
  let degradation: Degradation = { delayMs: 0, dropShare: 0 };
  const random = seededRandom(12);
  const healthyText = options.healthyText ?? 'OK';
  const makeServer = (): Server => {
    const server: Server =
      options.kind === 'tcp'
        ? net.createServer((socket) => {
            socket.on('error', () => undefined);
            socket.end();
          })
        : http.createServer((request, response) => {
            const { delayMs, dropShare } = degradation;
            if (dropShare > 0 && random() < dropShare) {
              request.socket.destroy();
              return;
            }
            const answer = (): void => {
              response.writeHead(200, { 'content-type': 'text/plain' });
              response.end(unhealthy ? 'DEGRADED' : healthyText);
            };
            if (delayMs > 0) setTimeout(answer, delayMs);
            else answer();
          });
    server.on('connection', (socket: net.Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    return server;
  };

  let server: Server | null = makeServer();
  const port = await listen(server, options.host, options.port ?? 0);

  return {
    host: options.host,
    port,
    get isRunning() {
      return server !== null;
    },
    async stop() {
      const current = server;
      if (!current) return;
      server = null;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    async start() {
      if (server) return;
      const next = makeServer();
      await listen(next, options.host, port);
      server = next;
    },
    setUnhealthy(value) {
      unhealthy = value;
    },
    setDegradation(value) {
      degradation = value;
    },
  };
}

/**
 * Binding 127.0.0.x for x > 1 works on Linux and Windows; macOS only has 127.0.0.1 unless aliased.
 * Try the wanted address and fall back to 127.0.0.1 so the demo runs everywhere.
 */
export async function startOnLoopback(
  kind: 'tcp' | 'http',
  wantedHost: string,
  healthyText?: string,
): Promise<SimulatedDevice> {
  try {
    return await startSimulatedDevice({ kind, host: wantedHost, ...(healthyText ? { healthyText } : {}) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRNOTAVAIL') throw error;
    return startSimulatedDevice({ kind, host: '127.0.0.1', ...(healthyText ? { healthyText } : {}) });
  }
}
