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
 * same limit as in shared dispatch.ts), so each caller casts the assembled object once, to its
 * own mapped type of methods (a type parameter for the return alone would be the same cast, hidden).
 */
export function perRequest(make: (name: RequestName) => unknown): Record<RequestName, unknown> {
  return Object.fromEntries(REQUEST_NAMES.map((name) => [name, make(name)])) as Record<RequestName, unknown>;
}
