// Mixpanel from Node (the CLI's `telemetry test`): one event to the configured api host's `/track`
// endpoint with `ip=0`, properties scrubbed by the same scrubber as the renderer's events.
import { randomUUID } from 'node:crypto';
import type { Scrubber } from '../../shared/telemetry/scrubber';
import type { UsageProperties } from '../../shared/telemetry/usage-events';

export interface MixpanelTrackOptions {
  apiHost: string;
  token: string;
  event: string;
  properties: UsageProperties;
  scrubber: Scrubber;
  fetchImpl?: typeof fetch;
}

export async function trackMixpanelEvent(
  options: MixpanelTrackOptions,
): Promise<{ ok: boolean; status: number }> {
  const properties = options.scrubber.value({
    ...options.properties,
    token: options.token,
    // A throw-away identity: a test event must not tie this machine to earlier usage.
    distinct_id: `cli-${randomUUID()}`,
    $insert_id: randomUUID().replace(/-/g, ''),
    time: Date.now(),
    mp_lib: 'linewatch-cli',
  });
  const url = new URL('/track', options.apiHost);
  // ip=0: Mixpanel must not derive a location from the sender's address.
  url.searchParams.set('ip', '0');
  url.searchParams.set('verbose', '1');
  const body = new URLSearchParams({ data: JSON.stringify([{ event: options.event, properties }]) });
  const response = await (options.fetchImpl ?? fetch)(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  return { ok: response.ok, status: response.status };
}
