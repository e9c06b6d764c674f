// Wraps the contract handlers so every request the contract marks `mutating` is authorised before
// its handler runs. The list comes from the contract itself: a mutating entry added later is
// covered the moment it is declared, and no transport can call around it.
import {
  MUTATING_REQUEST_NAMES,
  type Caller,
  type ContractHandlers,
  type OperatorProof,
} from '../../shared/contract';
import type { OperatorAuth } from './operator-auth';

type ProvableHandler = (request: { proof?: OperatorProof }, caller: Caller) => unknown;

export function authoriseHandlers(handlers: ContractHandlers, auth: OperatorAuth): ContractHandlers {
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const name of MUTATING_REQUEST_NAMES) {
    // Every mutating request schema has `proof` (a unit test checks it against the contract).
    const inner = handlers[name] as ProvableHandler;
    wrapped[name] = (request: { proof?: OperatorProof }, caller: Caller) => {
      auth.authorise(caller, name, request.proof);
      return inner(request, caller);
    };
  }
  // Same keys, requests and responses as `handlers`; only mutating entries gained a check.
  return wrapped as ContractHandlers;
}
