// The live judge steps the batch judge's detectors minute by minute, so over the same stored
// history it must find exactly the warnings `linewatch insights` finds; and it must say when it
// does not cover a window (warming up, or a window outside what it judged) instead of guessing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '@src/main/clock/clock';
import type { LinewatchConfig } from '@src/main/config';
import { importChecksFile } from '@src/main/import/import-checks';
import { createInsightsHandlers } from '@src/main/insights/insights-handlers';
import { judgeEndpointMinutes, overlaps } from '@src/main/insights/judge';
import { LIVE_SETTLE_MS, LIVE_WARM_MS, startLiveInsights } from '@src/main/insights/live-insights';
import type { Store } from '@src/main/store';
import { aConfig, aLine, anEndpoint } from '../../../support/config-builders';
import { random } from '../../../support/minute-samples';
import { useTempStores } from '../../../support/temp-store';

const setup = useTempStores('live-insights');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-03-02T00:00:00Z');
const END = T0 + 3 * DAY;

const plant = (warnRtt: number | null = 8): LinewatchConfig =>
  aConfig({
    lines: [
      aLine('press-1', [
        // A ramp to ~20 ms over 6 h on day 3, then an outage, then back to ~1 ms.
        anEndpoint('ramp', { intervalMs: 30_000 }),
        // Loss bursts: 1 check in 4 fails for 2 h on day 2 and again late on day 3.
        anEndpoint('lossy', { intervalMs: 30_000 }),
        // Healthy with jitter, and a configured RTT threshold it crosses for an hour.
        anEndpoint('thresholded', {
          intervalMs: 30_000,
          ...(warnRtt === null ? {} : { warn: { rttMs: warnRtt, loss: null } }),
        }),
      ]),
    ],
  });

