// Text shown on tiles, kept short so it reads from across the room.
import { ENDPOINT_TYPE_LABELS, type EndpointState, type EndpointType } from '../../shared/domain/endpoint';
import { formatDuration } from '../../shared/format';

export const STATE_LABEL: Record<EndpointState, { text: string; icon: string }> = {
  up: { text: 'UP', icon: '✓' },
  down: { text: 'DOWN', icon: '✕' },
  unknown: { text: 'UNKNOWN', icon: '?' },
};

export const TYPE_LABEL: Record<EndpointType, string> = ENDPOINT_TYPE_LABELS;

/**
 * RTT as a tile shows it: rounded to what matters from across the room, so jitter of a few tenths
 * of a millisecond does not re-render the tile on every check (the detail page has exact figures).
 */
export function formatTileRtt(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1) return '<1 ms';
  if (ms < 10) return `${Math.round(ms)} ms`;
  if (ms < 100) return `${Math.round(ms / 5) * 5} ms`;
  if (ms < 1_000) return `${Math.round(ms / 50) * 50} ms`;
  return `${(ms / 1_000).toFixed(1)} s`;
}

/**
 * "up 3h 12m", "down 4m 05s": a down (or unknown) time ticks by the second for its first hour, an
 * up time only for its first minute, so the shared clock does not re-render every healthy tile.
 */
export function formatTimeInState(state: EndpointState, since: string | null, now: number): string | null {
  if (since === null) return null;
  const began = Date.parse(since);
  if (Number.isNaN(began)) return null;
  return `${state} ${formatDuration((now - began) / 1_000, { rounding: 'down', coarse: state === 'up' })}`;
}
