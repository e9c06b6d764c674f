// What went wrong in an OPC UA exchange, as one failure kind. node-opcua reports most failures as
// plain Errors whose message carries an OPC UA status name (BadUserAccessDenied ...) or the
// Node socket error (connect ECONNREFUSED ...), so the message is what is classified.

export const OPCUA_FAILURE_KINDS = [
  'server_state',
  'auth',
  'tls',
  'timeout',
  'refused',
  'unreachable',
  'dns',
  'protocol',
  'value_mismatch',
  'error',
] as const;
export type OpcuaFailureKind = (typeof OPCUA_FAILURE_KINDS)[number];

export interface ClassifiedFailure {
  kind: OpcuaFailureKind;
  message: string;
}

/** The server rejected who we are: the user, the password or the identity token. */
const AUTH_STATUS =
  /\bBad(UserAccessDenied|IdentityToken\w*|UserSignatureInvalid|IdentityChangeNotSupported)\b/;
/** Certificates, security policy or mode: the secure channel could not be set up as asked. */
const TLS_STATUS = /\bBad(Certificate\w*|Security\w*|NonceInvalid|ApplicationSignatureInvalid)\b/;
/** The requested security mode/policy is not among the server's endpoints. */
const NO_MATCHING_ENDPOINT = /Cannot find an Endpoint matching/i;
/** What speaks on the port is not (or no longer) OPC UA binary: bad framing, bad chunks, bad encoding. */
const PROTOCOL_STATUS =
  /\bBad(Tcp\w*|DecodingError|EncodingError|CommunicationError|ProtocolVersionUnsupported)\b/;
const REJECTED_BY_SERVER = /connection may have been rejected by server|maximum chunk size exceeded/i;
/** The channel closed under an open session (the server stopped or the network dropped). */
const CONNECTION_LOST =
  /\bBad(ConnectionClosed|SecureChannelClosed|SessionClosed|SessionIdInvalid|ServerNotConnected)\b|disconnected by third party|socket has been (closed|disconnected)/i;
const SOCKET_ERROR_CODE =
  /\b(ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL|ECONNRESET|EPIPE|ENOTFOUND|EAI_AGAIN|EAI_NONAME)\b/;

function kindOfSocketCode(code: string): OpcuaFailureKind {
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return 'dns';
    default:
      return 'unreachable';
  }
}

/** The first line of a library message, without node-opcua's "Please check ..." advice. */
function firstLine(message: string): string {
  const line = message.split('\n')[0]?.trim() ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

export function classifyOpcuaError(error: unknown): ClassifiedFailure {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | null)?.code ?? SOCKET_ERROR_CODE.exec(text)?.[1];
  // Status names first: a refused identity arrives wrapped in the same Error type as everything else.
  const auth = AUTH_STATUS.exec(text);
  if (auth) return { kind: 'auth', message: `login refused: ${auth[0]}` };
  const tls = TLS_STATUS.exec(text);
  if (tls) return { kind: 'tls', message: `security: ${tls[0]}` };
  if (NO_MATCHING_ENDPOINT.test(text)) {
    return { kind: 'tls', message: 'the server offers no endpoint with the requested security mode' };
  }
  if (typeof code === 'string' && SOCKET_ERROR_CODE.test(code)) {
    return { kind: kindOfSocketCode(code), message: `connect ${code}` };
  }
  const protocol = PROTOCOL_STATUS.exec(text);
  if (protocol) return { kind: 'protocol', message: `not OPC UA: ${protocol[0]}` };
  // Before the timeout test: this message also quotes the transport's timeout setting.
  if (REJECTED_BY_SERVER.test(text)) {
    return { kind: 'protocol', message: 'the peer does not speak OPC UA (bad or no handshake reply)' };
  }
  if (/\bBadTimeout\b|Timeout\(A\)|socket timeout/i.test(text)) {
    return { kind: 'timeout', message: 'no answer from the server in time' };
  }
  const lost = CONNECTION_LOST.exec(text);
  if (lost) return { kind: 'unreachable', message: `connection lost: ${lost[0]}` };
  return { kind: 'error', message: firstLine(text) || 'unknown OPC UA client error' };
}
