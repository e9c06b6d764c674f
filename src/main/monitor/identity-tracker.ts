// Which identity observations are worth a write: the protocol probes report the device's identity
// on every check, and a write per check of the same answer would be 8,640 rows a day per endpoint
// for nothing. The tracker remembers what was last written per endpoint and lets through a change
// (another device, other details, another note) at once, and the same answer only to refresh
// last_seen now and then.
import type { ProbeResult } from '../probes/probe-result';
import type { IdentityObservation, StoredIdentity } from '../store';

/** How stale last_seen may get while the same device keeps answering. */
export const IDENTITY_SEEN_REFRESH_MS = 15 * 60_000;

interface Written {
  key: string;
  ts: number;
}

export class IdentityTracker {
  private readonly written = new Map<string, Written>();

  constructor(stored: ReadonlyMap<string, StoredIdentity>) {
    for (const [id, s] of stored) this.written.set(id, { key: keyOf(s.identity, s.note), ts: s.lastSeen });
  }

  /** The observation to record for this check, or null when the store already says the same. */
  observe(endpointId: string, ts: number, result: ProbeResult): IdentityObservation | null {
    const { identity } = result;
    // A check that learnt nothing (a timeout) says nothing about who is there.
    if (identity === undefined) return null;
    const note = result.ok ? (result.note ?? null) : null;
    const key = keyOf(identity, note);
    const last = this.written.get(endpointId);
    if (last?.key === key && ts - last.ts < IDENTITY_SEEN_REFRESH_MS) return null;
    this.written.set(endpointId, { key, ts });
    return { endpointId, ts, identity, note };
  }
}

const keyOf = (identity: object, note: string | null): string => JSON.stringify([identity, note]);
