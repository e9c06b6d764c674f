// The Prometheus text format (0.0.4) for the per-endpoint families. prom-client's generic
// serializer re-escapes and re-joins every label set on every scrape: ~400 ms for the 30,000
// series of 2,000 endpoints. Here the start of a sample line (`name{labels} `) is rendered once per
// family, labels object and family label, and reused by every scrape until the config changes
// (label objects come from metric-labels.ts): a scrape only formats numbers and joins lines.

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

/** One more label after a rendered set: `base,k="v"`. */
export function withLabel(base: string, key: string, value: string): string {
  const extra = `${key}="${escapeValue(value)}"`;
  return base === '' ? extra : `${base},${extra}`;
}

// A family's own labels (state, result, window, kind, le) take few values: one object per value, so
// they can key the prefix cache like the shared label objects do.
const familyLabels = new Map<string, Labels>();

/** The one `{ key: value }` object for this family label (stable, so its prefixes are cached). */
export function familyLabel(key: string, value: string): Labels {
  const id = `${key}\u0000${value}`;
  let labels = familyLabels.get(id);
  if (labels === undefined) {
    labels = Object.freeze({ [key]: value });
    // Values come from fixed lists; the bound only guards against a caller that passes free text.
    if (familyLabels.size < 10_000) familyLabels.set(id, labels);
  }
  return labels;
}

const NO_LABELS: Labels = Object.freeze({});
// family name -> shared labels -> family label -> `name{...} `. Weak on the label objects, so a
// reload's old labels go with the old config.
const prefixes = new Map<string, WeakMap<Labels, WeakMap<Labels, string>>>();

/** `name{labels,extra} ` (or `name ` without labels): the start of a sample line, cached. */
export function seriesPrefix(name: string, labels: Labels = NO_LABELS, extra: Labels = NO_LABELS): string {
  let byLabels = prefixes.get(name);
  if (byLabels === undefined) {
    byLabels = new WeakMap();
    prefixes.set(name, byLabels);
  }
  let byExtra = byLabels.get(labels);
  if (byExtra === undefined) {
    byExtra = new WeakMap();
    byLabels.set(labels, byExtra);
  }
  let prefix = byExtra.get(extra);
  if (prefix === undefined) {
    let text = labelText(labels);
    for (const [key, value] of Object.entries(extra)) text = withLabel(text, key, value);
    prefix = text === '' ? `${name} ` : `${name}{${text}} `;
    byExtra.set(extra, prefix);
  }
  return prefix;
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

  /** A sample line from its cached start (`seriesPrefix`) and its value. */
  sample(prefix: string, value: number): void {
    this.lines.push(prefix + formatValue(value));
  }

  text(): string {
    return this.lines.length === 0 ? '' : `${this.lines.join('\n')}\n`;
  }
}
