// OPC UA probe: one Read on a pooled session of Server_ServerStatus_State (must be Running), the
// server's BuildInfo (its identity) and any configured nodes (with their expectations). A port
// that accepts TCP says little; a server that answers Running through a session does.
import { performance } from 'node:perf_hooks';
import {
  AttributeIds,
  resolveNodeId,
  setErrorLogger,
  setWarningLogger,
  type DataValue,
  type ReadValueIdOptions,
} from 'node-opcua-client';
import { classifyOpcuaError, type ClassifiedFailure, type OpcuaFailureKind } from './opcua-failure';
import {
  createSessionPool,
  type OpcuaAuth,
  type OpcuaSecurity,
  type PooledSession,
} from './opcua-session-pool';
import {
  RUNNING,
  expectationMismatch,
  identityOf,
  serverStateName,
  type OpcuaExpectation,
  type OpcuaIdentity,
} from './opcua-values';

export type { OpcuaAuth, OpcuaSecurity } from './opcua-session-pool';
export type { OpcuaExpectation, OpcuaIdentity } from './opcua-values';
export { OPCUA_FAILURE_KINDS, type OpcuaFailureKind } from './opcua-failure';

export interface OpcuaNodeRead {
  node_id: string;
  expect?: OpcuaExpectation;
}

export interface OpcuaProbeInput {
  url: string;
  security: OpcuaSecurity;
  /** The password is already resolved by the caller (from its env var or file). */
  auth: OpcuaAuth;
  read?: OpcuaNodeRead[];
}

export type OpcuaOutcome =
  | { ok: true; rttMs: number; identity: OpcuaIdentity | null }
  | { ok: false; kind: OpcuaFailureKind; message: string; rttMs: number | null };

export interface OpcuaProbeOptions {
  /** The client's PKI store (own certificate, trusted/, rejected/); created when missing. */
  pkiDir: string;
  /** Upper bound on pooled sessions (default 500); the least recently used idle one makes room. */
  maxSessions?: number;
  /** A session unused this long is closed (default 5 minutes). */
  idleCloseMs?: number;
  /** Where node-opcua's own console warnings go (default: dropped, every failure is an outcome). */
  onLibraryLog?: (line: string) => void;
  now?: () => number;
}

export interface OpcuaProbe {
  check(input: OpcuaProbeInput, timeoutMs: number): Promise<OpcuaOutcome>;
  /** Sessions open or opening now. */
  pooledSessions(): number;
  /** Close the idle sessions that none of `inputs` would use (config change). */
  retain(inputs: readonly OpcuaProbeInput[]): void;
  /** Close every session (config change, shutdown); later checks open new ones. */
  close(): Promise<void>;
}

export const DEFAULT_MAX_SESSIONS = 500;
export const DEFAULT_IDLE_CLOSE_MS = 5 * 60_000;

const SERVER_STATE_NODE = resolveNodeId('ns=0;i=2259');
const BUILD_INFO_NODE = resolveNodeId('ns=0;i=2260');

class DeadlineExceeded extends Error {}

/** The Read of one check: state, build info, then the configured nodes; or why a node id is bad. */
function readRequest(input: OpcuaProbeInput): ReadValueIdOptions[] | string {
  const nodes: ReadValueIdOptions[] = [
    { nodeId: SERVER_STATE_NODE, attributeId: AttributeIds.Value },
    { nodeId: BUILD_INFO_NODE, attributeId: AttributeIds.Value },
  ];
  for (const [index, read] of (input.read ?? []).entries()) {
    try {
      nodes.push({ nodeId: resolveNodeId(read.node_id), attributeId: AttributeIds.Value });
    } catch {
      return `read[${index}].node_id ${JSON.stringify(read.node_id)} is not an OPC UA node id (like ns=2;s=Line1.Speed)`;
    }
  }
  return nodes;
}

