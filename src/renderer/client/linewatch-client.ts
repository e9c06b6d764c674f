// The one interface the renderer uses to reach the services. It hides the transport (preload or
// WebSocket) and turns `{ ok: false }` Results into thrown ContractCallErrors, so views and stores
// work with plain values and a single error type. Mutating requests go through the operator
// access (operator-access.ts): they carry the live operator session, and a `forbidden` reply gets
// the operator asked (PIN or token) and the call retried, whoever made it.
import {
  MUTATING_REQUEST_NAMES,
  type AppInfo,
  type ContractError,
  type ErrorCode,
  type LinewatchBridge,
  type MutatingRequestName,
  type RequestName,
  type RequestOf,
  type ResponseOf,
  type Result,
} from '../../shared/contract';
import { alwaysOpenConnection, type ConnectionStatusSource } from './connection-status';
import {
  createOperatorAccess,
  type OperatorAccess,
  type OperatorTokenTransport,
  type RecoveryStep,
} from './operator-access';
import { perRequest, type BridgeRequests } from './request-methods';

export class ContractCallError extends Error {
  readonly code: ErrorCode;
  readonly method: RequestName;
  /** The services' own message, without the method and code prefix, for text shown to operators. */
  readonly detail: string;

  constructor(method: RequestName, error: ContractError) {
    super(`${method} failed (${error.code}): ${error.message}`);
    this.name = 'ContractCallError';
    this.code = error.code;
    this.method = method;
    this.detail = error.message;
  }
}

/**
 * Requests whose schema is an empty object (or only optional fields) may be called without an
 * argument: exactly those that an object without properties, `Record<string, never>`, satisfies.
 */
type RequestArgs<K extends RequestName> =
  Record<string, never> extends RequestOf<K> ? [request?: RequestOf<K>] : [request: RequestOf<K>];

export type ClientRequests = {
  [K in RequestName]: (...args: RequestArgs<K>) => Promise<ResponseOf<K>>;
};

export type LinewatchClient = ClientRequests & {
  on: LinewatchBridge['on'];
  connection: ConnectionStatusSource;
  /** The operator session and the PIN / token prompts behind every mutating request. */
  operator: OperatorAccess;
};

export interface ClientOptions {
  /** How a WebSocket console presents the operator token; none for the Electron preload. */
  operatorToken?: OperatorTokenTransport | null;
  /** App info fetched while recovering from a refusal (access, pinSet), for the wall store. */
  onAppInfo?: (info: AppInfo) => void;
}

const isMutating = (name: RequestName): name is MutatingRequestName =>
  (MUTATING_REQUEST_NAMES as readonly RequestName[]).includes(name);

export function createClient(
  bridge: LinewatchBridge,
  connection: ConnectionStatusSource = alwaysOpenConnection,
  options: ClientOptions = {},
): LinewatchClient {
  const bridgeRequests: BridgeRequests = bridge;
  const operator = createOperatorAccess({
    requests: bridgeRequests,
    connection,
    token: options.operatorToken ?? null,
    onAppInfo: options.onAppInfo,
  });

  /** Mutating requests: with proof, and after `forbidden` once more per thing the operator proved. */
  const sendWithProof = async <R extends object, V>(
    name: MutatingRequestName,
    request: R,
    send: (request: R) => Promise<Result<V>>,
  ): Promise<Result<V>> => {
    const tried = new Set<RecoveryStep>();
    for (;;) {
      const sent = operator.withProof(request);
      const result = await send(sent);
      if (result.ok) operator.succeeded(sent);
      if (result.ok || result.error.code !== 'forbidden') return result;
      if (!(await operator.recover(name, request, tried))) return result;
    }
  };

  const method =
    <K extends RequestName>(name: K) =>
    async (...args: RequestArgs<K>): Promise<ResponseOf<K>> => {
      // An omitted argument is only allowed (by RequestArgs) when `{}` is a valid request.
      const request = (args[0] ?? {}) as RequestOf<K>;
      const send: (request: RequestOf<K>) => Promise<Result<ResponseOf<K>>> = bridgeRequests[name];
      // Every request schema is an object, so the proof can be spread into it.
      const result = isMutating(name)
        ? await sendWithProof(name, request as RequestOf<K> & object, send)
        : await send(request);
      if (!result.ok) throw new ContractCallError(name, result.error);
      return result.value;
    };
  const methods = perRequest(method) as ClientRequests;
  return { ...methods, on: bridge.on.bind(bridge), connection, operator };
}
