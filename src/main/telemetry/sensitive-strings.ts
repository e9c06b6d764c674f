// The strings of this installation that must never leave: the loaded config's site, line and device
// names and ids, probe hosts and URLs, notification URLs, hosts and mail addresses, plus the OS user
// and machine name. The scrubber removes them
// wherever they appear, on top of its generic patterns.
import { createHash } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { CASCADE_RISKS, SEVERITIES } from '../../shared/contract/alarm-schemas';
import { ENDPOINT_TYPES } from '../../shared/domain/endpoint';
import type { LinewatchConfig, NotificationChannelConfig } from '../config';

/**
 * Words the telemetry itself says (endpoint types, severities, criticality): an id spelled like
 * one ("plc", "critical") is left to the generic rules, or every fault's context would be erased.
 */
const TELEMETRY_VOCABULARY = new Set<string>([
  ...ENDPOINT_TYPES,
  ...SEVERITIES,
  ...CASCADE_RISKS,
  'normal',
  'none',
  'unknown',
]);

export function configSensitiveStrings(config: LinewatchConfig): string[] {
  const ids = [config.site.id, ...config.lines.flatMap((l) => [l.id, ...l.endpoints.map((e) => e.id)])];
  const out: string[] = [config.site.name, ...ids.filter((id) => !TELEMETRY_VOCABULARY.has(id))];
  for (const line of config.lines) {
    out.push(line.name);
    for (const endpoint of line.endpoints) {
      out.push(endpoint.name);
      const probe = endpoint.probe;
      if (probe.kind === 'opcua' && probe.user) out.push(probe.user.name);
      if (probe.kind === 'http' || probe.kind === 'opcua') {
        out.push(probe.url);
        try {
          out.push(new URL(probe.url).hostname);
        } catch {
          // The config loader validated it; nothing more to add.
        }
      } else {
        out.push(probe.host);
      }
    }
  }
  for (const channel of config.notifications?.channels ?? []) out.push(...channelStrings(channel));
  return out;
}

/** Where a notification channel sends: a delivery error quoting it must not carry it out. */
function channelStrings(channel: NotificationChannelConfig): string[] {
  switch (channel.kind) {
    case 'webhook':
    case 'mqtt':
      return [channel.url, ...hostOf(channel.url)];
    case 'email':
      return [...channel.to, ...(channel.from === null ? [] : [channel.from]), channel.smtp.host];
    case 'desktop':
      return [];
  }
}

function hostOf(url: string): string[] {
  try {
    return [new URL(url).hostname];
  } catch {
    return []; // the config loader validated it
  }
}

export function machineSensitiveStrings(): string[] {
  const out: string[] = [];
  try {
    out.push(userInfo().username);
  } catch {
    // No passwd entry (some containers): nothing to add.
  }
  out.push(hostname());
  return out;
}

/** Groups events per plant without naming it: sha256 of the site id, first 12 hex digits. */
export const hashSiteId = (siteId: string): string =>
  createHash('sha256').update(`linewatch-site:${siteId}`).digest('hex').slice(0, 12);

/**
 * A line in Sentry context without its id: sha256 salted with the site id, first 12 hex digits.
 * The salt matters: line ids are short words ("press-1") that a list of guesses would find.
 */
export const hashLineId = (siteId: string, lineId: string): string =>
  createHash('sha256').update(`linewatch-line:${siteId}:${lineId}`).digest('hex').slice(0, 12);
