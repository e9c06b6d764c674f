// Validation and error shaping shared by every transport that serves the contract, so the IPC
// binding and the WebSocket host behave identically for the same request. On the renderer's side
// the two transports check every answer the same way too (checked-result.ts).
import {
  requests,
  type Caller,
  type ContractError,
  type ContractHandlers,
  type RequestName,
  type Result,
} from './contract';

/** Thrown by a handler to fail with a specific code (not found, conflict) instead of `internal`. */
export class ContractFailure extends Error {
  constructor(
    readonly code: ContractError['code'],
    message: string,
  ) {
    super(message);
  }
}

export function isRequestName(name: string): name is RequestName {
  return Object.prototype.hasOwnProperty.call(requests, name);
}

export function failure(code: ContractError['code'], message: string): { ok: false; error: ContractError } {
  return { ok: false, error: { code, message } };
}

/**
 * Validate `raw` against the request schema of `name`, run its handler for `caller`, and return a
 * Result. Handler exceptions become `internal` errors with their message; nothing throws across a
 * bridge. Authorisation is not done here but by the handlers main hands out (see
 * src/main/auth/authorise-handlers.ts), so no transport can forget it.
 */
export async function dispatchRequest(
  handlers: ContractHandlers,
  name: string,
  raw: unknown,
  caller: Caller,
): Promise<Result<unknown>> {
  if (!isRequestName(name)) return failure('unknown_method', `No contract entry named "${name}"`);
  const parsed = requests[name].request.safeParse(raw ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `${i.path.length ? i.path.join('.') : '(request)'}: ${i.message}`)
      .join('; ');
    return failure('bad_request', `Invalid request for ${name}: ${detail}`);
  }
  try {
    // The handler map is indexed by the same key as the schema, so the call is type-correct;
    // TypeScript cannot correlate the two lookups through a union key, hence the narrow cast.
    const handler = handlers[name] as (request: unknown, caller: Caller) => unknown;
    const value: unknown = await handler(parsed.data, caller);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ContractFailure) return failure(error.code, error.message);
    return failure('internal', error instanceof Error ? error.message : String(error));
  }
}
