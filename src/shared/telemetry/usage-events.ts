// The Mixpanel event catalogue: the only events and properties usage analytics may send. Every
// number is bucketed here, before it reaches an SDK.
import { CASCADE_RISKS, SEVERITIES, type CascadeRisk, type Severity } from '../contract/alarm-schemas';
import { INSIGHT_WARNING_KINDS } from '../contract/insights-schemas';
import { ENDPOINT_TYPES } from '../domain/endpoint';
import { bucketCount, bucketSeconds } from './buckets';
import type { ConsentCategory } from './consent';

/** An alarm's `impact.severity` and `impact.cascadeRisk`: four levels each, already coarse. */
export interface AlarmImpactBuckets {
  severity: Severity;
  cascadeRisk: CascadeRisk;
}

export type UsageEvent =
  | { name: 'Console Started' }
  | { name: 'Consent Changed'; granted: readonly ConsentCategory[] }
  | ({ name: 'Alarm Raised'; endpointType: string; critical: boolean } & AlarmImpactBuckets)
  | ({ name: 'Alarm Acknowledged'; secondsToAcknowledge: number } & AlarmImpactBuckets)
  | { name: 'Page Viewed'; page: string }
  | { name: 'Report Exported'; format: string }
  | { name: 'Kiosk Rotation'; page: string }
  | { name: 'Config Applied'; endpointCount: number; lineCount: number; errorCount: number }
  | PredictiveMaintenanceSignal;

/**
 * An early warning that came before an outage (issue 12): a device this console showed as degrading
 * went down. Tells whether warnings earn their place: which kind, how strong, on what equipment,
 * and how long before the outage it began. No names, ids or times.
 */
export interface PredictiveMaintenanceSignal {
  name: 'Predictive Maintenance Signal';
  kind: string;
  /** The warning's score, 0-1. */
  score: number;
  endpointType: string;
  /** From the warning's start to the outage. */
  leadTimeSeconds: number;
}

export type UsageProperties = Record<string, string | number | boolean | readonly string[]>;

/** Page names only, never a URL or a hash with ids in it. */
export const pageName = (raw: string): string =>
  (raw.replace(/^#?\/?/, '').split(/[/?#]/)[0] ?? '').replace(/[^a-z0-9_-]/gi, '').slice(0, 32) || 'wall';

export function usageProperties(event: UsageEvent): UsageProperties {
  switch (event.name) {
    case 'Console Started':
      return {};
    case 'Consent Changed':
      return { granted: [...event.granted] };
    case 'Alarm Raised':
      return { endpoint_type: event.endpointType, critical: event.critical, ...impactProperties(event) };
    case 'Alarm Acknowledged':
      return {
        seconds_to_acknowledge: bucketSeconds(event.secondsToAcknowledge),
        ...impactProperties(event),
      };
    case 'Page Viewed':
    case 'Kiosk Rotation':
      return { page: pageName(event.page) };
    case 'Report Exported':
      return { format: event.format.slice(0, 16) };
    case 'Config Applied':
      return {
        endpoint_count: bucketCount(event.endpointCount),
        line_count: bucketCount(event.lineCount),
        error_count: bucketCount(event.errorCount),
      };
    case 'Predictive Maintenance Signal':
      return {
        kind: known(INSIGHT_WARNING_KINDS, event.kind),
        score: bucketScore(event.score),
        // Equipment types the config knows: anything else is `unknown`, never free text.
        endpoint_type: known(ENDPOINT_TYPES, event.endpointType),
        lead_time: bucketLeadTime(event.leadTimeSeconds),
      };
  }
}

const known = (levels: readonly string[], value: string): string =>
  levels.includes(value) ? value : 'unknown';

/** A warning's score in three bands (a warning starts at 0.5). */
export function bucketScore(score: number): string {
  if (!Number.isFinite(score)) return 'unknown';
  if (score < 0.6) return '<0.6';
  if (score < 0.8) return '0.6-0.8';
  return '0.8+';
}

const LEAD_TIME_EDGES: readonly (readonly [number, string])[] = [
  [900, '<15min'],
  [3600, '15-60min'],
  [6 * 3600, '1-6h'],
  [24 * 3600, '6-24h'],
];

/** How long before an outage a warning began: minutes to days, unlike bucketSeconds. */
export function bucketLeadTime(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'unknown';
  for (const [limit, label] of LEAD_TIME_EDGES) if (seconds < limit) return label;
  return '>24h';
}

/** Only the catalogue's levels leave; anything else (a newer or broken view) is `unknown`. */
function impactProperties({ severity, cascadeRisk }: AlarmImpactBuckets): UsageProperties {
  return { severity: known(SEVERITIES, severity), cascade_risk: known(CASCADE_RISKS, cascadeRisk) };
}

export interface SuperProperties {
  appVersion: string;
  osFamily: string;
  endpointCountBucket: string;
  mode: 'kiosk' | 'desk';
}

export const superProperties = (p: SuperProperties): UsageProperties => ({
  app_version: p.appVersion,
  os_family: p.osFamily,
  endpoint_count: p.endpointCountBucket,
  mode: p.mode,
});

/** Mixpanel's automatic properties that carry URLs or referrers: never sent. */
export const MIXPANEL_PROPERTY_BLACKLIST = [
  '$current_url',
  '$initial_referrer',
  '$referrer',
  '$referring_domain',
  '$initial_referring_domain',
];
