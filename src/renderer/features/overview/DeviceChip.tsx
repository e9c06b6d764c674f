// One device on the overview: a small chip that tells its state by icon, border style and (when it
// is down) words and name, never by colour alone. It subscribes to its own live entry only, so a
// batch of 1 Hz updates re-renders the chips whose endpoint changed and nothing else.
import { memo } from 'react';
import type { EndpointLive, WallEndpoint } from '../../../shared/contract';
import type { EndpointState } from '../../../shared/domain/endpoint';
import { STATE_LABEL } from '../../live/format-live';
import { useWall } from '../../live/wall-store';

interface ChipLook {
  state: EndpointState;
  flapping: boolean;
}

/** Every look a chip can have, made once, so a chip's selector returns the same object until its
 * look changes (a batch that changes only the check time or the RTT leaves the chip alone). */
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

function lookOf(live: EndpointLive | undefined): ChipLook {
  const [steady, flapping] = LOOKS[live?.state ?? 'unknown'];
  return live?.flapping ? flapping : steady;
}

export const DeviceChip = memo(function DeviceChip({ endpoint }: { endpoint: WallEndpoint }) {
  // One store subscription per chip: 2,000 on the overview, each a cost on mount and on every batch.
  const { state, flapping } = useWall((s) => lookOf(s.live[endpoint.id]));
  const label = STATE_LABEL[state];
  return (
    <span
      className={`chip chip--${state}`}
      data-endpoint-id={endpoint.id}
      data-state={state}
      data-critical={endpoint.critical}
      title={`${endpoint.name}: ${label.text}${flapping ? ', flapping' : ''}`}
      role="img"
      aria-label={`${endpoint.name}: ${label.text}`}
    >
      <span className="chip__icon" aria-hidden="true">
        {label.icon}
      </span>
      {state === 'down' && (
        <span className="chip__text">
          {label.text} {endpoint.name}
        </span>
      )}
      {flapping && (
        <span className="chip__flap" aria-hidden="true">
          ⇅
        </span>
      )}
    </span>
  );
});
