// The live judge's cost on the bench plant (issue 12): the console's early warnings as it runs.
// On the imported history, the live judge (live-insights.ts) warms up two days before the end of
// the judged week, then lives through the last day one minute at a time on a manual clock, as
// the services would run it; and the console's request (the wall's degrading badges ask for the
// last 24 h once a minute) is answered from it. Each figure is scaled to LIVE_ENDPOINTS by the
// number of endpoints: the detectors read minute rollups, so their cost grows with endpoints, not
// with the check interval. It also checks that the live warnings are the batch judge's.
import { ManualClock } from '../clock/clock';
import type { LinewatchConfig } from '../config';
import { DAY_MS, MINUTE_MS } from '../../shared/time';
import { buildInsights, JUDGE_LOOKBACK_MS, judgeEndpointMinutes, overlaps } from '../insights/judge';
import { LIVE_SETTLE_MS, LIVE_WARM_MS, startLiveInsights } from '../insights/live-insights';
import type { Store } from '../store';
import { measure, round } from './measure';

export const LIVE_ENDPOINTS = 2_000;

export async function measureLiveInsights(store: Store, config: LinewatchConfig, end: number) {
  const endpoints = config.lines.flatMap((line) => line.endpoints);
  const scale = LIVE_ENDPOINTS / endpoints.length;
  const clock = new ManualClock(end - DAY_MS);
  const live = startLiveInsights({ store, config: () => config, clock, flush: () => undefined });
  const warm = await measure(() => {
    while (live.progress().warm < endpoints.length) clock.advance(0);
    clock.advance(0);
  });
  const day = await measure(() => {
    while (clock.now() < end) clock.advance(MINUTE_MS);
  });
  const window = { from: end - DAY_MS, to: end };
  const judged = live.minuteWarnings(window);
  if (judged === null) throw new Error('the live judge does not cover the last day after living through it');
  const request = await measure(() => buildInsights(store, config, window, judged));

  // The same minutes judged by the batch judge: from what the live judge covers to its last minute.
  const covered = {
    from: end - DAY_MS - LIVE_WARM_MS + JUDGE_LOOKBACK_MS,
    to: Math.floor((clock.now() - LIVE_SETTLE_MS) / MINUTE_MS) * MINUTE_MS,
  };
  const coveredLive = live.minuteWarnings(covered);
  let mismatched = 0;
  for (const endpoint of endpoints) {
    const batch = judgeEndpointMinutes(store, config, endpoint, covered).filter((w) => overlaps(w, covered));
    if (JSON.stringify(coveredLive?.(endpoint) ?? null) !== JSON.stringify(batch)) mismatched++;
  }
  live.stop();

  const dayShare = (day.cpuSeconds * scale) / (DAY_MS / 1000);
  const requestShare = (request.cpuSeconds * scale) / (MINUTE_MS / 1000);
  return {
    endpoints_here: endpoints.length,
    scaled_to_endpoints: LIVE_ENDPOINTS,
    warm_up_cpu_s: round(warm.cpuSeconds, 2),
    warm_up_cpu_s_at_2000: round(warm.cpuSeconds * scale, 1),
    live_day_cpu_s: round(day.cpuSeconds, 2),
    live_2000_core_share: round(dayShare, 5),
    request_last_24h_cpu_s: round(request.cpuSeconds, 3),
    request_once_a_minute_2000_core_share: round(requestShare, 5),
    live_and_one_request_a_minute_2000_core_share: round(dayShare + requestShare, 5),
    live_matches_batch: mismatched === 0,
    endpoints_where_live_differs_from_batch: mismatched,
  };
}
