// The maintenance priority list (issue 12): which degrading device to look at first, and what to do.
// Pure: the window's warnings (detectGroupDegradation's included: the caller adds them, so they also
// appear in the warnings list), the config and the outage history come in; nothing is read here.
//
// Ranking. One entry per endpoint that has a warning, scored by its strongest warning:
//   raw = warning score × criticality weight × cost rate × (1 + dependants)
// - warning score: the highest score among the endpoint's warnings (0-1).
// - criticality weight: 1 when the endpoint can take a line down, i.e. it is critical for its line
//   (marked `critical`, or its line marks none: spec "Line state") or one of its transitive
//   `depends_on` dependants is; NON_CRITICAL_WEIGHT otherwise.
// - cost rate: the sum of `downtime_cost_per_minute` of the lines it can take down (impactTopology's
//   reach), or of its own line when it can take none down; a line without a cost counts 0, and the
//   rate is at least 1 so that warnings on lines without a cost still rank (below priced ones).
// - dependants: its transitive `depends_on` dependants, across lines.
// `score` is raw divided by the highest raw of the list (the first entry is 1; all 0 stays 0).
// Order: raw descending, then the warning score, then line id, then endpoint id (deterministic).
// Rank 1 is the most urgent.
//
// Recommended action (src/main/insights/actions.ts), first matching row wins:
//
// | # | the endpoint's warnings / history                                   | action                           |
// |---|---------------------------------------------------------------------|----------------------------------|
// | 1 | `group_degradation`: several devices behind it degrade at once      | check the uplink                 |
// | 2 | no `depends_on`, and its outages always follow another endpoint's   | add depends_on: <that id>        |
// | 3 | `loss_rise`                                                         | check the port or cable          |
// | 4 | `flapping`                                                          | raise down_after (now N)         |
// | 5 | near misses growing week over week (see below)                      | plan a replacement               |
// | 6 | `near_misses` not growing week over week                            | check the port or cable          |
// | 7 | `threshold` with the observed loss above its baseline               | check the port or cable          |
// | 8 | otherwise: `rtt_rise` alone, or `threshold` on RTT                  | check load and the network path  |
//
// Rows 5 and 6: "growing week over week" is near-misses.ts's nearMissTrend (each of the last 3 weeks
// more than the one before, the last at least 5), handed in per endpoint as `nearMissTrends`; the
// reason then quotes the weekly counts. For an endpoint without a trend handed in, a `near_misses`
// warning alone takes row 5.
//
// Row 2 ("a child's outages always follow its parent's"), from the outage history handed in (the
// CLI passes the outages that started in the HISTORY_DAYS before the window's end): the endpoint has
// at least 3 (FOLLOWER_MIN_OUTAGES) outages not started in maintenance, and EACH started no earlier
// than one parent interval before and no later than 2 (FOLLOW_INTERVALS) of its own intervals after
// the start of an outage of the same other endpoint. The slack before covers a parent checked less
// often than the child. A parent fails at least whenever its child does, so a candidate with fewer
// such outages than the child is not one; with exactly as many the times cannot tell who follows
// whom, and only a `switch` over a non-switch is proposed. An endpoint that depends on the child is
// never proposed (a cycle). Among several candidates the deepest in the `depends_on` tree wins (the
// PLC the child sits behind, not the switch above that PLC), then the smallest id.
//
// Reason: what (the strongest warning with its figures), why it ranks here (critical for which line
// at which rate, how many devices depend on it), what else it shows, and why the action when row 2
// chose it. E.g. "Press 1 PLC: RTT 9.8 ms against 1.2 ms; critical for Press line 1 at 850/min;
// 2 devices depend on it".
import { impactTopology } from '../alarms/impact';
import type { EndpointConfig, LinewatchConfig } from '../config';
import { formatCost, formatCount } from '../../shared/format';
import { DAY_MS } from '../../shared/time';
import { outageStartsByEndpoint, recommendAction, type HistoryOutage } from './actions';
import type { NearMissTrend } from './near-misses';
import type { InsightWarning, MaintenancePriority, WarningKind } from './warning';

/** The weight of an endpoint whose failure takes no line down (it still ranks, below those that do). */
export const NON_CRITICAL_WEIGHT = 0.25;
/** How much outage history the `depends_on` rule should be given, ending at the window's end. */
export const HISTORY_DAYS = 30;
export const HISTORY_MS = HISTORY_DAYS * DAY_MS;

export interface PriorityInput {
  /** Every warning of the window, detectGroupDegradation's included. */
  warnings: readonly InsightWarning[];
  config: LinewatchConfig;
  /** Outages of the history (store.outages.startedIn(to - HISTORY_MS, to)), for action row 2. */
  outages: readonly HistoryOutage[];
  /** nearMissTrend(...) per endpoint, for action rows 5 and 6 (optional: see the table). */
  nearMissTrends?: ReadonlyMap<string, NearMissTrend>;
}

const KIND_LABEL: Record<WarningKind, string> = {
  rtt_rise: 'RTT rise',
  loss_rise: 'loss rise',
  near_misses: 'near misses rising',
  flapping: 'flapping',
  threshold: 'over its warn threshold',
  group_degradation: 'devices behind it degrading together',
};

interface Scored {
  endpoint: EndpointConfig;
  strongest: InsightWarning;
  warnings: InsightWarning[];
  raw: number;
}

