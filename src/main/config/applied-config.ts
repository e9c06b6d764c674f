// Reads back a config the app applied earlier from the text config_versions keeps, so a restart
// can diff against what was really running before (not against nothing). A file config is stored
// as its YAML; the demo plant's as JSON of the resolved config (see loadInitialConfig).
import { parseConfigText } from './load-config';
import type { LinewatchConfig } from './types';

export interface AppliedConfigText {
  source: 'file' | 'demo';
  path: string | null;
  text: string;
}

/** True when `value` has the `lines[].endpoints[].id` shape an endpoint diff needs. */
function hasEndpoints(value: unknown): value is LinewatchConfig {
  if (typeof value !== 'object' || value === null) return false;
  const { lines } = value as { lines?: unknown };
  return (
    Array.isArray(lines) &&
    lines.every((line: unknown) => {
      const endpoints = (line as { endpoints?: unknown } | null)?.endpoints;
      return (
        Array.isArray(endpoints) &&
        endpoints.every((e: unknown) => typeof (e as { id?: unknown } | null)?.id === 'string')
      );
    })
  );
}

/** The config `version` held, or null when its text no longer reads as one (then diff against nothing). */
export function configOfAppliedText(version: AppliedConfigText): LinewatchConfig | null {
  if (version.source === 'file') {
    const loaded = parseConfigText(version.text, version.path ?? 'previous config');
    return loaded.ok ? loaded.config : null;
  }
  try {
    const parsed: unknown = JSON.parse(version.text);
    return hasEndpoints(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
