// Measures how big the store gets, for `npm run bench` and the "a year of 1,000 endpoints at 10 s
// stays under 1 GB" goal. A literal year is 3.15 billion checks (hours of CPU), so the figure is
// built from measured parts:
//  1. Raw + minute tiers: `days` (default 8) of synthetic checks for `endpoints` (default 60) go
//     through the REAL insertMany, in batches like the monitor's, with REAL scheduled pruning on a
//     simulated clock. Past day 7 the raw tier is in steady state (pruning frees as much as is
//     written); the minute tier is measured per endpoint-day (it is not pruned before day 30).
//  2. Hour + day tiers: a year of realistic hourly aggregates for `yearEndpoints` (default 40)
//     goes through the real rollup writer (same statements and blob codec as production).
//  3. Each tier's bytes (tables + indexes, from SQLite's dbstat) / endpoint-days held = bytes per
//     endpoint-day. Year total for 1,000 endpoints = 1,000 x (raw x rawDays + minute x minuteDays
//     + hour x 365 + day x 365), plus the measured free-page share of the raw run.
// Batching 60 s of checks per call instead of the monitor's 250 ms changed the raw and minute
// figures by < 0.5 % (measured), so the default uses 60 s to keep a run near 35 s on 2 cores.
// Measured with the defaults: raw ~37 KB, minute ~10.4 KB, hour ~284 B, day ~51 B per
// endpoint-day -> ~0.70 GB for a year of 1,000 endpoints at 10 s.
import fs from 'node:fs';
import path from 'node:path';
import { DAY_MS } from '../../shared/time';
import { ManualClock } from '../clock/clock';
import {
  DATABASE_FILE_NAME,
  createStorageSize,
  openDatabase,
  openStore,
  schedulePruning,
  type CheckRecord,
} from '../store';
import { DEFAULT_RETENTION } from '../config';
import { emptyAggregate, mergeAggregate, type Aggregate } from '../store/rollups-codec';
import { createRollupWriter } from '../store/rollups-writer';
import { createEndpointKeys } from '../store/check-chunks-endpoint-keys';

export interface SizeSimulationOptions {
  dir: string;
  endpoints?: number;
  intervalMs?: number;
  days?: number;
  /** Simulated time per insertMany call; the monitor flushes every 250 ms. */
  batchMs?: number;
  yearEndpoints?: number;
  /** Fleet size the year figure is extrapolated to. */
  targetEndpoints?: number;
}

export interface TierSize {
  bytes: number;
  endpointDays: number;
  bytesPerEndpointDay: number;
}

export interface SizeSimulationResult {
  /** Raw-run database (main file + WAL after a checkpoint). */
  bytesOnDisk: number;
  bytesPerEndpointDay: number;
  checksWritten: number;
  seconds: number;
  tiers: { raw: TierSize; minute: TierSize; hour: TierSize; day: TierSize };
  freePageShare: number;
  extrapolatedYear: { endpoints: number; intervalMs: number; bytes: number };
}

/** Deterministic PRNG (mulberry32): the same run gives the same figures. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One endpoint's behaviour: a base RTT of 0.3-30 ms (log-uniform), jitter, rare outages. */
function endpointModel(rand: () => number) {
  const baseMs = 0.3 * 100 ** rand();
  let outageLeft = 0;
  return (): { ok: boolean; rttMs: number | null } => {
    if (outageLeft === 0 && rand() < 0.0001) outageLeft = 5 + Math.floor(rand() * 55);
    if (outageLeft > 0) {
      outageLeft -= 1;
      return { ok: false, rttMs: null };
    }
    if (rand() < 0.002) return { ok: false, rttMs: null };
    const spike = rand() < 0.01 ? 5 : 1;
    return { ok: true, rttMs: baseMs * spike * (0.8 + 0.4 * rand()) };
  };
}

const tier = (bytes: number, endpointDays: number): TierSize => ({
  bytes,
  endpointDays,
  bytesPerEndpointDay: endpointDays > 0 ? bytes / endpointDays : 0,
});

const fileBytes = (file: string): number => (fs.existsSync(file) ? fs.statSync(file).size : 0);

