// Parsers for the text the system `ping` prints on Linux (iputils), Windows (English) and macOS
// (BSD). We read RTT and loss ourselves rather than trusting `alive` from the `ping` package:
// Windows prints "Reply from <router>: Destination host unreachable." and counts it as received,
// and the package's header parser guesses hosts from token positions.
import type { FailureKind } from '../probe-result';
import type { PingPlatform } from './ping-platform';

export interface PingOutcome {
  /** Round-trip time of the first echo reply, ms; null when none arrived. */
  rttMs: number | null;
  /** Packet loss as printed by ping, percent; null when ping printed no statistics. */
  lossPercent: number | null;
  /** Why no reply came, when the output says so. */
  failure: { kind: FailureKind; message: string } | null;
}

interface Patterns {
  reply: RegExp;
  loss: RegExp;
  dns: RegExp;
  unreachable: RegExp;
  timeout: RegExp | null;
}

// The source may be an IPv6 address full of colons, so match lazily up to ": icmp_seq=".
const UNIX_REPLY = /^\d+ bytes from .+?: icmp_seq=\d+ .*?time[=<]([\d.]+) ?ms/m;
const UNIX_LOSS = /([\d.]+)% packet loss/;

const PATTERNS: Record<PingPlatform, Patterns> = {
  linux: {
    reply: UNIX_REPLY,
    loss: UNIX_LOSS,
    dns: /Name or service not known|Temporary failure in name resolution|No address associated/,
    unreachable: /Destination (?:Host|Net|Network) Unreachable|Network is unreachable|No route to host/i,
    timeout: null,
  },
  darwin: {
    reply: UNIX_REPLY,
    loss: UNIX_LOSS,
    dns: /cannot resolve .*Unknown host/,
    unreachable: /Destination (?:Host|Net) Unreachable|No route to host|Network is unreachable/i,
    timeout: /Request timeout for icmp_seq/,
  },
  win32: {
    // Only a line with bytes= is an echo reply; unreachable notices also begin "Reply from".
    reply: /^Reply from [^:]+: bytes=\d+ time[=<]([\d.]+) ?ms/m,
    loss: /\(([\d.]+)% loss\)/,
    dns: /could not find host/,
    unreachable: /Destination (?:host|net) unreachable|General failure|Transmit failed/i,
    timeout: /Request timed out/,
  },
};

function firstNumber(pattern: RegExp, text: string): number | null {
  const value = text.match(pattern)?.[1];
  return value === undefined ? null : Number.parseFloat(value);
}

export function parsePingOutput(platform: PingPlatform, rawOutput: string): PingOutcome {
  const output = rawOutput.replace(/\r/g, '');
  const p = PATTERNS[platform];
  const rttMs = firstNumber(p.reply, output);
  const lossPercent = firstNumber(p.loss, output);
  if (rttMs !== null) return { rttMs, lossPercent, failure: null };

  const lossNote = lossPercent === null ? '' : ` (${lossPercent}% loss)`;
  if (p.dns.test(output))
    return { rttMs, lossPercent, failure: { kind: 'dns', message: 'host name did not resolve' } };
  if (p.unreachable.test(output)) {
    return {
      rttMs,
      lossPercent,
      failure: { kind: 'unreachable', message: `destination unreachable${lossNote}` },
    };
  }
  if (lossPercent !== null || (p.timeout !== null && p.timeout.test(output))) {
    return { rttMs, lossPercent, failure: { kind: 'timeout', message: `no echo reply${lossNote}` } };
  }
  return { rttMs, lossPercent, failure: { kind: 'error', message: summarizeUnknown(output) } };
}

/** The first non-empty line, trimmed to a length that fits a wall tile. */
export function summarizeUnknown(output: string): string {
  const line =
    output
      .split('\n')
      .find((l) => l.trim().length > 0)
      ?.trim() ?? 'no output from ping';
  return line.length > 100 ? `${line.slice(0, 97)}...` : line;
}