export function rankPriorities(input: PriorityInput): MaintenancePriority[] {
  const topology = impactTopology(input.config);
  const endpoints = new Map<string, EndpointConfig>();
  for (const line of input.config.lines) for (const e of line.endpoints) endpoints.set(e.id, e);

  const byEndpoint = new Map<string, InsightWarning[]>();
  for (const warning of input.warnings) {
    if (!endpoints.has(warning.endpointId)) continue; // removed from the config since
    const list = byEndpoint.get(warning.endpointId) ?? [];
    list.push(warning);
    byEndpoint.set(warning.endpointId, list);
  }

  const scored: Scored[] = [];
  for (const [id, warnings] of byEndpoint) {
    const endpoint = endpoints.get(id);
    if (!endpoint) continue;
    warnings.sort(strongestFirst);
    const strongest = warnings[0];
    if (!strongest) continue;
    const factors = rankFactors(topology, endpoint);
    const raw = strongest.score * factors.weight * factors.rate * (1 + factors.dependants);
    scored.push({ endpoint, strongest, warnings, raw });
  }
  scored.sort(
    (a, b) =>
      b.raw - a.raw ||
      b.strongest.score - a.strongest.score ||
      compare(a.endpoint.lineId, b.endpoint.lineId) ||
      compare(a.endpoint.id, b.endpoint.id),
  );

  const top = scored[0]?.raw ?? 0;
  const context = {
    endpoints,
    dependants: topology.dependants,
    starts: outageStartsByEndpoint(input.outages),
    nearMissTrends: input.nearMissTrends,
  };
  return scored.map((entry, index) => {
    const recommended = recommendAction(entry.endpoint, entry.warnings, context);
    const parts = [
      `${entry.endpoint.name}: ${describeWarning(entry.strongest)}`,
      whyItRanks(topology, input.config, entry.endpoint),
    ];
    const others = entry.warnings.slice(1).map((w) => KIND_LABEL[w.kind]);
    const uniqueOthers = [...new Set(others)].filter((l) => l !== KIND_LABEL[entry.strongest.kind]);
    if (uniqueOthers.length > 0) parts.push(`also ${uniqueOthers.join(', ')}`);
    if (recommended.because !== null) parts.push(recommended.because);
    return {
      rank: index + 1,
      endpointId: entry.endpoint.id,
      lineId: entry.endpoint.lineId,
      score: top > 0 ? entry.raw / top : 0,
      reason: parts.filter((p) => p !== '').join('; '),
      action: recommended.action,
    };
  });
}

/** Highest score first; ties by start (earliest first), then kind, so the pick is deterministic. */
function strongestFirst(a: InsightWarning, b: InsightWarning): number {
  return b.score - a.score || a.startedAt - b.startedAt || compare(a.kind, b.kind);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type Topology = ReturnType<typeof impactTopology>;

interface RankFactors {
  weight: number;
  rate: number;
  dependants: number;
  /** The lines its failure takes down, sorted (empty when none). */
  reach: readonly string[];
}

function rankFactors(topology: Topology, endpoint: EndpointConfig): RankFactors {
  const reach = topology.reach.get(endpoint.id) ?? [];
  const rateOf = (lineId: string): number => topology.rates.get(lineId) ?? 0;
  const rate = reach.length > 0 ? reach.reduce((sum, id) => sum + rateOf(id), 0) : rateOf(endpoint.lineId);
  return {
    weight: reach.length > 0 ? 1 : NON_CRITICAL_WEIGHT,
    rate: Math.max(1, rate),
    dependants: topology.dependants.get(endpoint.id)?.length ?? 0,
    reach,
  };
}

/** What the strongest warning says, with its figures where it has them. */
function describeWarning(warning: InsightWarning): string {
  const { baseline, observed } = warning;
  const rtt =
    observed.rttMs !== null && baseline.rttMs !== null
      ? `RTT ${ms(observed.rttMs)} against ${ms(baseline.rttMs)}`
      : null;
  const loss =
    observed.loss !== null && baseline.loss !== null
      ? `loss ${percent(observed.loss)} against ${percent(baseline.loss)}`
      : null;
  switch (warning.kind) {
    case 'rtt_rise':
      return rtt ?? KIND_LABEL.rtt_rise;
    case 'loss_rise':
      return loss ?? KIND_LABEL.loss_rise;
    default: {
      const figures = [rtt, loss].filter((f) => f !== null);
      const label = KIND_LABEL[warning.kind];
      return figures.length > 0 ? `${label} (${figures.join(', ')})` : label;
    }
  }
}

/** Why the entry ranks where it does: the criticality, the line's rate, the dependants. */
function whyItRanks(topology: Topology, config: LinewatchConfig, endpoint: EndpointConfig): string {
  const factors = rankFactors(topology, endpoint);
  const lineName = (id: string): string => config.lines.find((l) => l.id === id)?.name ?? id;
  const rateText = (id: string): string => {
    const rate = topology.rates.get(id) ?? 0;
    return rate > 0 ? ` at ${formatCost(rate)}/min` : ' (no downtime cost set)';
  };
  const parts: string[] = [];
  if (topology.criticalForLine.has(endpoint.id)) {
    parts.push(`critical for ${lineName(endpoint.lineId)}${rateText(endpoint.lineId)}`);
  }
  const throughDependants = factors.reach.filter(
    (id) => id !== endpoint.lineId || !topology.criticalForLine.has(endpoint.id),
  );
  if (throughDependants.length > 0) {
    const lines = throughDependants.map((id) => `${lineName(id)}${rateText(id)}`).join(', ');
    parts.push(`its failure takes down ${lines}`);
  }
  if (factors.reach.length === 0) parts.push(`not critical for ${lineName(endpoint.lineId)}`);
  if (factors.dependants > 0) {
    const n = factors.dependants;
    parts.push(`${formatCount(n)} ${n === 1 ? 'device depends' : 'devices depend'} on it`);
  }
  return parts.join('; ');
}

const ms = (value: number): string => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

const percent = (share: number): string => {
  const pct = share * 100;
  return `${pct < 10 ? pct.toFixed(1) : Math.round(pct)} %`;
};
