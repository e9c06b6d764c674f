// Checks files (the import format, JSON Lines) of devices that degrade: the e2e tests import them
// through the built `linewatch import`, so the early warnings are judged on what a user would load.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EndpointConfig, LineConfig } from '@src/main/config';
import { aLine, anEndpoint } from './config-builders';
import { random } from './minute-samples';

/**
 * Press line 1 (850/min) with the two devices these tests record: `press1-plc`, critical (the one
 * that degrades), and `press1-hmi` next to it (the one that stays healthy).
 */
export function plcAndHmiLine(plc: Partial<EndpointConfig>, hmi: Partial<EndpointConfig>): LineConfig {
  return aLine(
    'press-1',
    [
      anEndpoint('press1-plc', { name: 'Press 1 PLC', type: 'plc', critical: true, ...plc }),
      anEndpoint('press1-hmi', { name: 'Press 1 HMI', type: 'hmi', ...hmi }),
    ],
    { name: 'Press line 1', downtimeCostPerMinute: 850 },
  );
}

/** What one device answers at `ts`: an RTT in ms, or null for a failed check (a timeout). */
export type RttAt = (ts: number) => number | null;

export interface RecordedDevice {
  endpoint: string;
  rttAt: RttAt;
  /** ± half of this is added to every RTT, from a seeded source (the same file on every run). */
  jitterMs: number;
}

/** ~`fromMs` until `rampFrom`, then a straight climb to `toMs` at `rampTo`, and that level after. */
export function rampRtt(rampFrom: number, rampTo: number, fromMs = 1, toMs = 20): (ts: number) => number {
  return (ts) => {
    if (ts <= rampFrom) return fromMs;
    if (ts >= rampTo) return toMs;
    return fromMs + ((toMs - fromMs) * (ts - rampFrom)) / (rampTo - rampFrom);
  };
}

/** `rtt` until `downAt`, then every check fails (long enough and it is an outage). */
export function failingFrom(downAt: number, rtt: (ts: number) => number): RttAt {
  return (ts) => (ts >= downAt ? null : rtt(ts));
}

/** A steady device: `levelMs`, and one check in 200 a slow answer of up to `spikeMs` more. */
export function steadyWithSpikes(levelMs: number, spikeMs: number, seed: number): RttAt {
  const rand = random(seed);
  return () => levelMs + (rand() < 0.005 ? spikeMs * rand() : 0);
}

/** Every device checked every `intervalMs` over [from, end), written to `dir/name`; returns the path. */
export function writeRecordedChecks(
  dir: string,
  name: string,
  devices: readonly RecordedDevice[],
  window: { from: number; end: number; intervalMs: number },
): string {
  const rand = random(12);
  const lines: string[] = [];
  for (let ts = window.from; ts < window.end; ts += window.intervalMs) {
    const iso = new Date(ts).toISOString();
    for (const device of devices) {
      const rtt = device.rttAt(ts);
      const check =
        rtt === null
          ? { endpoint: device.endpoint, ts: iso, ok: false, error: 'timeout' }
          : { endpoint: device.endpoint, ts: iso, ok: true, rtt_ms: rtt + (rand() - 0.5) * device.jitterMs };
      lines.push(JSON.stringify(check));
    }
  }
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}
