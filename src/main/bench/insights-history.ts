// The synthetic plant of `npm run bench:insights` (issue 12): 360 healthy endpoints and 30 with
// injected faults, 21 days of checks (every 10 s or 60 s, see below), generated as JSON Lines for
// `linewatch import`'s own code path. The fault model is documented in the README ("Measured quality"); every number
// that shapes it is here, so anyone can change one and re-run. Deterministic (seeded PRNG).
import { DAY_MS, epochMsOfIso, HOUR_MS, MINUTE_MS } from '../../shared/time';
import { random } from './random';

export { random };
import { BUILTIN_DEFAULTS, DEFAULT_RETENTION, type EndpointConfig, type LinewatchConfig } from '../config';

type EndpointType = EndpointConfig['type'];

export const BENCH_T0 = epochMsOfIso('2026-01-05T00:00:00Z'); // a Monday
export const BENCH_DAYS = 21;
/** Most healthy endpoints are checked every 60 s (to keep the run short)... */
export const BENCH_INTERVAL_MS = 60_000;
/**
 * ...the faulty ones and the first FAST_HEALTHY_LINES healthy lines every 10 s, the default: at
 * 60 s every failed check is a fully failed minute, which the loss detector reads as an outage.
 */
export const FAST_INTERVAL_MS = 10_000;
const FAST_HEALTHY_LINES = 2;
/**
 * The judged window: the second and third weeks (the first is the baselines' history). Two weeks
 * of 360 healthy endpoints: 5,040 healthy endpoint-days, enough to show at most 1 false warning per
 * 1,000 of them, and every healthy endpoint judged on two Monday mornings after a weekend.
 */
export const JUDGED_FROM = BENCH_T0 + 7 * DAY_MS;
export const JUDGED_TO = BENCH_T0 + BENCH_DAYS * DAY_MS;

const HEALTHY_LINES = 36;
const HEALTHY_PER_LINE = 10;
/** A lone failed check now and then: about 0.6 a day per endpoint, whatever its interval. */
const LONE_FAILURES_PER_DAY = 0.6;
const SPIKE_P = 0.003;

export type FaultKind =
  | 'rtt_ramp_outage'
  | 'rtt_ramp_recover'
  | 'loss_onset_outage'
  | 'loss_onset_recover'
  | 'near_miss_growth_outage'
  | 'step_change'
  | 'line_wide_outage';

export interface InjectedFault {
  kind: FaultKind;
  /** The endpoints it affects (a line-wide fault: the switch first, then the devices behind it). */
  endpointIds: string[];
  start: number;
  /** When the scripted outage begins (null: the fault recovers, or a step change, by itself). */
  outageAt: number | null;
  /** When the fault is over (the end of the outage, the recovery, or never for a step change). */
  end: number | null;
}

/**
 * When a line produces: `daily` a sine over 06-22 every day, a third of it at weekends; `five_days`
 * two shifts 06-22 Monday to Friday at full load and nothing at weekends; `five_days_and_saturday`
 * the same plus an early shift 06-14 on Saturdays. Shifts start and end over SHIFT_RAMP_MS.
 */
type WeekPattern = 'daily' | 'five_days' | 'five_days_and_saturday';
/** Every WEEKLY_LINE_EVERY-th healthy line works a five-day week, every other of those with a Saturday shift. */
const WEEKLY_LINE_EVERY = 3;
const SHIFT_RAMP_MS = 15 * MINUTE_MS;

/** How an endpoint behaves when nothing is wrong with it. */
interface Profile {
  baseMs: number;
  /** Share by which RTT rises at full production load. */
  loadAmplitude: number;
  /** Relative jitter (uniform ± this share). */
  jitter: number;
  week: WeekPattern;
}

/** What a fault does to one check: RTT multiplier, extra failure probability, forced failure. */
interface Effect {
  rttFactor: number;
  failP: number;
  down: boolean;
}
const NO_EFFECT: Effect = { rttFactor: 1, failP: 0, down: false };

