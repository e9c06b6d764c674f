// What the app says about itself: its identity and the caller's access, the wall's layout with the
// live states, the config status and the engine's load. All of it is in memory (config, engine),
// so none of these handlers reads the store.
import type { ConfigStatus, ContractHandlers, EndpointLive } from '../../shared/contract';
import { endpointCount, type LinewatchConfig } from '../config';
import type { SchedulerStats } from '../scheduler/scheduler';

export interface AppHandlerDeps {
  appVersion: string;
  host: 'electron' | 'headless';
  /** Running the built-in demo plant instead of a config file. */
  demo: boolean;
  pinSet: () => boolean;
  config: () => LinewatchConfig;
  configStatus: () => ConfigStatus;
  liveStates: () => EndpointLive[];
  schedulerStats: () => SchedulerStats;
}

type AppHandlers = Pick<
  ContractHandlers,
  'getAppInfo' | 'getWallSnapshot' | 'getConfigStatus' | 'getEngineStatus'
>;

export function createAppHandlers(deps: AppHandlerDeps): AppHandlers {
  const { config } = deps;
  return {
    getAppInfo: (_request, caller) => ({
      name: 'Linewatch',
      version: deps.appVersion,
      host: deps.host,
      demo: deps.demo,
      access: caller.canMutate ? 'operator' : 'read-only',
      pinSet: deps.pinSet(),
    }),
    getWallSnapshot: () => ({
      site: config().site,
      lines: config().lines.map((line) => ({
        id: line.id,
        name: line.name,
        endpoints: line.endpoints.map((e) => ({
          id: e.id,
          name: e.name,
          type: e.type,
          critical: e.critical,
          probeKind: e.probe.kind,
          intervalMs: e.intervalMs,
        })),
      })),
      states: deps.liveStates(),
    }),
    getConfigStatus: () => deps.configStatus(),
    getEngineStatus: () => {
      const stats = deps.schedulerStats();
      return {
        endpointCount: endpointCount(config()),
        schedulerMaxLagMs: stats.maxLagMs,
        checksStarted: stats.started,
        skippedBusy: stats.skippedBusy,
      };
    },
  };
}
