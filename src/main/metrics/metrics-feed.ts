// What the engine tells the metrics as it happens: each check, each outage that begins, each
// commit. Counters and histograms are fed from here incrementally (a scrape never replays the
// check history); the Prometheus registry and the OTLP push each listen.
import type { EndpointConfig } from '../config';
import type { ProbeResult } from '../probes/probe-result';

export interface MetricsFeed {
  check: (endpoint: EndpointConfig, result: ProbeResult, durationMs: number) => void;
  outageOpened: (endpointId: string) => void;
  committed: (durationMs: number) => void;
}

/** Buckets for LAN round trips: ICMP and TCP answer in well under a millisecond to a few ms. */
export const RTT_BUCKETS_S = [0.0005, 0.001, 0.0025, 0.01, 0.05, 0.25];
/** A whole check, timeouts included (the default timeout is 2 s). */
export const CHECK_DURATION_BUCKETS_S = [0.001, 0.005, 0.025, 0.1, 0.5, 1, 2.5, 5];
/** One engine transaction (checks, states, outages of the last 250 ms). */
export const COMMIT_DURATION_BUCKETS_S = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 0.5];

export const CHECK_RESULTS = ['ok', 'failed'] as const;