/** A fault's effect between its start and end, none outside them. */
const during =
  (start: number, end: number, inside: (ts: number) => Effect) =>
  (ts: number): Effect =>
    ts < start || ts >= end ? NO_EFFECT : inside(ts);

interface SimEndpoint {
  config: EndpointConfig;
  profile: Profile;
  effect: (ts: number) => Effect;
}

const ramp = (ts: number, start: number, length: number): number =>
  Math.min(1, Math.max(0, (ts - start) / length));

/** Production load 0-1 at `ts`, in Berlin time (UTC+1 in January). */
function load(ts: number, week: WeekPattern): number {
  const local = ts + HOUR_MS;
  const hour = (local % DAY_MS) / HOUR_MS;
  const weekday = Math.floor((local - BENCH_T0) / DAY_MS) % 7; // 0 = Monday
  if (week === 'daily') {
    const daily = hour >= 6 && hour < 22 ? Math.sin((Math.PI * (hour - 6)) / 16) : 0;
    return daily * (weekday >= 5 ? 0.3 : 1);
  }
  const shiftEnd = weekday < 5 ? 22 : weekday === 5 && week === 'five_days_and_saturday' ? 14 : null;
  if (shiftEnd === null) return 0;
  const dayStart = local - (local % DAY_MS);
  return Math.min(
    ramp(local, dayStart + 6 * HOUR_MS, SHIFT_RAMP_MS),
    1 - ramp(local, dayStart + shiftEnd * HOUR_MS, SHIFT_RAMP_MS),
  );
}

function endpointConfig(
  id: string,
  lineId: string,
  type: EndpointType,
  dependsOn: string | null,
  intervalMs = FAST_INTERVAL_MS,
): EndpointConfig {
  return {
    id,
    name: id,
    type,
    lineId,
    critical: type === 'plc',
    dependsOn,
    ...BUILTIN_DEFAULTS,
    intervalMs,
    probe: { kind: 'icmp', host: '10.0.0.1' },
  };
}

export interface BenchPlant {
  config: LinewatchConfig;
  faults: InjectedFault[];
  healthyIds: Set<string>;
  /** The check lines (JSON) of every endpoint for [from, to), in time order. */
  checks(from: number, to: number): string[];
}

const DEVICE_TYPES: EndpointType[] = ['plc', 'hmi', 'robot', 'camera', 'scanner'];

