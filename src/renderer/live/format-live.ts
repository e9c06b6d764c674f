// Text shown on tiles, kept short so it reads from across the room.
import type { EndpointState, EndpointType } from '../../shared/domain/endpoint';

export const STATE_LABEL: Record<EndpointState, { text: string; icon: string }> = {
  up: { text: 'UP', icon: '✓' },
  down: { text: 'DOWN', icon: '✕' },
  unknown: { text: 'UNKNOWN', icon: '?' },
};

export const TYPE_LABEL: Record<EndpointType, string> = {
  plc: 'PLC',
  hmi: 'HMI',
  robot: 'Robot',
  switch: 'Switch',
  server: 'Server',
  camera: 'Camera',
  scanner: 'Scanner',
  other: 'Device',
};

export function formatRtt(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1_000).toFixed(1)} s`;
}

/** Seconds only while they matter: a fresh outage ticks, a week-long "up" does not. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1_000));
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3_600);
  const minutes = Math.floor((totalSeconds % 3_600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  if (minutes > 0) return `${minutes}m ${seconds}s`;
  return `${seconds}s`;
}

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

/** Like formatDuration, but whole minutes once past the first minute: a long "up" need not tick. */
function formatCoarseDuration(ms: number): string {
  if (ms < 60_000) return formatDuration(ms);
  const totalMinutes = Math.floor(ms / 60_000);
  if (totalMinutes < 60) return `${totalMinutes}m`;
  return formatDuration(ms);
}

/**
 * "up 3h 12m", "down 4m 5s": a down (or unknown) time ticks by the second for its first hour, an
 * up time only for its first minute, so the shared clock does not re-render every healthy tile.
 */
export function formatTimeInState(state: EndpointState, since: string | null, now: number): string | null {
  if (since === null) return null;
  const began = Date.parse(since);
  if (Number.isNaN(began)) return null;
  const elapsed = now - began;
  return `${state} ${state === 'up' ? formatCoarseDuration(elapsed) : formatDuration(elapsed)}`;
}
