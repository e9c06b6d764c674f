// Frames of the WebSocket transport that serves the contract from the headless host, the
// subprotocols a client offers, and the parsing of what a client sends. Every frame a client sends
// gets an answer: a request its response, anything else a `bad_frame` response.
import { z } from 'zod';
import { ResultEnvelope } from './checked-result';

export const WS_PATH = '/contract';

/** The subprotocol of this contract; the host selects it whenever a client offers it. */
export const WS_SUBPROTOCOL = 'linewatch.v1';
/**
 * A LAN screen proves it is an operator's by offering `linewatch.token.<operator token>` next to
 * `linewatch.v1` (a handshake header, so the token never appears in a URL or a proxy log line).
 */
export const WS_TOKEN_SUBPROTOCOL_PREFIX = 'linewatch.token.';
/** What a subprotocol (an RFC 7230 token) may contain, so an operator token must fit it too. */
export const SUBPROTOCOL_TEXT = /^[!#$%&'*+\-.0-9A-Z^_`|a-z~]+$/;

/** The subprotocols a client offers: the contract's, plus the operator token when it has one. */
export function wsSubprotocols(operatorToken?: string | null): string[] {
  return operatorToken ? [WS_SUBPROTOCOL, WS_TOKEN_SUBPROTOCOL_PREFIX + operatorToken] : [WS_SUBPROTOCOL];
}

/** Close codes the host uses (RFC 6455 section 7.4.1), for clients that want to say why. */
export const WS_CLOSE = {
  goingAway: 1001,
  protocolError: 1002,
  invalidText: 1007,
  policy: 1008,
  tooBig: 1009,
  tryAgainLater: 1013,
} as const;

export const ClientFrame = z.object({
  type: z.literal('request'),
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  method: z.string(),
  payload: z.unknown(),
});
export type ClientFrame = z.infer<typeof ClientFrame>;

export const ServerFrame = z.discriminatedUnion('type', [
  // id is null when a malformed frame's id could not be read (answered with `bad_frame`).
  z.object({
    type: z.literal('response'),
    id: z.number().int().nonnegative().nullable(),
    result: ResultEnvelope,
  }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;

/** Longer than any contract request name; a longer one is refused before it is echoed anywhere. */
export const MAX_METHOD_LENGTH = 64;

export type ParsedClientFrame =
  { ok: true; frame: ClientFrame } | { ok: false; id: number | null; message: string };

const EXPECTED = 'expected a JSON object {"type":"request","id":N,"method":"name","payload":{...}}';

const isFrameId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** A short, safe description of what was sent instead (never the whole value). */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 24))}`;
  if (typeof value === 'number') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * Reads one text frame. A frame that is not a request frame is answered `bad_frame` with the id
 * when it can be read as a valid id (a whole number from 0 to 2^53 - 1), else with id null.
 */
export function parseClientFrame(text: string): ParsedClientFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, id: null, message: `${EXPECTED}, got text that is not JSON` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, id: null, message: `${EXPECTED}, got ${describe(value)}` };
  }
  const record = value as Record<string, unknown>;
  const id = isFrameId(record.id) ? record.id : null;
  if (record.type !== 'request') {
    const got = record.type === undefined ? 'no type' : `type ${describe(record.type)}`;
    return { ok: false, id, message: `expected "type": "request", got ${got}` };
  }
  if (id === null) {
    const got = record.id === undefined ? 'none' : describe(record.id);
    return { ok: false, id, message: `expected "id", a whole number from 0 to 2^53 - 1, got ${got}` };
  }
  if (typeof record.method !== 'string') {
    const got = record.method === undefined ? 'none' : describe(record.method);
    return { ok: false, id, message: `expected "method", the name of a contract request, got ${got}` };
  }
  if (record.method.length > MAX_METHOD_LENGTH) {
    return { ok: false, id, message: `expected "method" of at most ${MAX_METHOD_LENGTH} characters` };
  }
  return { ok: true, frame: { type: 'request', id, method: record.method, payload: record.payload } };
}
