// The config page's contract handlers: the applied versions, the text in use (and the file's when
// it differs, say an edit with errors), and the site calendar the renderer computes periods with.
import { readFileSync } from 'node:fs';
import { MAX_CONFIG_VERSIONS, type ConfigIssue, type ContractHandlers } from '../../shared/contract';
import { isoTime as iso } from '../../shared/time';
import type { LinewatchConfig } from '../config';
import type { Store } from '../store';

export interface ConfigViewDeps {
  store: Store;
  config: () => LinewatchConfig;
  /** The text of the config in use (the last good one). */
  configText: () => string;
  configErrors: () => readonly ConfigIssue[];
  /** Null for the built-in demo plant. */
  configPath: string | null;
}

/** The demo plant's config is generated JSON on one line; indent it so it reads like a file. */
function readable(text: string, isDemo: boolean): string {
  if (!isDemo) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function createConfigViewHandlers(
  deps: ConfigViewDeps,
): Pick<ContractHandlers, 'listConfigVersions' | 'getConfigText' | 'getSiteCalendar'> {
  const { store, config } = deps;
  return {
    listConfigVersions: () => ({
      versions: store.configVersions.listRecent(MAX_CONFIG_VERSIONS).map((v) => ({
        id: v.id,
        hash: v.hash,
        appliedAt: iso(v.appliedAt),
        source: v.source,
        endpointCount: v.endpointCount,
        diff: v.diff,
      })),
    }),
    getConfigText: () => {
      const text = readable(deps.configText(), deps.configPath === null);
      let fileText: string | null = null;
      if (deps.configPath !== null) {
        try {
          const onDisk = readFileSync(deps.configPath, 'utf8');
          if (onDisk !== text) fileText = onDisk;
        } catch {
          // A file deleted or unreadable right now: the text in use is still worth showing.
        }
      }
      return { path: deps.configPath, text, fileText, errors: [...deps.configErrors()] };
    },
    getSiteCalendar: () => {
      const { site, shifts } = config();
      return { site, shifts: shifts.map(({ id, name, start, end }) => ({ id, name, start, end })) };
    },
  };
}
