// What an overview chip shows of its device's live state: the state and whether it flaps. The
// chip's store selector returns one of these, and React re-renders the chip only when that object
// changes, so a check that changes only the time, the RTT or the error text leaves it alone.
import type { EndpointLive } from '../../../shared/contract';
import type { EndpointState } from '../../../shared/domain/endpoint';

export interface ChipLook {
  state: EndpointState;
  flapping: boolean;
}

/** Every look a chip can have, made once: the same object until the look changes. */
const LOOKS: Record<EndpointState, readonly [steady: ChipLook, flapping: ChipLook]> = {
  up: [
    { state: 'up', flapping: false },
    { state: 'up', flapping: true },
  ],
  down: [
    { state: 'down', flapping: false },
    { state: 'down', flapping: true },
  ],
  unknown: [
    { state: 'unknown', flapping: false },
    { state: 'unknown', flapping: true },
  ],
};

export function lookOf(live: EndpointLive | undefined): ChipLook {
  const [steady, flapping] = LOOKS[live?.state ?? 'unknown'];
  return live?.flapping ? flapping : steady;
}