function simulateRawRun(dir: string, endpoints: number, intervalMs: number, days: number, batchMs: number) {
  const dataDir = path.join(dir, 'raw-run');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const store = openStore(dataDir);
  const start = Date.UTC(2025, 0, 1);
  const clock = new ManualClock(start);
  const stopPruning = schedulePruning(clock, store.retention(DEFAULT_RETENTION));
  const rand = random(42);
  const models = Array.from({ length: endpoints }, () => endpointModel(rand));
  // Endpoints are spread over the interval like the scheduler does, each with a few ms of jitter.
  const nextDue = models.map((_, e) => start + Math.floor((e * intervalMs) / endpoints));
  let checksWritten = 0;
  for (let t = start; t < start + days * DAY_MS; t += batchMs) {
    const batch: CheckRecord[] = [];
    models.forEach((model, e) => {
      for (let due = nextDue[e] ?? t; due < t + batchMs; due += intervalMs) {
        const { ok, rttMs } = model();
        const ts = due + Math.floor(rand() * 4);
        batch.push({
          endpointId: `ep-${e}`,
          ts,
          ok,
          rttMs,
          errorKind: ok ? null : 'timeout',
          error: ok ? null : `no reply within 1000 ms`,
        });
        nextDue[e] = due + intervalMs;
      }
    });
    store.checks.insertMany(batch);
    checksWritten += batch.length;
    clock.advance(batchMs);
  }
  stopPruning();
  store.storage.checkpoint();
  const checksKept = store.checks.count();
  const raw = tier(store.storage.tierBytes('raw'), checksKept / (DAY_MS / intervalMs));
  const minute = tier(store.storage.tierBytes('minute'), store.storage.tierRows('minute') / 24);
  const freeBytes = store.storage.freeBytes();
  store.close();
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  const bytesOnDisk = fileBytes(file) + fileBytes(`${file}-wal`);
  return { raw, minute, checksWritten, bytesOnDisk, freePageShare: freeBytes / bytesOnDisk };
}

function simulateYearOfRollups(dir: string, endpoints: number, intervalMs: number) {
  const file = path.join(dir, 'year-run.sqlite');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const db = openDatabase(file);
  const keys = createEndpointKeys(db);
  const writer = createRollupWriter(db);
  const rand = random(7);
  const start = Date.UTC(2025, 0, 1);
  const baseUnits = Array.from({ length: endpoints }, () => 30 * 100 ** rand());
  const checksPerHour = 3_600_000 / intervalMs;
  // Hourly aggregates drawn from the same behaviour as endpointModel (drawing 3 billion single
  // checks would take hours): ~0.5 % failed, RTT +-20 % around the base, an occasional spike.
  const hourOf = (base: number): Aggregate => {
    const failed = rand() < 0.01 ? 5 + Math.floor(rand() * 55) : Math.floor(rand() * 4);
    const rttCount = checksPerHour - failed;
    return {
      count: checksPerHour,
      okCount: rttCount,
      rttCount,
      rttMin: Math.round(base * (0.8 + 0.02 * rand())),
      rttSum: Math.round(base * (0.98 + 0.04 * rand()) * rttCount),
      rttMax: Math.round(base * (rand() < 0.97 ? 1.18 + 0.02 * rand() : 5 + rand())),
    };
  };
  const writeDay = db.transaction((dayStart: number) => {
    baseUnits.forEach((base, e) => {
      const key = keys.keyFor(`ep-${e}`);
      let day = emptyAggregate();
      for (let h = 0; h < 24; h++) {
        const hour = hourOf(base);
        writer.addToHour(key, dayStart + h * 3_600_000, hour);
        day = mergeAggregate(day, hour);
      }
      writer.addToDay(key, dayStart, day);
    });
  });
  for (let d = 0; d < 365; d++) writeDay(start + d * DAY_MS);
  const storage = createStorageSize(db);
  storage.checkpoint();
  const hour = tier(storage.tierBytes('hour'), endpoints * 365);
  const dayTier = tier(storage.tierBytes('day'), endpoints * 365);
  db.close();
  return { hour, day: dayTier };
}

export function simulateStoreSize(options: SizeSimulationOptions): SizeSimulationResult {
  const started = process.hrtime.bigint();
  const endpoints = options.endpoints ?? 60;
  const intervalMs = options.intervalMs ?? 10_000;
  const days = options.days ?? 8;
  fs.mkdirSync(options.dir, { recursive: true });
  const rawRun = simulateRawRun(options.dir, endpoints, intervalMs, days, options.batchMs ?? 60_000);
  const yearRun = simulateYearOfRollups(options.dir, options.yearEndpoints ?? 40, intervalMs);
  const target = options.targetEndpoints ?? 1000;
  const { rawDays, minuteDays } = DEFAULT_RETENTION;
  const perEndpoint =
    rawRun.raw.bytesPerEndpointDay * rawDays +
    rawRun.minute.bytesPerEndpointDay * minuteDays +
    yearRun.hour.bytesPerEndpointDay * 365 +
    yearRun.day.bytesPerEndpointDay * 365;
  return {
    bytesOnDisk: rawRun.bytesOnDisk,
    bytesPerEndpointDay: rawRun.bytesOnDisk / (endpoints * days),
    checksWritten: rawRun.checksWritten,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    tiers: { raw: rawRun.raw, minute: rawRun.minute, hour: yearRun.hour, day: yearRun.day },
    freePageShare: rawRun.freePageShare,
    extrapolatedYear: {
      endpoints: target,
      intervalMs,
      bytes: Math.round(target * perEndpoint * (1 + rawRun.freePageShare)),
    },
  };
}
