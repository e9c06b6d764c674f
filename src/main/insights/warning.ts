// The vocabulary of early warnings (issue 12): what a detector raises and what the maintenance
// priority list ranks. Warnings are not outages: they never change states or availability.

import { INSIGHT_WARNING_KINDS } from '../../shared/contract/insights-schemas';

/** The kinds live in the shared contract, which the renderer and the usage events read too. */
export const WARNING_KINDS = INSIGHT_WARNING_KINDS;
export type WarningKind = (typeof WARNING_KINDS)[number];

/** Baseline against observed, for the evidence of a warning (null where a figure does not apply). */
export interface WarningFigures {
  rttMs: number | null;
  /** Share of failed checks, 0-1. */
  loss: number | null;
}

export interface InsightWarning {
  endpointId: string;
  lineId: string;
  kind: WarningKind;
  /** 0-1: how sure and how strong (the highest it reached while active). */
  score: number;
  startedAt: number;
  /** Null while still active at the end of what was judged. */
  endedAt: number | null;
  baseline: WarningFigures;
  observed: WarningFigures;
  /** Plain language for an operator: what rose, from what to what, since when. */
  reason: string;
}

export interface MaintenancePriority {
  rank: number;
  endpointId: string;
  lineId: string;
  /** Warning score × criticality × line cost rate × dependants, normalised to 0-1. */
  score: number;
  reason: string;
  /** What to do, from the documented rules (src/main/insights/priorities.ts). */
  action: string;
}