export function buildBenchPlant(seed = 12): BenchPlant {
  // The healthy plant draws from its own stream, so its size does not change the faults.
  const rand = random(seed);
  const healthyRand = random(seed + 1);
  const between = (lo: number, hi: number, r = rand) => lo + (hi - lo) * r();
  const profile = (week: WeekPattern = 'daily', r = rand): Profile => ({
    baseMs: between(0.5, 4, r),
    // Production without a weekend is heavier: RTT up to 3x under load (the quiet weekend at 1x).
    loadAmplitude: week === 'daily' ? between(0, 0.5, r) : between(0.8, 2, r),
    jitter: between(0.1, 0.25, r),
    week,
  });
  const sims: SimEndpoint[] = [];
  const faults: InjectedFault[] = [];
  const lines: LinewatchConfig['lines'] = [];
  const healthyIds = new Set<string>();

  for (let l = 0; l < HEALTHY_LINES; l++) {
    const lineId = `line-${l + 1}`;
    const switchId = `${lineId}-switch`;
    const interval = l < FAST_HEALTHY_LINES ? FAST_INTERVAL_MS : BENCH_INTERVAL_MS;
    // Lines 2, 5, 8, ... (one of them checked every 10 s); 2, 8, 14, ... with the Saturday shift.
    const week: WeekPattern =
      l % WEEKLY_LINE_EVERY !== 1
        ? 'daily'
        : l % (2 * WEEKLY_LINE_EVERY) === 1
          ? 'five_days_and_saturday'
          : 'five_days';
    const endpoints = Array.from({ length: HEALTHY_PER_LINE }, (_, e) =>
      e === 0
        ? endpointConfig(switchId, lineId, 'switch', null, interval)
        : endpointConfig(
            `${lineId}-dev-${e}`,
            lineId,
            DEVICE_TYPES[e % DEVICE_TYPES.length] ?? 'plc',
            switchId,
            interval,
          ),
    );
    for (const config of endpoints) {
      sims.push({ config, profile: profile(week, healthyRand), effect: () => NO_EFFECT });
      healthyIds.add(config.id);
    }
    lines.push({ id: lineId, name: lineId, downtimeCostPerMinute: 500, endpoints });
  }

  // Single-endpoint faults, all starting in the judged week, at varied times of day.
  const single: { kind: FaultKind; count: number }[] = [
    { kind: 'rtt_ramp_outage', count: 5 },
    { kind: 'rtt_ramp_recover', count: 3 },
    { kind: 'loss_onset_outage', count: 4 },
    { kind: 'loss_onset_recover', count: 2 },
    { kind: 'near_miss_growth_outage', count: 4 },
    { kind: 'step_change', count: 4 },
  ];
  const faultEndpoints: EndpointConfig[] = [];
  let n = 0;
  for (const { kind, count } of single) {
    for (let i = 0; i < count; i++, n++) {
      const id = `fault-${n + 1}-${kind.replace(/_/g, '-')}`;
      const config = endpointConfig(id, 'faults', 'plc', null);
      faultEndpoints.push(config);
      // Days 8-13, any hour; an outage never crosses a UTC midnight (the import goes a day a file).
      const day = 8 + (n % 5);
      const start =
        BENCH_T0 +
        day * DAY_MS +
        Math.floor(between(0, 10)) * HOUR_MS +
        Math.floor(between(0, 60)) * MINUTE_MS;
      const sim = { config, profile: profile() };
      if (kind === 'rtt_ramp_outage') {
        const length = Math.round(between(2, 8)) * HOUR_MS;
        const factor = between(5, 20);
        const outageAt = start + length;
        const end = outageAt + Math.round(between(20, 90)) * MINUTE_MS;
        faults.push({ kind, endpointIds: [id], start, outageAt, end });
        sims.push({
          ...sim,
          effect: during(start, end, (ts) => ({
            rttFactor: 1 + (factor - 1) * ramp(ts, start, length),
            failP: 0,
            down: ts >= outageAt,
          })),
        });
      } else if (kind === 'rtt_ramp_recover') {
        const factor = between(4, 10);
        const end = start + 5 * HOUR_MS; // 2 h up, 2 h held, 1 h back down
        faults.push({ kind, endpointIds: [id], start, outageAt: null, end });
        sims.push({
          ...sim,
          effect: during(start, end, (ts) => ({
            rttFactor:
              1 +
              (factor - 1) *
                Math.min(ramp(ts, start, 2 * HOUR_MS), 1 - ramp(ts, start + 4 * HOUR_MS, HOUR_MS)),
            failP: 0,
            down: false,
          })),
        });
      } else if (kind === 'loss_onset_outage' || kind === 'loss_onset_recover') {
        const failP = between(0.03, 0.08);
        const length = Math.round(between(2, 6)) * HOUR_MS;
        const outageAt = kind === 'loss_onset_outage' ? start + length : null;
        const end = outageAt === null ? start + length : outageAt + Math.round(between(20, 90)) * MINUTE_MS;
        faults.push({ kind, endpointIds: [id], start, outageAt, end });
        sims.push({
          ...sim,
          effect: during(start, end, (ts) => ({
            rttFactor: 1,
            failP,
            down: outageAt !== null && ts >= outageAt,
          })),
        });
      } else if (kind === 'near_miss_growth_outage') {
        // Lone failed checks growing from 2 to 30 a day over three days, then the outage.
        const growth = 3 * DAY_MS;
        const faultStart = start - growth;
        const outageAt = start;
        const end = outageAt + Math.round(between(20, 90)) * MINUTE_MS;
        faults.push({ kind, endpointIds: [id], start: faultStart, outageAt, end });
        sims.push({
          ...sim,
          effect: (ts) =>
            ts < faultStart || ts >= end
              ? NO_EFFECT
              : {
                  rttFactor: 1,
                  failP: ((2 + 28 * ramp(ts, faultStart, growth)) * FAST_INTERVAL_MS) / DAY_MS,
                  down: ts >= outageAt,
                },
        });
      } else {
        // A reconfiguration (a new route): the RTT triples for good. Not a degradation.
        faults.push({ kind, endpointIds: [id], start, outageAt: null, end: null });
        sims.push({
          ...sim,
          effect: (ts) => (ts < start ? NO_EFFECT : { rttFactor: 3, failP: 0, down: false }),
        });
      }
    }
  }
  lines.push({ id: 'faults', name: 'faults', downtimeCostPerMinute: 850, endpoints: faultEndpoints });

  // Line-wide: a congested uplink behind one switch; every device's RTT climbs over four hours
  // (the switch's own by less), then the switch goes down and everything behind it with it.
  for (let u = 0; u < 2; u++) {
    const lineId = `uplink-${u + 1}`;
    const switchId = `${lineId}-switch`;
    const endpoints = [
      endpointConfig(switchId, lineId, 'switch', null),
      ...[1, 2, 3].map((d) => endpointConfig(`${lineId}-dev-${d}`, lineId, 'plc', switchId)),
    ];
    const start = BENCH_T0 + (9 + 2 * u) * DAY_MS + (4 + 3 * u) * HOUR_MS;
    const length = 4 * HOUR_MS;
    const outageAt = start + length;
    const end = outageAt + 45 * MINUTE_MS;
    faults.push({ kind: 'line_wide_outage', endpointIds: endpoints.map((e) => e.id), start, outageAt, end });
    for (const config of endpoints) {
      const factor = config.id === switchId ? 3 : 8;
      sims.push({
        config,
        profile: profile(),
        effect: during(start, end, (ts) => ({
          rttFactor: 1 + (factor - 1) * ramp(ts, start, length),
          failP: 0,
          down: ts >= outageAt,
        })),
      });
    }
    lines.push({ id: lineId, name: lineId, downtimeCostPerMinute: 850, endpoints });
  }

  const config: LinewatchConfig = {
    version: 1,
    site: { id: 'bench-plant', name: 'Bench plant', timezone: 'Europe/Berlin' },
    shifts: [],
    lines,
    maintenance: [],
    retention: DEFAULT_RETENTION,
  };

  // One PRNG per endpoint, advanced once per check in time order, so any day range generated in
  // order gives the same checks as the whole history at once.
  const streams = sims.map((_, i) => random(seed * 1000 + i + 1));
  const lastFailed = sims.map(() => false);
  function checks(from: number, to: number): string[] {
    const out: string[] = [];
    for (let ts = from; ts < to; ts += FAST_INTERVAL_MS) {
      const iso = new Date(ts).toISOString();
      sims.forEach((sim, i) => {
        if ((ts - BENCH_T0) % sim.config.intervalMs !== 0) return;
        const r = streams[i] ?? Math.random;
        const { baseMs, loadAmplitude, jitter, week } = sim.profile;
        const effect = sim.effect(ts);
        const u1 = r();
        const u2 = r();
        const u3 = r();
        // A lone failure is never followed by a second one (that would be an outage, not noise).
        const fails =
          effect.down ||
          (!lastFailed[i] && u1 < (LONE_FAILURES_PER_DAY * sim.config.intervalMs) / DAY_MS + effect.failP);
        lastFailed[i] = fails && !effect.down;
        if (fails) {
          out.push(JSON.stringify({ endpoint: sim.config.id, ts: iso, ok: false, error: 'timeout' }));
          return;
        }
        const spike = u3 < SPIKE_P ? baseMs * 4 * r() : 0;
        const rtt =
          baseMs * (1 + loadAmplitude * load(ts, week)) * effect.rttFactor * (1 + jitter * (2 * u2 - 1)) +
          spike;
        out.push(
          JSON.stringify({ endpoint: sim.config.id, ts: iso, ok: true, rtt_ms: Number(rtt.toFixed(3)) }),
        );
      });
    }
    return out;
  }

  return { config, faults, healthyIds, checks };
}
