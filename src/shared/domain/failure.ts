// The one list of failure kinds (what a failed check says went wrong) and how each reads for people.
// Main stamps a kind on every failed check and outage; the wall, the outage log, the handover and the
// report show the words. A protocol probe (issue 13) adds its kinds here and nowhere else.
export const FAILURE_KINDS = [
  // No answer from the device, or no way to it: the network (or the device's stack) is at fault.
  'timeout',
  'refused',
  'unreachable',
  'dns',
  'tls',
  /** The connection was closed before a complete reply arrived. */
  'closed',
  /** Bytes came back, but not a reply of the protocol asked for. */
  'bad_reply',
  // The device answered, and the answer is the fault: it runs, but not as it should.
  'http_status',
  'text_mismatch',
  /** A protocol-level refusal, e.g. a Modbus exception (named in the message). */
  'protocol',
  /** A value read from the device is not what the config expects. */
  'value_mismatch',
  /** The device answered and reports a major fault (EtherNet/IP identity status): it has stopped. */
  'device_fault',
  /** An OPC UA server that answers but is not Running (the state is named in the message). */
  'server_state',
  /** The device refused our login (OPC UA user or password). */
  'auth',
  /** The probe itself could not run (bad input it could not reject earlier). */
  'error',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/**
 * `network`: the device did not (properly) answer; `answer`: it answered and said something wrong.
 * The wall tells the two apart by icon, because they send people to different places (the cabinet
 * and the switch, or the PLC program).
 */
export type FailureClass = 'network' | 'answer';

export interface FailureCause {
  /** Short words for a tile; `{device}` becomes the device's type ("PLC", "Camera"). */
  words: string;
  icon: string;
  class: FailureClass;
}

export const FAILURE_CAUSES: Record<FailureKind, FailureCause> = {
  timeout: { words: 'No answer (timeout)', icon: '⌛', class: 'network' },
  refused: { words: 'Connection refused', icon: '✕', class: 'network' },
  unreachable: { words: 'Unreachable', icon: '✕', class: 'network' },
  dns: { words: 'Name not found (DNS)', icon: '✕', class: 'network' },
  tls: { words: 'TLS / certificate problem', icon: '🔒', class: 'network' },
  closed: { words: 'Connection dropped mid-reply', icon: '✂', class: 'network' },
  bad_reply: { words: 'Garbled reply', icon: '≋', class: 'network' },
  http_status: { words: 'Wrong HTTP status', icon: '⚠', class: 'answer' },
  text_mismatch: { words: 'Expected text missing', icon: '≠', class: 'answer' },
  protocol: { words: '{device} answers with an exception', icon: '⚠', class: 'answer' },
  value_mismatch: { words: '{device} reports an unexpected value', icon: '≠', class: 'answer' },
  device_fault: { words: '{device} reports a major fault', icon: '⊘', class: 'answer' },
  // The message names the state ("OPC UA: Suspended"): the server is there, its program is not running.
  server_state: { words: '{device} not running', icon: '‖', class: 'answer' },
  auth: { words: 'Login refused', icon: '⊗', class: 'answer' },
  error: { words: 'Probe error', icon: '✕', class: 'network' },
};

export function isFailureKind(kind: string | null | undefined): kind is FailureKind {
  return kind !== null && kind !== undefined && Object.hasOwn(FAILURE_CAUSES, kind);
}

/**
 * The cause as words, e.g. "PLC answers with an exception". A kind this build does not know (an
 * older or newer data folder) is shown as it is stored rather than hidden.
 */
export function failureCauseWords(kind: string | null, device = 'Device'): string | null {
  if (kind === null) return null;
  return isFailureKind(kind) ? FAILURE_CAUSES[kind].words.replace('{device}', device) : kind;
}

/** "PLC answers with an exception: gateway target failed to respond (0x0B)": words, then detail. */
export function failureCauseText(kind: string | null, message: string | null, device = 'Device'): string {
  const words = failureCauseWords(kind, device);
  if (words === null) return message ?? '';
  return message === null || message === '' ? words : `${words}: ${message}`;
}
