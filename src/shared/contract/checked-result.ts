// The one check of an answer before the renderer sees it. Both transports run every answer they
// receive through `checkedResult`: the preload (IPC) and the WebSocket client. So both hand the
// renderer the same thing for the same answer: a value that matches the response schema (parsed,
// unknown keys dropped), an error with a known code, or a `transport` error when the answer breaks
// the contract. The check sits on the receiving side because that is where a mismatch does harm:
// a wall tab left open across an upgrade of the host it talks to is the realistic case, and a
// renderer that trusted the types would draw garbage instead of saying what is wrong.
import { z } from 'zod';
import {
  ERROR_CODES,
  requests,
  type ContractError,
  type ErrorCode,
  type RequestName,
  type ResponseOf,
  type Result,
} from './contract';

/** A Result as it crosses a transport, before its value is checked against the response schema. */
export const ResultEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

export const transportError = (message: string): { ok: false; error: ContractError } => ({
  ok: false,
  error: { code: 'transport', message },
});

/** A code this renderer does not know (a newer host) reads as `internal`, with its message kept. */
function toErrorCode(code: string): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'internal';
}

export function checkedResult<K extends RequestName>(name: K, raw: unknown): Result<ResponseOf<K>> {
  const envelope = ResultEnvelope.safeParse(raw);
  if (!envelope.success) return transportError(`The answer to ${name} is not a contract result`);
  if (!envelope.data.ok) {
    const { code, message } = envelope.data.error;
    return { ok: false, error: { code: toErrorCode(code), message } };
  }
  const checked = requests[name].response.safeParse(envelope.data.value);
  if (!checked.success) return transportError(`Response to ${name} does not match the contract`);
  // The schema is requests[name].response, so the value is ResponseOf<K>; TypeScript cannot
  // correlate the lookup through the generic key (as in dispatch.ts), hence the cast.
  return { ok: true, value: checked.data as ResponseOf<K> };
}
