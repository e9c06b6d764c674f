// Turns zod issues into path-addressed messages of the form "PATH: expected X, got Y". Locating
// them in the YAML text is load-config's job; this module only knows the parsed data.
import type { z } from 'zod';

export type ConfigPath = (string | number)[];

/** Where in the YAML an issue points: the value at `path`, or the key naming it (unknown keys). */
export interface PathIssue {
  path: ConfigPath;
  message: string;
  target: 'value' | 'key';
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a map',
  array: 'a list',
  nonoptional: 'a value',
};

/** Messages for issues whose schema did not say what it expected. */
export const fallbackErrorMap: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      return `expected ${TYPE_NAMES[iss.expected] ?? iss.expected}`;
    case 'invalid_value':
      return iss.values.length === 1
        ? `expected ${String(iss.values[0])}`
        : `expected one of ${iss.values.map(String).join(', ')}`;
    case 'too_small':
      return iss.origin === 'array'
        ? `expected at least ${String(iss.minimum)} item(s)`
        : `expected at least ${String(iss.minimum)}`;
    case 'too_big':
      return iss.origin === 'array'
        ? `expected at most ${String(iss.maximum)} item(s)`
        : `expected at most ${String(iss.maximum)}`;
    case 'invalid_format':
      return `expected ${iss.format}`;
    case 'invalid_union':
      return 'expected one of the allowed forms';
    default:
      return undefined;
  }
};

export function formatPath(path: ConfigPath): string {
  if (path.length === 0) return 'top level';
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  // What is left is a scalar (number, boolean, bigint, symbol) or a function, all of which print.
  const scalar = value as number | boolean | bigint | symbol | ((...args: never[]) => unknown);
  return String(scalar);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` in plain parsed data, and whether every step of the path exists. */
export function valueAt(data: unknown, path: ConfigPath): { found: boolean; value: unknown } {
  let current = data;
  for (const seg of path) {
    if (Array.isArray(current) && typeof seg === 'number' && seg < current.length) current = current[seg];
    else if (isRecord(current) && Object.hasOwn(current, String(seg))) current = current[String(seg)];
    else return { found: false, value: undefined };
  }
  return { found: true, value: current };
}

function toPath(path: readonly PropertyKey[]): ConfigPath {
  return path.map((seg) => (typeof seg === 'number' ? seg : String(seg)));
}

/** Issues counted the way a reader sees them: each unknown key is one mistake. */
function weight(issues: readonly z.core.$ZodIssue[]): number {
  return issues.reduce((sum, iss) => sum + (iss.code === 'unrecognized_keys' ? iss.keys.length : 1), 0);
}

function leaf(path: ConfigPath, message: string, data: unknown): PathIssue {
  const { found, value } = valueAt(data, path);
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  if (!found && typeof last === 'string' && isRecord(valueAt(data, parentPath).value)) {
    const why = message.startsWith('expected') ? `, ${message}` : '';
    return { path, message: `${formatPath(parentPath)}: missing key "${last}"${why}`, target: 'value' };
  }
  const got = message.startsWith('expected') ? `, got ${describeValue(value)}` : '';
  return { path, message: `${formatPath(path)}: ${message}${got}`, target: 'value' };
}

function convert(iss: z.core.$ZodIssue, prefix: ConfigPath, data: unknown): PathIssue[] {
  const path = [...prefix, ...toPath(iss.path)];
  if (iss.code === 'unrecognized_keys') {
    return iss.keys.map((key) => ({
      path: [...path, key],
      message: `${formatPath([...path, key])}: unknown key, ${iss.message}`,
      target: 'key' as const,
    }));
  }
  if (iss.code === 'invalid_union' && iss.errors.length > 0) {
    // A union of scalar types ("text or number") failed as a whole: its own message says it all.
    const shallow = iss.errors.every((branch) =>
      branch.every((sub) => sub.path.length === 0 && sub.code === 'invalid_type'),
    );
    if (!shallow) {
      // Otherwise report the branch the author most plausibly meant: the one with fewest mistakes.
      const best = iss.errors.reduce((a, b) => (weight(b) < weight(a) ? b : a));
      return best.flatMap((sub) => convert(sub, path, data));
    }
  }
  return [leaf(path, iss.message, data)];
}

export function zodIssuesToPathIssues(issues: readonly z.core.$ZodIssue[], data: unknown): PathIssue[] {
  return issues.flatMap((iss) => convert(iss, [], data));
}
