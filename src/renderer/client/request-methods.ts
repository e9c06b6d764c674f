// One method per contract request, built from a generic implementation so a new contract entry
// needs no edit here. Both the transport bridge and the client use it.
import {
  REQUEST_NAMES,
  type RequestName,
  type RequestOf,
  type ResponseOf,
  type Result,
} from '../../shared/contract';

/** The request half of `LinewatchBridge`, spelled as a mapped type so `BridgeRequests[K]` resolves. */
export type BridgeRequests = {
  [K in RequestName]: (request: RequestOf<K>) => Promise<Result<ResponseOf<K>>>;
};

/**
 * Assemble `{ [name]: make(name) }` for every request name. Callers pass a `make` that is generic in
 * the request name `K`, so each method is checked against its own request and response types;
 * TypeScript cannot correlate a union key with its mapped type through `Object.fromEntries` (the
 * same limit as in shared dispatch.ts), so the assembled object is cast once, here.
 */
export function perRequest<M extends Record<RequestName, unknown>>(make: (name: RequestName) => unknown): M {
  return Object.fromEntries(REQUEST_NAMES.map((name) => [name, make(name)])) as M;
}
