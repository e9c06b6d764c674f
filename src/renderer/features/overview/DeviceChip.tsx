// One device on the overview: a small chip that tells its state by icon, border style and (when it
// is down) words and name, never by colour alone. A device that is down because it answered wrongly
// (a Modbus exception) shows its cause's icon and a marked border: it sends people to the PLC, not
// the cabinet. It subscribes to its own live entry only, so a
// batch of 1 Hz updates re-renders the chips whose endpoint changed and nothing else.
import { memo } from 'react';
import type { WallEndpoint } from '../../../shared/contract';
import { STATE_LABEL, TYPE_LABEL } from '../../live/format-live';
import { useWall } from '../../live/wall-store';
import { TrendUpIcon } from '../../components/icons';
import { FAILURE_CAUSES, failureCauseWords } from '../../../shared/domain/failure';
import { lookOf } from './chip-look';

export const DeviceChip = memo(function DeviceChip({
  endpoint,
  degrading,
}: {
  endpoint: WallEndpoint;
  /** An active early warning: given by the line block, so the chip holds no second subscription. */
  degrading: boolean;
}) {
  // One store subscription per chip: 2,000 on the overview, each a cost on mount and on every batch.
  const { state, flapping, failureKind } = useWall((s) => lookOf(s.live[endpoint.id]));
  const label = STATE_LABEL[state];
  const cause = failureKind === null ? null : FAILURE_CAUSES[failureKind];
  const causeWords =
    failureKind === null ? '' : `, ${failureCauseWords(failureKind, TYPE_LABEL[endpoint.type]) ?? ''}`;
  const extra = `${causeWords}${flapping ? ', flapping' : ''}${degrading ? ', degrading' : ''}`;
  return (
    <span
      className={`chip chip--${state}${cause?.class === 'answer' ? ' chip--answer' : ''}`}
      data-endpoint-id={endpoint.id}
      data-state={state}
      data-failure-kind={failureKind ?? undefined}
      data-critical={endpoint.critical}
      data-degrading={degrading}
      title={`${endpoint.name}: ${label.text}${extra}`}
      role="img"
      aria-label={`${endpoint.name}: ${label.text}${causeWords}${degrading ? ', degrading' : ''}`}
    >
      <span className="chip__icon" aria-hidden="true">
        {cause?.class === 'answer' ? cause.icon : label.icon}
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
      {degrading && (
        <span className="chip__degrading" aria-hidden="true">
          <TrendUpIcon />
        </span>
      )}
    </span>
  );
});
