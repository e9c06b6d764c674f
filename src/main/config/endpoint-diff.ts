// Endpoint-level difference between two configs, recorded with every applied config version.
import type { EndpointConfig, LinewatchConfig } from './types';

export interface EndpointDiff {
  added: string[];
  changed: string[];
  removed: string[];
}

const byId = (config: LinewatchConfig): Map<string, EndpointConfig> =>
  new Map(config.lines.flatMap((line) => line.endpoints).map((e) => [e.id, e]));

export function diffEndpoints(before: LinewatchConfig | null, after: LinewatchConfig): EndpointDiff {
  const old = before ? byId(before) : new Map<string, EndpointConfig>();
  const next = byId(after);
  const diff: EndpointDiff = { added: [], changed: [], removed: [] };
  for (const [id, endpoint] of next) {
    const previous = old.get(id);
    if (!previous) diff.added.push(id);
    else if (JSON.stringify(previous) !== JSON.stringify(endpoint)) diff.changed.push(id);
  }
  for (const id of old.keys()) if (!next.has(id)) diff.removed.push(id);
  return diff;
}
