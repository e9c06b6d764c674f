// The Mixpanel event catalogue: the only events and properties usage analytics may send. Every
// number is bucketed here, before it reaches an SDK.
import { CASCADE_RISKS, SEVERITIES, type CascadeRisk, type Severity } from '../contract/alarm-schemas';
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
  | { name: 'Config Applied'; endpointCount: number; lineCount: number; errorCount: number };

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
  }
}

/** Only the catalogue's levels leave; anything else (a newer or broken view) is `unknown`. */
function impactProperties({ severity, cascadeRisk }: AlarmImpactBuckets): UsageProperties {
  const known = (levels: readonly string[], value: string): string =>
    levels.includes(value) ? value : 'unknown';
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
