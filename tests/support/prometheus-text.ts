// Reads the Prometheus text exposition format back into samples, so tests assert values and labels
// instead of matching raw lines.
export interface ExposedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const SPECIAL: Record<string, number> = {
  NaN: Number.NaN,
  Nan: Number.NaN,
  '+Inf': Infinity,
  '-Inf': -Infinity,
};
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parseExposition(text: string): ExposedSample[] {
  const out: ExposedSample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not an exposition sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL)) labels[key ?? ''] = value ?? '';
    const raw = match[3] ?? '';
    out.push({
      name: match[1] ?? '',
      labels,
      value: SPECIAL[raw] ?? Number(raw),
    });
  }
  return out;
}

/** The samples of `name` whose labels include `labels`. */
export function samplesOf(
  samples: readonly ExposedSample[],
  name: string,
  labels: Record<string, string> = {},
): ExposedSample[] {
  return samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value),
  );
}

/** The value of the one sample of `name` with `labels`; fails when there is not exactly one. */
export function valueOf(
  samples: readonly ExposedSample[],
  name: string,
  labels: Record<string, string> = {},
): number {
  const found = samplesOf(samples, name, labels);
  if (found.length !== 1) {
    throw new Error(`expected one ${name} ${JSON.stringify(labels)}, found ${found.length}`);
  }
  return found[0]?.value ?? Number.NaN;
}
