// A real node-opcua OPCUAServer on a loopback address for the OPC UA probe tests: security None and
// Sign (Basic256Sha256) with its own self-signed certificate, anonymous and user/password logins,
// and a ServerState the test can switch. It listens on a free port the OS picks, in this process or
// (for measurements of the client alone) in a child process.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { OPCUACertificateManager } from 'node-opcua-certificate-manager';
import { DataType, MessageSecurityMode, SecurityPolicy, Variant, type ServerState } from 'node-opcua-client';
import { OPCUAServer } from 'node-opcua-server';

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

export async function startOpcuaServer(options: TestOpcuaServerOptions): Promise<TestOpcuaServer> {
  const users = options.users ?? { operator: 'secret' };
  const maxSessions = options.maxSessions ?? 20;
  const server = new OPCUAServer({
    port: 0,
    host: options.host,
    // The endpoint URL the server advertises; its certificate names it too.
    hostname: options.host,
    serverCertificateManager: new OPCUACertificateManager({
      rootFolder: path.join(options.dataDir, 'server-pki'),
      // The server side of the test accepts the probe's certificate: what is tested is the client.
      automaticallyAcceptUnknownCertificate: true,
    }),
    securityModes: [MessageSecurityMode.None, MessageSecurityMode.Sign],
    securityPolicies: [SecurityPolicy.None, SecurityPolicy.Basic256Sha256],
    userManager: { isValidUser: (user: string, password: string) => users[user] === password },
    buildInfo: TEST_BUILD_INFO,
    maxConnectionsPerEndpoint: maxSessions,
    serverCapabilities: { maxSessions },
  });
  await server.initialize();
  const addressSpace = server.engine.addressSpace;
  if (!addressSpace) throw new Error('the OPC UA test server has no address space after initialize()');
  const namespace = addressSpace.getOwnNamespace();
  let speed = 42;
  namespace.addVariable({
    organizedBy: addressSpace.rootFolder.objects,
    minimumSamplingInterval: 100,
    browseName: 'Line1.Speed',
    nodeId: TEST_NODES.speed,
    dataType: 'Double',
    value: { get: () => new Variant({ dataType: DataType.Double, value: speed }) },
  });
  namespace.addVariable({
    organizedBy: addressSpace.rootFolder.objects,
    minimumSamplingInterval: 100,
    browseName: 'Line1.Mode',
    nodeId: TEST_NODES.mode,
    dataType: 'String',
    value: { get: () => new Variant({ dataType: DataType.String, value: 'AUTO' }) },
  });
  await server.start();
  return {
    url: server.getEndpointUrl(),
    certificate: server.getCertificate(),
    setState: (state) => server.setServerState(state),
    setSpeed: (value) => {
      speed = value;
    },
    sessionCount: () => server.currentSessionCount,
    stop: () => server.shutdown(0),
  };
}

export interface OpcuaServerProcess {
  url: string;
  certificate: Buffer;
  stop(): Promise<void>;
}

/**
 * The same server in a child process, for measurements that must count the client alone (memory,
 * CPU). Node runs this TypeScript file directly (type stripping); the child stops when its stdin ends.
 */
export async function startOpcuaServerProcess(options: TestOpcuaServerOptions): Promise<OpcuaServerProcess> {
  const script = [
    `import { startOpcuaServer } from ${JSON.stringify(import.meta.url)};`,
    'const server = await startOpcuaServer(JSON.parse(process.env.LINEWATCH_OPCUA_SERVER));',
    "process.stdout.write(JSON.stringify({ url: server.url, certificate: server.certificate.toString('base64') }) + '\\n');",
    "process.stdin.on('end', () => server.stop().then(() => process.exit(0)));",
    'process.stdin.resume();',
  ].join('\n');
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, LINEWATCH_OPCUA_SERVER: JSON.stringify(options) },
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
