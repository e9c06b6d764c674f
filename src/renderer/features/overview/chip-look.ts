// What an overview chip shows of its device's live state: the state, whether it flaps, and why it
// is down. The chip's store selector returns one of these, and React re-renders the chip only when
// that object changes, so a check that changes only the time, the RTT or the error text leaves it
// alone.
import type { EndpointLive } from '../../../shared/contract';
import type { EndpointState } from '../../../shared/domain/endpoint';
import type { FailureKind } from '../../../shared/domain/failure';

export interface ChipLook {
  state: EndpointState;
  flapping: boolean;
  /** The failure kind of a down device (a PLC answering with an exception reads differently); else null. */
  failureKind: FailureKind | null;
}

// Every look is made once and reused: states × flapping × kinds is a few dozen objects.
const LOOKS = new Map<string, ChipLook>();

export function lookOf(live: EndpointLive | undefined): ChipLook {
  const state = live?.state ?? 'unknown';
  const flapping = live?.flapping ?? false;
  const failureKind = state === 'down' ? (live?.lastFailureKind ?? null) : null;
  const key = `${state}|${String(flapping)}|${failureKind ?? ''}`;
  let look = LOOKS.get(key);
  if (look === undefined) {
    look = { state, flapping, failureKind };
    LOOKS.set(key, look);
  }
  return look;
}
