// A node-opcua OPCUAServer on a loopback address, for the demo plant and the tests (issue 13): its
// ServerState can be switched (Running, Suspended ...), it offers security None and, when asked,
// Sign with Basic256Sha256, and takes anonymous or user/password logins. node-opcua-server is
// loaded when a server starts, not at import: the console never needs it, only the demo does, and
// an installation without it gets a message that says so instead of a crash at start.
import { OPCUACertificateManager } from 'node-opcua-certificate-manager';
import {
  DataType,
  MessageSecurityMode,
  SecurityPolicy,
  ServerState as ServerStateValue,
  Variant,
  type ServerState,
} from 'node-opcua-client';

export interface SimulatedOpcuaBuildInfo {
  productName: string;
  manufacturerName: string;
  softwareVersion: string;
  buildNumber: string;
  productUri: string;
}

export interface SimulatedOpcuaVariable {
  /** ns=1;s=<browseName>: the server's own namespace is 1. */
  nodeId: string;
  browseName: string;
  dataType: 'Double' | 'String';
  get(): number | string;
}

export interface SimulatedOpcuaServerOptions {
  host: string;
  /** 0 (default): a free port the OS picks. */
  port?: number;
  /** Folder for the server's own PKI store (its self-signed certificate): never $HOME. */
  pkiDir: string;
  /** Offer Sign (Basic256Sha256) besides None (default: None only). */
  sign?: boolean;
  /** Accepted user/password pairs (default: anonymous only). */
  users?: Record<string, string>;
  maxSessions?: number;
  buildInfo: SimulatedOpcuaBuildInfo;
  variables?: SimulatedOpcuaVariable[];
}

export interface SimulatedOpcuaServer {
  url: string;
  /** The server's own certificate (DER), what an operator would put in the client's trusted/ folder. */
  certificate: Buffer;
  setState(state: ServerState): void;
  /** Suspended or Running: what the demo's script switches, without the caller loading node-opcua. */
  setSuspended(suspended: boolean): void;
  /** Sessions the server holds now. */
  sessionCount(): number;
  stop(): Promise<void>;
}

export class OpcuaServerLibraryMissing extends Error {}

async function loadServerLibrary(): Promise<typeof import('node-opcua-server')> {
  try {
    return await import('node-opcua-server');
  } catch (error) {
    throw new OpcuaServerLibraryMissing(
      `the simulated OPC UA server needs the node-opcua-server package, which is not installed (${String(error).split('\n')[0] ?? ''})`,
    );
  }
}

export async function startSimulatedOpcuaServer(
  options: SimulatedOpcuaServerOptions,
): Promise<SimulatedOpcuaServer> {
  const { OPCUAServer } = await loadServerLibrary();
  const users = options.users ?? {};
  const maxSessions = options.maxSessions ?? 20;
  const server = new OPCUAServer({
    port: options.port ?? 0,
    host: options.host,
    // The endpoint URL the server advertises; its certificate names it too.
    hostname: options.host,
    serverCertificateManager: new OPCUACertificateManager({
      rootFolder: options.pkiDir,
      // The simulated server accepts the probe's certificate: what it shows is the client's side.
      automaticallyAcceptUnknownCertificate: true,
    }),
    securityModes: options.sign
      ? [MessageSecurityMode.None, MessageSecurityMode.Sign]
      : [MessageSecurityMode.None],
    securityPolicies: options.sign
      ? [SecurityPolicy.None, SecurityPolicy.Basic256Sha256]
      : [SecurityPolicy.None],
    userManager: { isValidUser: (user: string, password: string) => users[user] === password },
    buildInfo: options.buildInfo,
    maxConnectionsPerEndpoint: maxSessions,
    serverCapabilities: { maxSessions },
  });
  await server.initialize();
  const addressSpace = server.engine.addressSpace;
  if (!addressSpace) throw new Error('the simulated OPC UA server has no address space after initialize()');
  const namespace = addressSpace.getOwnNamespace();
  for (const variable of options.variables ?? []) {
    const dataType = variable.dataType === 'Double' ? DataType.Double : DataType.String;
    namespace.addVariable({
      organizedBy: addressSpace.rootFolder.objects,
      minimumSamplingInterval: 100,
      browseName: variable.browseName,
      nodeId: variable.nodeId,
      dataType: variable.dataType,
      value: { get: () => new Variant({ dataType, value: variable.get() }) },
    });
  }
  await server.start();
  return {
    url: server.getEndpointUrl(),
    certificate: server.getCertificate(),
    setState: (state) => server.setServerState(state),
    setSuspended: (suspended) =>
      server.setServerState(suspended ? ServerStateValue.Suspended : ServerStateValue.Running),
    sessionCount: () => server.currentSessionCount,
    stop: () => server.shutdown(0),
  };
}
