// The real Linewatch services, headless, monitoring loopback devices from a config file in a temp
// folder: the scaffolding of the live protocol acceptance tests (issue 13). What a test asserts stays
// in the test; this only starts, reads and tears down. The `use...` form belongs in a describe block
// and cleans up after each test: the services first (so their shutdown still reaches the devices),
// then the devices the test handed over, then the folder.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { LinewatchServices } from '@src/main/app/services-types';
import { startLinewatchServices } from '@src/main/app/services';
import { loadConfigFile, type EndpointConfig, type LinewatchConfig } from '@src/main/config';
import { buildReport } from '@src/main/kpi';
import { openStore, type Store } from '@src/main/store';
import type { Caller, EndpointDetail, EndpointLive, OutageList } from '@src/shared/contract';
import type { Report } from '@src/shared/report/report-schema';
import { aConfig, aLine, configYaml } from './config-builders';
import { makeTempDir } from './temp-store';

/** The tests only read: a caller that may not change anything. */
const LIVE_READER: Caller = { connectionId: 'test', canMutate: false, label: 'test' };

/**
 * Site `siteId` ("Live", Europe/Berlin) with one line of `endpoints`, each checked every
 * `intervalMs` (fast, so a test sees a change within seconds) and down or up after 2 checks.
 */
export function oneLineConfig(
  plant: { siteId: string; lineId: string; lineName: string; intervalMs: number; timeoutMs: number },
  endpoints: EndpointConfig[],
): LinewatchConfig {
  const { intervalMs, timeoutMs } = plant;
  return aConfig({
    site: { id: plant.siteId, name: 'Live', timezone: 'Europe/Berlin' },
    lines: [
      aLine(
        plant.lineId,
        endpoints.map((endpoint) => ({ ...endpoint, intervalMs, timeoutMs, downAfter: 2, upAfter: 2 })),
        { name: plant.lineName },
      ),
    ],
  });
}

/** A device the plant stops after the services and before removing its folder. */
export interface StoppableDevice {
  stop(): Promise<void>;
}

export interface LivePlant {
  /** The temp folder; a device may keep its own files below it. */
  readonly dir: string;
  /** The services' data folder (`<dir>/data`); it may be prepared before `start`. */
  readonly dataDir: string;
  /** The config file `start` writes (`<dir>/plant.yaml`). */
  readonly configPath: string;
  /** When the services were started (epoch ms); throws before `start`. */
  readonly startedAt: number;
  /** The running services; throws before `start`. */
  readonly services: LinewatchServices;
  /** Hands a started device to the plant, to be stopped at cleanup; returns it. */
  adopt<T extends StoppableDevice>(device: T): T;
  /** Writes `config` as the config file and starts the services on it. */
  start(config: LinewatchConfig): Promise<void>;
  /** The endpoint's live state, as the wall shows it. */
  live(endpointId: string): Promise<EndpointLive | undefined>;
  /** Whether the endpoint is up, and has been since `sinceMs` or later (a recovery, not the old up). */
  upSince(endpointId: string, sinceMs: number): Promise<boolean>;
  /** The endpoint page, from a minute before the start until now. */
  detail(endpointId: string): Promise<EndpointDetail>;
  /** The outage log (the contract handler), from just before the start until now, at most 10. */
  outages(): Promise<OutageList['outages']>;
  /** Opens the store of the data folder (after the services stopped), runs `read`, closes it. */
  withStore<T>(read: (store: Store) => T): T;
  /** The KPI report of `store` since the start, for the config file as written (loaded again). */
  reportOf(store: Store): Report;
}

function makePlant(prefix: string): { plant: LivePlant; close: () => Promise<void> } {
  const temp = makeTempDir(prefix);
  const dataDir = join(temp.dir, 'data');
  const configPath = join(temp.dir, 'plant.yaml');
  const devices: StoppableDevice[] = [];
  let running: { services: LinewatchServices; startedAt: number } | null = null;
  const started = (): { services: LinewatchServices; startedAt: number } => {
    if (!running) throw new Error('live plant: start() it first');
    return running;
  };
  const live = async (endpointId: string): Promise<EndpointLive | undefined> =>
    (await started().services.handlers.getWallSnapshot({}, LIVE_READER)).states.find(
      (s) => s.id === endpointId,
    );

  const plant: LivePlant = {
    dir: temp.dir,
    dataDir,
    configPath,
    get startedAt() {
      return started().startedAt;
    },
    get services() {
      return started().services;
    },
    adopt(device) {
      devices.push(device);
      return device;
    },
    async start(config) {
      writeFileSync(configPath, configYaml(config));
      const startedAt = Date.now();
      const services = await startLinewatchServices({
        dataDir,
        configPath,
        host: 'headless',
        appVersion: 'test',
      });
      running = { services, startedAt };
    },
    live,
    async upSince(endpointId, sinceMs) {
      const state = await live(endpointId);
      return state?.state === 'up' && Date.parse(state.since ?? '') >= sinceMs;
    },
    detail: async (endpointId) =>
      await started().services.handlers.getEndpointDetail(
        { endpointId, from: started().startedAt - 60_000, to: Date.now() + 1000 },
        LIVE_READER,
      ),
    // Handlers take the request as dispatch hands it over: times in epoch ms.
    outages: async () =>
      (
        await started().services.handlers.listOutages(
          { from: started().startedAt - 1000, to: Date.now() + 1000, limit: 10 },
          LIVE_READER,
        )
      ).outages,
    withStore(read) {
      const store = openStore(dataDir);
      try {
        return read(store);
      } finally {
        store.close();
      }
    },
    reportOf(store) {
      const loaded = loadConfigFile(configPath);
      if (!loaded.ok) throw new Error(`${configPath}: the config did not load again`);
      return buildReport(store, loaded.config, {
        fromMs: started().startedAt,
        toMs: Date.now(),
        nowMs: Date.now(),
      });
    },
  };

  return {
    plant,
    close: async () => {
      try {
        await running?.services.stop();
        for (const device of devices.splice(0).reverse()) await device.stop();
      } finally {
        temp.remove();
      }
    },
  };
}

/** Shutdown of services and devices may take a while on a loaded machine (OPC UA sessions close). */
const CLEANUP_TIMEOUT_MS = 60_000;

/** Each call gives a fresh, not yet started plant `linewatch-<prefix>-*`; all are torn down after each test. */
export function useLivePlants(prefix: string): () => LivePlant {
  const made: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of made.splice(0)) await close();
  }, CLEANUP_TIMEOUT_MS);
  return () => {
    const { plant, close } = makePlant(prefix);
    made.push(close);
    return plant;
  };
}
