// Log lines about clients: one line per refusal or closed connection, but a client that fuzzes or
// floods the host must not be able to fill the disk through the log. Each kind of line gets a
// small allowance per window; what is suppressed is counted and reported with the next line.
export type LogKind = 'host' | 'origin' | 'capacity' | 'frame' | 'rate' | 'socket' | 'http' | 'tls' | 'token';

export interface HostLog {
  (kind: LogKind, line: string): void;
}

export interface HostLogOptions {
  /** Lines of one kind per window before further ones are only counted. */
  perWindow?: number;
  windowMs?: number;
  now?: () => number;
}

/** Header values and client text end up in log lines: no control characters, bounded length. */
export function printable(text: string | undefined, max = 120): string {
  if (text === undefined) return '(none)';
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return JSON.stringify(clean.length > max ? `${clean.slice(0, max)}…` : clean);
}

export function createHostLog(write: (line: string) => void, options: HostLogOptions = {}): HostLog {
  const perWindow = options.perWindow ?? 20;
  const windowMs = options.windowMs ?? 10_000;
  const now = options.now ?? (() => performance.now());
  const windows = new Map<LogKind, { start: number; lines: number; suppressed: number }>();
  return (kind, line) => {
    const at = now();
    let window = windows.get(kind);
    if (!window || at - window.start >= windowMs) {
      const suppressed = window?.suppressed ?? 0;
      window = { start: at, lines: 0, suppressed: 0 };
      windows.set(kind, window);
      if (suppressed > 0) write(`host: ${suppressed} more ${kind} line(s) suppressed`);
    }
    if (window.lines >= perWindow) {
      window.suppressed += 1;
      return;
    }
    window.lines += 1;
    write(`host: ${line}`);
  };
}