function importHistory(dir: string, cfg: LinewatchConfig, store: Store): void {
  const rand = random(7);
  const lines: string[] = [];
  const rampFrom = T0 + 2 * DAY + 8 * HOUR;
  const downFrom = rampFrom + 6 * HOUR;
  for (let ts = T0; ts < END; ts += 30_000) {
    const at = new Date(ts).toISOString();
    const jitter = (rand() - 0.5) * 0.4;
    const ramp =
      ts < rampFrom ? 1 : ts < downFrom ? 1 + (19 * (ts - rampFrom)) / (downFrom - rampFrom) : null;
    const rampDown = ts >= downFrom && ts < downFrom + 20 * MINUTE;
    lines.push(
      JSON.stringify(
        rampDown
          ? { endpoint: 'ramp', ts: at, ok: false }
          : { endpoint: 'ramp', ts: at, ok: true, rtt_ms: (ramp ?? 1) + jitter },
      ),
    );
    const lossy =
      (ts >= T0 + DAY + 10 * HOUR && ts < T0 + DAY + 12 * HOUR) ||
      (ts >= T0 + 2 * DAY + 20 * HOUR && ts < T0 + 2 * DAY + 22 * HOUR);
    lines.push(
      JSON.stringify(
        lossy && rand() < 0.25
          ? { endpoint: 'lossy', ts: at, ok: false }
          : { endpoint: 'lossy', ts: at, ok: true, rtt_ms: 2 + jitter },
      ),
    );
    const over = ts >= T0 + 2 * DAY + 3 * HOUR && ts < T0 + 2 * DAY + 4 * HOUR;
    lines.push(
      JSON.stringify({ endpoint: 'thresholded', ts: at, ok: true, rtt_ms: (over ? 12 : 3) + jitter }),
    );
  }
  const file = join(dir, 'checks.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  expect(importChecksFile(file, cfg, store).ok).toBe(true);
}

/** Runs the live judge from `start` to `end`, one minute at a time, as the services would. */
function runLive(store: Store, cfg: () => LinewatchConfig, start: number, end: number) {
  const clock = new ManualClock(start);
  const live = startLiveInsights({ store, config: cfg, clock, flush: () => undefined });
  clock.advance(0);
  while (clock.now() < end) clock.advance(MINUTE);
  return { clock, live };
}

describe('the live judge', () => {
  it('finds exactly the batch judge’s warnings over the same minutes', () => {
    const { dir, store } = setup();
    const cfg = plant();
    importHistory(dir, cfg, store);
    // Warm up a day and a half into the history, then live through to its end.
    const start = T0 + DAY + 12 * HOUR;
    const { clock, live } = runLive(store, () => cfg, start, END + 5 * MINUTE);
    const window = {
      from: start - LIVE_WARM_MS + DAY,
      to: Math.floor((clock.now() - LIVE_SETTLE_MS) / MINUTE) * MINUTE,
    };
    const judged = live.minuteWarnings(window);
    expect(judged).not.toBeNull();
    const kinds = new Set<string>();
    for (const endpoint of cfg.lines.flatMap((line) => line.endpoints)) {
      const batch = judgeEndpointMinutes(store, cfg, endpoint, window).filter((w) => overlaps(w, window));
      const liveWarnings = judged?.(endpoint) ?? [];
      expect(liveWarnings).toEqual(batch);
      for (const w of liveWarnings) kinds.add(`${w.endpointId}:${w.kind}`);
    }
    // The comparison means something only if each detector raised something.
    expect([...kinds].sort()).toEqual([
      'lossy:loss_rise',
      'ramp:rtt_rise',
      'thresholded:rtt_rise',
      'thresholded:threshold',
    ]);
    live.stop();
  });

  it('does not cover a window that starts before what it judged or ends before it, nor any while warming', () => {
    const { dir, store } = setup();
    const cfg = plant();
    importHistory(dir, cfg, store);
    const clock = new ManualClock(END);
    const live = startLiveInsights({ store, config: () => cfg, clock, flush: () => undefined });
    expect(live.progress()).toEqual({ warm: 0, devices: 3 });
    expect(live.minuteWarnings({ from: END - DAY, to: END })).toBeNull();
    clock.advance(0);
    while (live.progress().warm < 3) clock.advance(0);
    expect(live.minuteWarnings({ from: END - DAY, to: END })).not.toBeNull();
    expect(live.minuteWarnings({ from: END - 2 * DAY, to: END })).toBeNull();
    expect(live.minuteWarnings({ from: END - DAY, to: END - HOUR })).toBeNull();
    live.stop();
  });

  it('judges an endpoint again when its thresholds change', () => {
    const { dir, store } = setup();
    let cfg = plant(null);
    importHistory(dir, cfg, store);
    const { clock, live } = runLive(store, () => cfg, END - 12 * HOUR, END);
    // The hour over 8 ms is 21 h before the end.
    const window = { from: END - DAY, to: END };
    const thresholded = () =>
      (live.minuteWarnings(window)?.(cfg.lines[0]?.endpoints[2] ?? anEndpoint('x')) ?? []).map((w) => w.kind);
    expect(thresholded()).not.toContain('threshold');
    cfg = plant(8);
    expect(live.minuteWarnings(window)).toBeNull();
    clock.advance(0);
    expect(thresholded()).toContain('threshold');
    live.stop();
  });

  it('lets the console ask a large plant for its last day, which judging from scratch would refuse', async () => {
    const { store } = setup();
    const many = aConfig({
      lines: [
        aLine(
          'big',
          Array.from({ length: 300 }, (_, i) => anEndpoint(`ep-${i}`)),
        ),
      ],
    });
    const clock = new ManualClock(END);
    const live = startLiveInsights({ store, config: () => many, clock, flush: () => undefined });
    const handlers = createInsightsHandlers({ store, config: () => many, now: () => clock.now(), live });
    const reader = { connectionId: 'test', canMutate: false, label: 'test' };
    const ask = (from: number, to: number) => handlers.getInsights({ from, to }, reader);
    expect(() => ask(END - DAY, END)).toThrow(/still being learnt .*0 of 300 devices/);
    clock.advance(0);
    await live.idle();
    expect((await ask(END - DAY, END)).warnings).toEqual([]);
    expect(() => ask(END - 3 * DAY, END)).toThrow(/judges live only since it started.*linewatch insights/);
    live.stop();
  });
});
