// Checks that need the whole file: unique ids, dependency references and cycles, maintenance
// targets, from < to, timeout < interval. They read the raw parsed data defensively so they can
// run even when the schema found problems elsewhere: the user then sees every mistake at once.
import { parseSiteDateTime, siteDateTimeToEpochMs } from '../../shared/time';
import { formatDuration, parseDuration } from './duration';
import { BUILTIN_DEFAULTS } from './schema';
import { isValidTimezone } from './validators';
import { describeValue, formatPath, isRecord, valueAt, type ConfigPath, type PathIssue } from './zod-issues';

type IdKind = 'site' | 'shift' | 'line' | 'endpoint' | 'maintenance';

interface IdPlace {
  id: string;
  kind: IdKind;
  /** Path of the object that carries the id. */
  path: ConfigPath;
}

function list(data: unknown, path: ConfigPath): { value: unknown; path: ConfigPath }[] {
  const { value } = valueAt(data, path);
  return Array.isArray(value) ? value.map((item: unknown, i) => ({ value: item, path: [...path, i] })) : [];
}

function idOf(value: unknown): string | null {
  return isRecord(value) && typeof value.id === 'string' ? value.id : null;
}

function collectIds(data: unknown): IdPlace[] {
  const places: IdPlace[] = [];
  const add = (value: unknown, kind: IdKind, path: ConfigPath): void => {
    const id = idOf(value);
    if (id !== null) places.push({ id, kind, path });
  };
  add(valueAt(data, ['site']).value, 'site', ['site']);
  for (const s of list(data, ['shifts'])) add(s.value, 'shift', s.path);
  for (const line of list(data, ['lines'])) {
    add(line.value, 'line', line.path);
    for (const ep of list(data, [...line.path, 'endpoints'])) add(ep.value, 'endpoint', ep.path);
  }
  for (const m of list(data, ['maintenance'])) add(m.value, 'maintenance', m.path);
  return places;
}

function checkUniqueIds(places: IdPlace[]): PathIssue[] {
  const first = new Map<string, IdPlace>();
  const issues: PathIssue[] = [];
  for (const place of places) {
    const earlier = first.get(place.id);
    if (earlier === undefined) {
      first.set(place.id, place);
      continue;
    }
    const path = [...place.path, 'id'];
    issues.push({
      path,
      target: 'value',
      message: `${formatPath(path)}: duplicate id "${place.id}", already used by the ${earlier.kind} at ${formatPath(earlier.path)}; expected ids unique in the file`,
    });
  }
  return issues;
}

function checkDependencies(data: unknown, places: IdPlace[]): PathIssue[] {
  const kindOf = new Map(places.map((p) => [p.id, p.kind] as const));
  const endpoints = places.filter((p) => p.kind === 'endpoint');
  const parentOf = new Map<string, { parent: string; path: ConfigPath }>();
  const issues: PathIssue[] = [];
  for (const ep of endpoints) {
    const path = [...ep.path, 'depends_on'];
    const dep = valueAt(data, path).value;
    if (typeof dep !== 'string') continue;
    const kind = kindOf.get(dep);
    if (kind === 'endpoint') {
      parentOf.set(ep.id, { parent: dep, path });
    } else {
      const note = kind === undefined ? '' : ` (that is a ${kind})`;
      issues.push({
        path,
        target: 'value',
        message: `${formatPath(path)}: expected the id of an endpoint, got "${dep}"${note}`,
      });
    }
  }
  // Each endpoint has at most one parent, so following the chain finds any cycle it leads into.
  const reported = new Set<string>();
  for (const ep of endpoints) {
    const chain: string[] = [];
    let current: string | undefined = ep.id;
    while (current !== undefined && !chain.includes(current)) {
      chain.push(current);
      current = parentOf.get(current)?.parent;
    }
    if (current === undefined || current !== ep.id || reported.has(ep.id)) continue;
    chain.forEach((id) => reported.add(id));
    const edge = parentOf.get(ep.id);
    if (edge === undefined) continue;
    issues.push({
      path: edge.path,
      target: 'value',
      message: `${formatPath(edge.path)}: dependency cycle ${[...chain, ep.id].join(' -> ')}, expected depends_on chains to end at an endpoint without depends_on`,
    });
  }
  return issues;
}

function checkMaintenance(data: unknown, places: IdPlace[]): PathIssue[] {
  const kindOf = new Map(places.map((p) => [p.id, p.kind] as const));
  const zoneValue = valueAt(data, ['site', 'timezone']).value;
  const zone = typeof zoneValue === 'string' && isValidTimezone(zoneValue) ? zoneValue : 'UTC';
  const issues: PathIssue[] = [];
  for (const entry of list(data, ['maintenance'])) {
    for (const target of list(data, [...entry.path, 'targets'])) {
      if (typeof target.value !== 'string') continue;
      const kind = kindOf.get(target.value);
      if (kind === 'site' || kind === 'line' || kind === 'endpoint') continue;
      const note = kind === undefined ? '' : ` (that is a ${kind})`;
      issues.push({
        path: target.path,
        target: 'value',
        message: `${formatPath(target.path)}: expected the id of the site, a line or an endpoint, got ${describeValue(target.value)}${note}`,
      });
    }
    const from = valueAt(data, [...entry.path, 'from']).value;
    const to = valueAt(data, [...entry.path, 'to']).value;
    const fromDt = typeof from === 'string' ? parseSiteDateTime(from) : null;
    const toDt = typeof to === 'string' ? parseSiteDateTime(to) : null;
    if (fromDt && toDt && siteDateTimeToEpochMs(toDt, zone) <= siteDateTimeToEpochMs(fromDt, zone)) {
      const path = [...entry.path, 'to'];
      issues.push({
        path,
        target: 'value',
        message: `${formatPath(path)}: expected a time after from (${String(from)}), got ${describeValue(to)}`,
      });
    }
  }
  return issues;
}