function failure(found: ClassifiedFailure, rttMs: number | null = null): OpcuaOutcome {
  return { ok: false, kind: found.kind, message: found.message, rttMs };
}

/** The outcome of a Read that the server answered. */
function judgeRead(input: OpcuaProbeInput, values: DataValue[], rttMs: number): OpcuaOutcome {
  const [state, buildInfo, ...nodes] = values;
  if (!state?.statusCode.isGood()) {
    return failure(
      { kind: 'protocol', message: `ServerState unreadable: ${state?.statusCode.name ?? 'no value'}` },
      rttMs,
    );
  }
  if (state.value.value !== RUNNING) {
    return failure({ kind: 'server_state', message: `OPC UA: ${serverStateName(state.value.value)}` }, rttMs);
  }
  for (const [index, read] of (input.read ?? []).entries()) {
    const value = nodes[index];
    // Bad means no value at all; Uncertain still carries one, and its expectation decides.
    if (!value || value.statusCode.isBad()) {
      return failure(
        { kind: 'protocol', message: `${read.node_id}: ${value?.statusCode.name ?? 'no value'}` },
        rttMs,
      );
    }
    const mismatch = read.expect ? expectationMismatch(read.node_id, value.value, read.expect) : null;
    if (mismatch) return failure({ kind: 'value_mismatch', message: mismatch }, rttMs);
  }
  return { ok: true, rttMs, identity: identityOf(buildInfo) };
}

export function createOpcuaProbe(options: OpcuaProbeOptions): OpcuaProbe {
  // node-opcua prints warnings and errors (a refused certificate is 15 lines) straight to the
  // console; each of them also ends up in an outcome, so by default they go nowhere.
  const sink = options.onLibraryLog ?? (() => undefined);
  const toSink = (...parts: unknown[]): void => sink(parts.map(String).join(' '));
  setWarningLogger(toSink);
  setErrorLogger(toSink);

  const pool = createSessionPool({
    pkiDir: options.pkiDir,
    maxSessions: options.maxSessions ?? DEFAULT_MAX_SESSIONS,
    idleCloseMs: options.idleCloseMs ?? DEFAULT_IDLE_CLOSE_MS,
    now: options.now ?? Date.now,
  });

  async function readOn(entry: PooledSession, nodesToRead: ReadValueIdOptions[], deadline: Promise<never>) {
    const session = await Promise.race([entry.ready, deadline]);
    // The RTT is this request/response alone: session setup is not the device's answer time.
    const started = performance.now();
    const values = await Promise.race([session.read(nodesToRead), deadline]);
    return { values, rttMs: performance.now() - started };
  }

  return {
    async check(input, timeoutMs) {
      const nodesToRead = readRequest(input);
      if (typeof nodesToRead === 'string') return failure({ kind: 'error', message: nodesToRead });
      const entry = pool.acquire(input);
      if (!entry) {
        const bound = options.maxSessions ?? DEFAULT_MAX_SESSIONS;
        return failure({ kind: 'error', message: `all ${bound} pooled OPC UA sessions are in use` });
      }
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DeadlineExceeded()), timeoutMs);
      });
      try {
        const { values, rttMs } = await readOn(entry, nodesToRead, deadline);
        // The server answered: whatever the values say, the session is good for the next check.
        pool.release(entry, true);
        return judgeRead(input, values, rttMs);
      } catch (error) {
        // No answer, or an answer that broke the exchange: this session is done.
        pool.release(entry, false);
        if (error instanceof DeadlineExceeded) {
          return failure({ kind: 'timeout', message: `no answer within ${timeoutMs} ms` });
        }
        const found = classifyOpcuaError(error);
        if (found.kind === 'tls') pool.certificateRefused();
        return failure(found);
      } finally {
        clearTimeout(timer);
      }
    },
    pooledSessions: () => pool.size(),
    retain: (inputs) => pool.retain(inputs),
    close: () => pool.closeAll(),
  };
}
