// The resolved configuration: what the rest of main works with after the YAML has been parsed,
// validated and had its defaults applied. Durations are milliseconds here, never strings (retention
// alone is in days, see RetentionPolicy).
import type { EndpointType } from '../../shared/domain/endpoint';

export interface ShiftConfig {
  id: string;
  name: string;
  /** Local wall-clock time in the site's timezone, "HH:MM". A shift may cross midnight. */
  start: string;
  end: string;
}

export type ProbeConfig =
  | { kind: 'icmp'; host: string }
  | { kind: 'tcp'; host: string; port: number }
  | {
      kind: 'http';
      url: string;
      expectStatus: number | null;
      expectText: string | null;
      tlsVerify: boolean;
    };

export interface EndpointConfig {
  id: string;
  name: string;
  type: EndpointType;
  lineId: string;
  critical: boolean;
  dependsOn: string | null;
  intervalMs: number;
  timeoutMs: number;
  downAfter: number;
  upAfter: number;
  probe: ProbeConfig;
}

export interface LineConfig {
  id: string;
  name: string;
  downtimeCostPerMinute: number | null;
  endpoints: EndpointConfig[];
}

export type MaintenanceConfig =
  | {
      id: string;
      targets: string[];
      kind: 'recurring';
      every: 'day' | 'week';
      /** Only for `every: week`: 0 = sunday ... 6 = saturday. */
      weekday: number | null;
      start: string;
      durationMs: number;
    }
  | {
      id: string;
      targets: string[];
      kind: 'once';
      /** Local date-times as written ("2026-11-30T08:00") or with an explicit offset. */
      from: string;
      to: string;
    };

export interface LinewatchConfig {
  version: 1;
  site: { id: string; name: string; timezone: string };
  shifts: ShiftConfig[];
  lines: LineConfig[];
  maintenance: MaintenanceConfig[];
  retention: RetentionPolicy;
}

/**
 * How long each tier of probe history is kept, in days: the unit people set it in and the settings
 * page shows, so it is also the unit the store prunes by (a file's `36h` is 1.5 days here).
 */
export interface RetentionPolicy {
  rawDays: number;
  minuteDays: number;
  hourDays: number;
  dayDays: number;
}

/** The one retention default: 7 d raw checks, 30 d minute, 2 y hour and 10 y day buckets. */
export const DEFAULT_RETENTION: RetentionPolicy = {
  rawDays: 7,
  minuteDays: 30,
  hourDays: 730,
  dayDays: 3650,
};