/** A positive duration in ms, or null when missing or invalid (the schema reports those). */
function durationAt(data: unknown, path: ConfigPath): number | null {
  const found = valueAt(data, path);
  if (!found.found) return null;
  const parsed = parseDuration(found.value);
  return parsed.ok && parsed.ms > 0 ? parsed.ms : null;
}

function timingIssue(
  path: ConfigPath,
  field: 'timeout' | 'interval',
  timeout: number,
  interval: number,
): PathIssue {
  const message =
    field === 'timeout'
      ? `expected a timeout shorter than the interval (${formatDuration(interval)}), got ${formatDuration(timeout)}`
      : `expected an interval longer than the timeout (${formatDuration(timeout)}), got ${formatDuration(interval)}`;
  return { path, target: 'value', message: `${formatPath(path)}: ${message}` };
}

function checkTimeouts(data: unknown): PathIssue[] {
  const issues: PathIssue[] = [];
  const defInterval = valueAt(data, ['defaults', 'interval']).found
    ? durationAt(data, ['defaults', 'interval'])
    : BUILTIN_DEFAULTS.intervalMs;
  const defTimeout = valueAt(data, ['defaults', 'timeout']).found
    ? durationAt(data, ['defaults', 'timeout'])
    : BUILTIN_DEFAULTS.timeoutMs;
  if (defInterval !== null && defTimeout !== null && defTimeout >= defInterval) {
    const field = valueAt(data, ['defaults', 'timeout']).found ? 'timeout' : 'interval';
    issues.push(timingIssue(['defaults', field], field, defTimeout, defInterval));
  }
  for (const line of list(data, ['lines'])) {
    for (const ep of list(data, [...line.path, 'endpoints'])) {
      const hasInterval = valueAt(data, [...ep.path, 'interval']).found;
      const hasTimeout = valueAt(data, [...ep.path, 'timeout']).found;
      // Without an override the defaults check above already covers this endpoint.
      if (!hasInterval && !hasTimeout) continue;
      const interval = hasInterval ? durationAt(data, [...ep.path, 'interval']) : defInterval;
      const timeout = hasTimeout ? durationAt(data, [...ep.path, 'timeout']) : defTimeout;
      if (interval === null || timeout === null || timeout < interval) continue;
      const field = hasTimeout ? 'timeout' : 'interval';
      issues.push(timingIssue([...ep.path, field], field, timeout, interval));
    }
  }
  return issues;
}

/**
 * Channel ids are their own namespace (a channel may share an id with a line), unique among the
 * channels; each rule names known channels, lines and endpoints.
 */
function checkNotifications(data: unknown, places: IdPlace[]): PathIssue[] {
  const issues: PathIssue[] = [];
  const channelAt = new Map<string, ConfigPath>();
  for (const channel of list(data, ['notifications', 'channels'])) {
    const id = idOf(channel.value);
    if (id === null) continue;
    const earlier = channelAt.get(id);
    if (earlier === undefined) {
      channelAt.set(id, channel.path);
      continue;
    }
    const path = [...channel.path, 'id'];
    issues.push({
      path,
      target: 'value',
      message: `${formatPath(path)}: duplicate channel id "${id}", already used at ${formatPath(earlier)}; expected channel ids unique`,
    });
  }
  const known = (kind: IdKind): Set<string> =>
    new Set(places.filter((p) => p.kind === kind).map((p) => p.id));
  const refs: { key: string; what: string; ids: Set<string> }[] = [
    { key: 'channels', what: 'a channel under notifications.channels', ids: new Set(channelAt.keys()) },
    { key: 'lines', what: 'a line', ids: known('line') },
    { key: 'endpoints', what: 'an endpoint', ids: known('endpoint') },
  ];
  for (const rule of list(data, ['notifications', 'rules'])) {
    for (const ref of refs) {
      for (const item of list(data, [...rule.path, ref.key])) {
        if (typeof item.value !== 'string' || ref.ids.has(item.value)) continue;
        issues.push({
          path: item.path,
          target: 'value',
          message: `${formatPath(item.path)}: expected the id of ${ref.what}, got ${describeValue(item.value)}`,
        });
      }
    }
  }
  return issues;
}

export function crossCheck(data: unknown): PathIssue[] {
  const places = collectIds(data);
  return [
    ...checkUniqueIds(places),
    ...checkDependencies(data, places),
    ...checkMaintenance(data, places),
    ...checkTimeouts(data),
    ...checkNotifications(data, places),
  ];
}
