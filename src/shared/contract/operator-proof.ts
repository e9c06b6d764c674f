// Proof that an operator stands behind a mutating request, carried in the request itself so the
// same rule holds on every transport (Electron IPC, the WebSocket, a script on it). Main checks it
// centrally before any mutating handler runs; handlers never see it.
import { z } from 'zod';

/** A session token issued by verifyPin: valid only on the connection that verified, 5 min idle. */
export const SESSION_IDLE_SECONDS = 300;

export const OperatorProof = z
  .object({
    /** The operator PIN itself. */
    pin: z.string().max(12).optional(),
    /** A session from verifyPin on this same connection. */
    session: z.string().max(128).optional(),
  })
  .strict();
export type OperatorProof = z.infer<typeof OperatorProof>;

/** The field every mutating request schema carries. */
export const proofField = { proof: OperatorProof.optional() };
