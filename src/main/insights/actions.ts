// The recommended action of a maintenance priority entry (issue 12). The rules, their order and
// their thresholds are documented as one table in src/main/insights/priorities.ts; this file
// applies them in that order (first match wins).
import type { EndpointConfig } from '../config';
import type { NearMissTrend } from './near-misses';
import type { InsightWarning, WarningKind } from './warning';

/** Fewer outages than this are coincidence, not a pattern. */
export const FOLLOWER_MIN_OUTAGES = 3;
/** How many of the child's intervals after the parent's outage start still count as "following". */
export const FOLLOW_INTERVALS = 2;

/** An outage as rule 2 reads it (a subset of the store's OutageRecord). */
export interface HistoryOutage {
  endpointId: string;
  startedAt: number;
  inMaintenance: boolean;
}

/** Outage starts per endpoint, sorted, counted outages only: built once per ranking. */
export type OutageStarts = ReadonlyMap<string, readonly number[]>;

export function outageStartsByEndpoint(outages: readonly HistoryOutage[]): OutageStarts {
  const starts = new Map<string, number[]>();
  for (const outage of outages) {
    if (outage.inMaintenance) continue;
    const list = starts.get(outage.endpointId) ?? [];
    list.push(outage.startedAt);
    starts.set(outage.endpointId, list);
  }
  for (const list of starts.values()) list.sort((a, b) => a - b);
  return starts;
}

export interface ActionContext {
  endpoints: ReadonlyMap<string, EndpointConfig>;
  /** Transitive dependants of each endpoint that has any (impactTopology). */
  dependants: ReadonlyMap<string, readonly string[]>;
  starts: OutageStarts;
  /** nearMissTrend of the endpoints the caller judged (action row 5). */
  nearMissTrends?: ReadonlyMap<string, NearMissTrend> | undefined;
}

export interface RecommendedAction {
  action: string;
  /** Why, in plain language, when the rule needs more than the warning to explain it. */
  because: string | null;
}

const has = (warnings: readonly InsightWarning[], kind: WarningKind): boolean =>
  warnings.some((w) => w.kind === kind);

export function recommendAction(
  endpoint: EndpointConfig,
  warnings: readonly InsightWarning[],
  context: ActionContext,
): RecommendedAction {
  if (has(warnings, 'group_degradation')) return { action: 'check the uplink', because: null };
  if (endpoint.dependsOn === null) {
    const parent = followedParent(endpoint, context);
    if (parent !== null) {
      const name = context.endpoints.get(parent.id)?.name ?? parent.id;
      return {
        action: `add depends_on: ${parent.id}`,
        because: `each of its last ${parent.outages} outages began right after one of ${name}'s`,
      };
    }
  }
  if (has(warnings, 'loss_rise')) return { action: 'check the port or cable', because: null };
  if (has(warnings, 'flapping'))
    return { action: `raise down_after (now ${endpoint.downAfter})`, because: null };
  const trend = context.nearMissTrends?.get(endpoint.id);
  if (trend?.growing === true)
    return {
      action: 'plan a replacement',
      because: `near misses grew week over week (${trend.weeklyCounts.join(', ')})`,
    };
  if (has(warnings, 'near_misses'))
    return { action: trend ? 'check the port or cable' : 'plan a replacement', because: null };
  const lossOverThreshold = warnings.some(
    (w) => w.kind === 'threshold' && w.observed.loss !== null && w.observed.loss > (w.baseline.loss ?? 0),
  );
  if (lossOverThreshold) return { action: 'check the port or cable', because: null };
  return { action: 'check load and the network path', because: null };
}

/** Rule 2: the endpoint whose outages this one's always follow, or null (see the header). */
export function followedParent(
  child: EndpointConfig,
  context: ActionContext,
): { id: string; outages: number } | null {
  const own = context.starts.get(child.id) ?? [];
  const first = own[0];
  if (first === undefined || own.length < FOLLOWER_MIN_OUTAGES) return null;
  const after = FOLLOW_INTERVALS * child.intervalMs;
  const followsAll = (parentId: string): boolean => {
    const parentStarts = context.starts.get(parentId) ?? [];
    const before = context.endpoints.get(parentId)?.intervalMs ?? 0;
    return own.every((start) => hasStartIn(parentStarts, start - after, start + before));
  };
  const candidates: string[] = [];
  for (const id of context.starts.keys()) {
    if (id === child.id || (context.dependants.get(child.id) ?? []).includes(id)) continue;
    const parent = context.endpoints.get(id);
    if (!parent) continue;
    // A parent fails at least whenever its child does. With as many outages as the child, the
    // times alone cannot tell which one follows: only a switch over a non-switch is taken then.
    const parentCount = context.starts.get(id)?.length ?? 0;
    if (parentCount < own.length) continue;
    if (parentCount === own.length && !(parent.type === 'switch' && child.type !== 'switch')) continue;
    if (followsAll(id)) candidates.push(id);
  }
  if (candidates.length === 0) return null;
  // Deepest first: a candidate that depends (transitively) on another candidate is nearer the child.
  const depth = (id: string): number =>
    candidates.filter((other) => (context.dependants.get(other) ?? []).includes(id)).length;
  candidates.sort((a, b) => depth(b) - depth(a) || (a < b ? -1 : a > b ? 1 : 0));
  const chosen = candidates[0];
  return chosen === undefined ? null : { id: chosen, outages: own.length };
}

/** Whether the sorted `starts` has a value in [from, to]. */
function hasStartIn(starts: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? Infinity) < from) lo = mid + 1;
    else hi = mid;
  }
  const found = starts[lo];
  return found !== undefined && found <= to;
}
