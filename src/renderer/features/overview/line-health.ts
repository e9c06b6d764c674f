// How healthy a line is right now, from the live states alone, and the order the overview shows
// lines in: the ones that need someone first.
import type { WallLine } from '../../../shared/contract';
import type { LiveStates } from '../../live/wall-store';

export interface LineHealth {
  down: number;
  unknown: number;
  up: number;
  criticalDown: number;
}

export function lineHealth(line: WallLine, live: LiveStates): LineHealth {
  const health: LineHealth = { down: 0, unknown: 0, up: 0, criticalDown: 0 };
  for (const endpoint of line.endpoints) {
    const state = live[endpoint.id]?.state ?? 'unknown';
    health[state] += 1;
    if (state === 'down' && endpoint.critical) health.criticalDown += 1;
  }
  return health;
}

/** Critical device down, then most devices down, then most unknown; config order breaks ties. */
export function compareHealth(a: LineHealth, b: LineHealth): number {
  return Number(b.criticalDown > 0) - Number(a.criticalDown > 0) || b.down - a.down || b.unknown - a.unknown;
}

/**
 * Line ids in display order, joined into one string so a zustand selector returns a primitive and
 * the page re-renders only when the order itself changes (not on every live batch).
 */
export function linesByHealthKey(lines: readonly WallLine[], live: LiveStates): string {
  return lines
    .map((line, index) => ({ id: line.id, index, health: lineHealth(line, live) }))
    .sort((a, b) => compareHealth(a.health, b.health) || a.index - b.index)
    .map((entry) => entry.id)
    .join('\n');
}
