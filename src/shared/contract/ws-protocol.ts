// Frames of the WebSocket transport that serves the contract from the headless host.
import { z } from 'zod';

export const ClientFrame = z.object({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  method: z.string(),
  payload: z.unknown(),
});
export type ClientFrame = z.infer<typeof ClientFrame>;

const ResultFrame = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

export const ServerFrame = z.discriminatedUnion('type', [
  // id is null when a malformed frame's id could not be read (answered with `bad_frame`).
  z.object({
    type: z.literal('response'),
    id: z.number().int().nonnegative().nullable(),
    result: ResultFrame,
  }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;

export const WS_PATH = '/contract';
