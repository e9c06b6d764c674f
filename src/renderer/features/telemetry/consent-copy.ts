// What each category means, in one plain sentence, and a sample of exactly what would be sent.
// The samples are what the scrubbed payloads look like, so what people agree to is what leaves.
import type { ConsentCategory } from '../../../shared/telemetry/consent';

export interface CategoryCopy {
  title: string;
  sentence: string;
  sample: string;
}

export const CATEGORY_COPY: Readonly<Record<ConsentCategory, CategoryCopy>> = {
  error_diagnostics: {
    title: 'Error reports',
    sentence:
      'When Linewatch itself fails, send the error and where in the program it happened to Sentry, so we can fix it.',
    sample: JSON.stringify({
      exception: 'TypeError: cannot read "state" of undefined',
      fingerprint: ['probe_timeout', 'plc', 'press-1'],
      tags: {
        site: '3f9a1c0b27de',
        line: 'press-1',
        endpoint_type: 'plc',
        criticality: 'critical',
        shift: 'early',
      },
      frame: '[path]/monitor-engine.js',
    }),
  },
  performance: {
    title: 'Performance timings',
    sentence:
      'Send how long probe cycles, dashboard loads and KPI queries take to Sentry, so we can make them faster.',
    sample: JSON.stringify({
      span: 'kpi.getReport',
      op: 'kpi.query',
      duration_ms: 184,
      site: '3f9a1c0b27de',
    }),
  },
  usage_analytics: {
    title: 'Usage statistics',
    sentence:
      'Send which pages are used and how alarms are handled to Mixpanel, as counts and ranges, so we know what matters on the floor.',
    sample: JSON.stringify({
      event: 'Alarm Acknowledged',
      seconds_to_acknowledge: '30-60s',
      app_version: '0.1.0',
      os_family: 'windows',
      endpoint_count: '100-249',
      mode: 'desk',
    }),
  },
};

export const NEVER_SENT =
  'Never sent: IP addresses, host names, device names or URLs, user names, file paths, config text or page addresses.';
