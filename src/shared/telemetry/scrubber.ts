// The one scrubber. Every Sentry event, breadcrumb and span and every Mixpanel property passes
// through it in every process, so nothing that names the plant's network or its people leaves:
// addresses, hostnames, URLs, e-mails, file paths, the OS user and the loaded config's own names.
// Pure string work (no Node, no DOM) so main, the Node host and the renderer share it.

export interface ScrubberOptions {
  /** Exact strings to remove wherever they appear: device and site names, hosts, URLs, user name. */
  sensitive?: readonly string[];
}

export interface Scrubber {
  text(input: string): string;
  /** A deep copy with every string (keys included) scrubbed; cycles and depth are bounded. */
  value<T>(input: T): T;
  setSensitive(list: readonly string[]): void;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Labels that end file names and code, not domains: `cli.js` or `error.message` is not a host.
const NOT_TLDS = new Set([
  'js',
  'ts',
  'py',
  'md',
  'db',
  'gz',
  'so',
  'sh',
  'rs',
  'go',
  'cc',
  'mm',
  'hh',
  'rb',
  'pl',
  'cs',
]);
const GENERIC_TLDS =
  'com|net|org|edu|gov|mil|int|info|biz|io|dev|app|cloud|site|online|tech|local|localdomain|lan|corp|internal|intranet|home|private|example|test|invalid|localhost|plant|factory';

const PATTERNS: readonly (readonly [RegExp, string | ((match: string) => string)])[] = [
  // URLs first: they contain hosts, IPs and paths that would otherwise be scrubbed piecemeal.
  [/\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s"'<>`]+/gi, '[url]'],
  [/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, '[email]'],
  // Windows drive and UNC paths (a user name hides in C:\Users\anna\...).
  [/\b[a-z]:[\\/][^\s"'<>|*?()]*/gi, keepSourceFileName],
  [/\\\\[\w.$-]+\\[^\s"'<>|*?]*/g, '[path]'],
  // POSIX paths of two or more segments (/home/anna/..., /etc/linewatch/...).
  [/(?<![\w:/.\]-])(?:~|\/[\w.@~+-]+)(?:\/[\w.@~+-]+)+\/?/g, keepSourceFileName],
  [/(?<![\w:/.\]-])~\/?/g, '[path]'],
  // IPv6: compressed (`::`) or full eight-group forms, optional zone and IPv4 tail. Requiring `::`
  // or seven colons keeps clock times such as 12:30:45 intact.
  [
    /(?<![\w:])(?:[0-9a-f]{0,4}:){0,7}:(?:[0-9a-f]{0,4}:){0,6}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{1,4})?(?:%[\w.]+)?(?![\w:])/gi,
    (m) => (m.includes('::') && m !== '::' ? '[ip]' : m),
  ],
  [/(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?:%[\w.]+)?(?![\w:])/gi, '[ip]'],
  [/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?\b/g, '[ip]'],
  // Hostnames and FQDNs: dotted labels ending in a plausible TLD (two letters or a known suffix).
  [
    new RegExp(
      `\\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:[a-z]{2}|${GENERIC_TLDS})\\b(?::\\d{1,5})?`,
      'gi',
    ),
    (m) => {
      const tld = (m.split(':')[0] ?? '').split('.').pop()?.toLowerCase() ?? '';
      return NOT_TLDS.has(tld) ? m : '[host]';
    },
  ],
  [/\blocalhost\b/gi, '[host]'],
];

/** Stack frames stay useful: `/home/anna/app/out/main/cli.js` becomes `[path]/cli.js`. */
function keepSourceFileName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? '';
  return /^[\w-]+\.(?:m?js|cjs|tsx?|node)(?::\d+){0,2}$/.test(base) ? `[path]/${base}` : '[path]';
}

function sensitivePattern(list: readonly string[]): RegExp | null {
  // Two-letter strings would shred ordinary words; config ids that short identify nothing.
  const usable = [...new Set(list.map((s) => s.trim()).filter((s) => s.length >= 3))];
  if (usable.length === 0) return null;
  usable.sort((a, b) => b.length - a.length);
  const parts = usable.map((s) => {
    const start = /^\w/.test(s) ? '(?<![\\w])' : '';
    const end = /\w$/.test(s) ? '(?![\\w])' : '';
    return `${start}${escapeRegExp(s)}${end}`;
  });
  return new RegExp(parts.join('|'), 'gi');
}

const MAX_DEPTH = 24;

export function createScrubber(options: ScrubberOptions = {}): Scrubber {
  let sensitive = sensitivePattern(options.sensitive ?? []);

  const text = (input: string): string => {
    // Config strings go first: a device URL must be removed whole, before generic rules split it.
    let out = sensitive ? input.replace(sensitive, '[redacted]') : input;
    for (const [pattern, replacement] of PATTERNS) {
      out =
        typeof replacement === 'string'
          ? out.replace(pattern, replacement)
          : out.replace(pattern, replacement);
    }
    return out;
  };

  const walk = (input: unknown, depth: number, seen: WeakSet<object>): unknown => {
    if (typeof input === 'string') return text(input);
    if (typeof input !== 'object' || input === null) return input;
    if (depth > MAX_DEPTH || seen.has(input)) return '[dropped]';
    seen.add(input);
    if (Array.isArray(input)) return input.map((item) => walk(item, depth + 1, seen));
    // Only plain data is copied; class instances (Dates, errors) become their string form.
    const proto: unknown = Object.getPrototypeOf(input);
    if (proto !== Object.prototype && proto !== null) {
      const instance = input as { toString(): string };
      return text(String(instance));
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) out[text(key)] = walk(value, depth + 1, seen);
    return out;
  };

  return {
    text,
    // The walk keeps the shape of plain data, which is all SDK events and properties are.
    value: <T>(input: T): T => walk(input, 0, new WeakSet()) as T,
    setSensitive(list) {
      sensitive = sensitivePattern(list);
    },
  };
}
