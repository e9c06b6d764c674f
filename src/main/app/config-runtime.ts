// The config in use: loaded at start (a file, or the built-in demo plant), every version applied
// recorded with its endpoint diff and an audit entry, and hot reload of the file. Reloads run one
// at a time; an invalid file keeps the last good config running and only reports its errors.
import { createHash } from 'node:crypto';
import type { ConfigStatus, EventPayload } from '../../shared/contract';
import { isoTime } from '../../shared/time';
import type { Clock } from '../clock/clock';
import {
  configOfAppliedText,
  diffEndpoints,
  endpointCount,
  loadConfigFile,
  type LinewatchConfig,
} from '../config';
import { startDemoPlant, type DemoPlant } from '../demo/demo-plant';
import type { Store } from '../store';
import { ConfigLoadError } from './config-load-error';
import { watchConfigFile } from './config-watcher';

export interface LoadedConfig {
  config: LinewatchConfig;
  hash: string;
  text: string;
}

/** The config to start with; null starts the demo plant. Throws ConfigLoadError for a bad file. */
export async function loadInitialConfig(
  configPath: string | null,
  clock: Clock,
): Promise<LoadedConfig & { demo: DemoPlant | null }> {
  if (configPath === null) {
    const demo = await startDemoPlant(clock);
    const text = JSON.stringify(demo.config);
    return { config: demo.config, hash: createHash('sha256').update(text).digest('hex'), text, demo };
  }
  const loaded = loadConfigFile(configPath);
  if (!loaded.ok) throw new ConfigLoadError(loaded.issues);
  return { ...loaded, demo: null };
}

export interface ConfigRuntimeOptions {
  initial: LoadedConfig;
  /** Null for the built-in demo plant. */
  configPath: string | null;
  store: Pick<Store, 'configVersions' | 'auditLog' | 'transaction'>;
  clock: Clock;
  log: (line: string) => void;
  emit: (event: 'configApplied', payload: EventPayload<'configApplied'>) => void;
}

/** What a reload does to the running services once the new config is in use. */
export interface ConfigReloadSteps {
  /** Swap the monitored endpoints (before the new version is recorded). */
  swap(config: LinewatchConfig): Promise<void>;
  /** Everything else that follows the config (after it is recorded). */
  applied(config: LinewatchConfig): void;
}

export interface ConfigRuntime {
  config(): LinewatchConfig;
  /** The text of the config in use (the last good one). */
  text(): string;
  status(): ConfigStatus;
  /** Watch the file (no-op for the demo plant); each change reloads through `steps`. */
  watch(steps: ConfigReloadSteps): void;
  /** Stop watching and wait for a reload in progress. */
  stop(): Promise<void>;
}

export function startConfigRuntime(options: ConfigRuntimeOptions): ConfigRuntime {
  const { configPath, store, clock, log, emit } = options;
  const source = configPath === null ? 'demo' : 'file';
  let current = options.initial;
  let status: ConfigStatus;

  const recordApplied = (next: LoadedConfig, previous: LinewatchConfig | null): void => {
    const appliedAt = clock.now();
    const diff = diffEndpoints(previous, next.config);
    store.transaction(() => {
      store.configVersions.record({
        hash: next.hash,
        appliedAt,
        source,
        path: configPath,
        text: next.text,
        endpointCount: endpointCount(next.config),
        diff,
      });
      store.auditLog.append({
        ts: appliedAt,
        actor: 'system',
        action: 'config.applied',
        subject: next.hash,
        details: { ...diff },
      });
    });
    status = {
      source,
      path: configPath,
      appliedAt: isoTime(appliedAt),
      hash: next.hash,
      endpointCount: endpointCount(next.config),
      errors: [],
    };
  };

  const previousVersion = store.configVersions.latest();
  if (previousVersion?.hash !== current.hash) {
    // A restart with a changed config (say after a kill between an edit and its hot reload) diffs
    // against the last applied version, re-read from its stored text, not against nothing.
    const previousConfig = previousVersion ? configOfAppliedText(previousVersion) : null;
    if (previousVersion && !previousConfig) {
      log(`config: the last applied version (${previousVersion.hash}) no longer reads; diffing against none`);
    }
    recordApplied(current, previousConfig);
  } else {
    status = {
      source: previousVersion.source,
      path: configPath,
      appliedAt: isoTime(previousVersion.appliedAt),
      hash: previousVersion.hash,
      endpointCount: previousVersion.endpointCount,
      errors: [],
    };
  }

  let stopped = false;
  let reloading: Promise<void> = Promise.resolve();
  let stopWatching = (): void => undefined;

  const reload = (steps: ConfigReloadSteps): Promise<void> =>
    (reloading = reloading.then(async () => {
      if (configPath === null || stopped) return;
      const loaded = loadConfigFile(configPath);
      if (!loaded.ok) {
        status = { ...status, errors: loaded.issues };
        log(`config has ${loaded.issues.length} error(s); still monitoring with the last good config`);
        emit('configApplied', status);
        return;
      }
      if (loaded.hash === current.hash) {
        if (status.errors.length > 0) emit('configApplied', (status = { ...status, errors: [] }));
        return;
      }
      const previous = current.config;
      current = loaded;
      await steps.swap(loaded.config);
      recordApplied(loaded, previous);
      steps.applied(loaded.config);
      log(`config reloaded: ${endpointCount(loaded.config)} endpoints`);
      emit('configApplied', status);
    }));

  return {
    config: () => current.config,
    text: () => current.text,
    status: () => status,
    watch(steps) {
      if (configPath === null || stopped) return;
      stopWatching();
      stopWatching = watchConfigFile(configPath, () => void reload(steps));
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      stopWatching();
      await reloading;
    },
  };
}
