// The one interface the renderer uses to reach the services. It hides the transport (preload or
// WebSocket) and turns `{ ok: false }` Results into thrown ContractCallErrors, so views and stores
// work with plain values and a single error type.
import type {
  ContractError,
  ErrorCode,
  LinewatchBridge,
  RequestName,
  RequestOf,
  ResponseOf,
  Result,
} from '../../shared/contract';
import { alwaysOpenConnection, type ConnectionStatusSource } from './connection-status';
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

/** Requests whose schema is an empty object may be called without an argument. */
type RequestArgs<K extends RequestName> =
  Record<never, never> extends RequestOf<K> ? [request?: RequestOf<K>] : [request: RequestOf<K>];

export type ClientRequests = {
  [K in RequestName]: (...args: RequestArgs<K>) => Promise<ResponseOf<K>>;
};

export type LinewatchClient = ClientRequests & {
  on: LinewatchBridge['on'];
  connection: ConnectionStatusSource;
};

export function createClient(
  bridge: LinewatchBridge,
  connection: ConnectionStatusSource = alwaysOpenConnection,
): LinewatchClient {
  const bridgeRequests: BridgeRequests = bridge;
  const method =
    <K extends RequestName>(name: K) =>
    async (...args: RequestArgs<K>): Promise<ResponseOf<K>> => {
      // An omitted argument is only allowed (by RequestArgs) when `{}` is a valid request.
      const request = (args[0] ?? {}) as RequestOf<K>;
      const send: (request: RequestOf<K>) => Promise<Result<ResponseOf<K>>> = bridgeRequests[name];
      const result = await send(request);
      if (!result.ok) throw new ContractCallError(name, result.error);
      return result.value;
    };
  const methods = perRequest<ClientRequests>(method);
  return { ...methods, on: bridge.on.bind(bridge), connection };
}
