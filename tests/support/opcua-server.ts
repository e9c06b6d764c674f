// A real node-opcua OPCUAServer on a loopback address for the OPC UA probe tests (the demo's
// simulated server, src/main/demo): security None and Sign (Basic256Sha256) with its own
// self-signed certificate, anonymous and user/password logins, and a ServerState the test can
// switch. It listens on a free port the OS picks, in this process or (for measurements of the
// client alone) in a child process.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { ServerState } from 'node-opcua-client';
import {
  startSimulatedOpcuaServer,
  type SimulatedOpcuaServerOptions,
} from '@src/main/demo/simulated-opcua-server';

export const TEST_BUILD_INFO = {
  productName: 'Press 1 PLC runtime',
  manufacturerName: 'Linewatch test bench',
  softwareVersion: '4.2.1',
  buildNumber: '4711',
  productUri: 'urn:linewatch:test:plc',
};

/** Nodes a probe can read: a counter-like speed and a text. */
export const TEST_NODES = { speed: 'ns=1;s=Line1.Speed', mode: 'ns=1;s=Line1.Mode' } as const;

export interface TestOpcuaServer {
  url: string;
  /** The server's own certificate (DER), what an operator would put in the client's trusted/ folder. */
  certificate: Buffer;
  setState(state: ServerState): void;
  setSpeed(value: number): void;
  /** Sessions the server holds now. */
  sessionCount(): number;
  stop(): Promise<void>;
}

export interface TestOpcuaServerOptions {
  host: string;
  /** Folder for the server's own PKI store. */
  dataDir: string;
  /** Accepted user/password pairs (default: operator/secret). */
  users?: Record<string, string>;
  maxSessions?: number;
}

/** The simulated server as the tests want it: None and Sign, operator/secret, the test build info. */
function serverOptions(options: TestOpcuaServerOptions): SimulatedOpcuaServerOptions {
  return {
    host: options.host,
    pkiDir: path.join(options.dataDir, 'server-pki'),
    sign: true,
    users: options.users ?? { operator: 'secret' },
    maxSessions: options.maxSessions ?? 20,
    buildInfo: TEST_BUILD_INFO,
  };
}

export async function startOpcuaServer(options: TestOpcuaServerOptions): Promise<TestOpcuaServer> {
  let speed = 42;
  const server = await startSimulatedOpcuaServer({
    ...serverOptions(options),
    variables: [
      { nodeId: TEST_NODES.speed, browseName: 'Line1.Speed', dataType: 'Double', get: () => speed },
      { nodeId: TEST_NODES.mode, browseName: 'Line1.Mode', dataType: 'String', get: () => 'AUTO' },
    ],
  });
  return {
    ...server,
    setSpeed: (value) => {
      speed = value;
    },
  };
}

export interface OpcuaServerProcess {
  url: string;
  certificate: Buffer;
  stop(): Promise<void>;
}

/** Node runs the module itself in the child: the test alias (@src) means nothing there. */
const SIMULATED_SERVER_MODULE = new URL('../../src/main/demo/simulated-opcua-server.ts', import.meta.url)
  .href;

/**
 * The same server (without the test variables) in a child process, for measurements that must
 * count the client alone (memory, CPU). Node runs the TypeScript module directly (type stripping);
 * the child stops when its stdin ends.
 */
export async function startOpcuaServerProcess(options: TestOpcuaServerOptions): Promise<OpcuaServerProcess> {
  const script = [
    `import { startSimulatedOpcuaServer } from ${JSON.stringify(SIMULATED_SERVER_MODULE)};`,
    'const server = await startSimulatedOpcuaServer(JSON.parse(process.env.LINEWATCH_OPCUA_SERVER));',
    "process.stdout.write(JSON.stringify({ url: server.url, certificate: server.certificate.toString('base64') }) + '\\n');",
    "process.stdin.on('end', () => server.stop().then(() => process.exit(0)));",
    'process.stdin.resume();',
  ].join('\n');
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, LINEWATCH_OPCUA_SERVER: JSON.stringify(serverOptions(options)) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const [line] = (await Promise.race([
    once(createInterface({ input: child.stdout }), 'line'),
    exited.then(() => {
      throw new Error(`the OPC UA server process ended before it listened: ${stderr.slice(0, 2000)}`);
    }),
  ])) as [string];
  const started = JSON.parse(line) as { url: string; certificate: string };
  return {
    url: started.url,
    certificate: Buffer.from(started.certificate, 'base64'),
    stop: async () => {
      child.stdin.end();
      await exited;
    },
  };
}
