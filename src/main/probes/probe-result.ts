// What every probe kind reports. A failure always carries a kind (for grouping and alarms) and a
// short human message.
export const FAILURE_KINDS = [
  'timeout',
  'refused',
  'unreachable',
  'dns',
  'tls',
  'http_status',
  'text_mismatch',
  'error',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export type ProbeResult =
  { ok: true; rttMs: number } | { ok: false; kind: FailureKind; message: string; rttMs: number | null };

/** Map a Node socket error code to a failure kind. */
export function failureKindOfErrorCode(code: string | undefined): FailureKind {
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
    case 'ECONNRESET':
      return 'unreachable';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return 'dns';
    default:
      return 'error';
  }
}
