// The Prometheus text format (0.0.4) for the per-endpoint families. prom-client's generic
// serializer re-escapes and re-joins every label set on every scrape: ~400 ms for the 30,000
// series of 2,000 endpoints. Here a label set is escaped once per labels object and reused by every
// family and every scrape until the config changes (label objects come from metric-labels.ts).

export type Labels = Readonly<Record<string, string>>;

const NEEDS_ESCAPE = /[\\\n"]/;
const escapeValue = (value: string): string =>
  NEEDS_ESCAPE.test(value) ? value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"') : value;

const rendered = new WeakMap<Labels, string>();

/** `k="v",k2="v2"` (no braces), cached per labels object. */
export function labelText(labels: Labels): string {
  let text = rendered.get(labels);
  if (text === undefined) {
    text = Object.entries(labels)
      .map(([key, value]) => `${key}="${escapeValue(value)}"`)
      .join(',');
    rendered.set(labels, text);
  }
  return text;
}

// The family's own labels (state, result, window, kind) take few values: rendered once each.
const oneLabel = new Map<string, string>();

/** One more label after a cached set: `base,k="v"`. */
export function withLabel(base: string, key: string, value: string): string {
  const id = `${key}\u0000${value}`;
  let extra = oneLabel.get(id);
  if (extra === undefined) {
    extra = `${key}="${escapeValue(value)}"`;
    if (oneLabel.size < 10_000) oneLabel.set(id, extra);
  }
  return base === '' ? extra : `${base},${extra}`;
}

export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/** Collects the lines of one scrape; joined once at the end. */
export class ExpositionWriter {
  private readonly lines: string[] = [];

  family(name: string, help: string, type: 'gauge' | 'counter' | 'histogram'): void {
    this.lines.push(
      `# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`,
      `# TYPE ${name} ${type}`,
    );
  }

  sample(name: string, labels: string, value: number): void {
    this.lines.push(
      labels === '' ? `${name} ${formatValue(value)}` : `${name}{${labels}} ${formatValue(value)}`,
    );
  }

  text(): string {
    return this.lines.length === 0 ? '' : `${this.lines.join('\n')}\n`;
  }
}
