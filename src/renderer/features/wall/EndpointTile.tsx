// One device on the wall. It subscribes to the few fields it displays (state, since, flapping,
// error), compared by value, so a check that only moves lastCheckAt does not re-render it and a
// batch that changes another endpoint never does; the rounded RTT and the time in state are small
// children with their own subscriptions. State is told
// three ways: colour, icon and word.
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { WallEndpoint } from '../../../shared/contract';
import { formatTileRtt, formatTimeInState, STATE_LABEL, TYPE_LABEL } from '../../live/format-live';
import { useClock } from '../../live/clock-store';
import { useWall } from '../../live/wall-store';
import { TrendUpIcon } from '../../components/icons';
import { FAILURE_CAUSES, failureCauseWords, type FailureKind } from '../../../shared/domain/failure';
import { useIsDegrading } from '../insights-live/degrading-store';

function TimeInState({ state, since }: { state: 'up' | 'down' | 'unknown'; since: string | null }) {
  const text = useClock((now) => formatTimeInState(state, since, now));
  return <span className="tile__since">{text ?? 'not checked yet'}</span>;
}

/** The RTT on its own: a jittering RTT re-renders this span, not the tile. */
function TileRtt({ id }: { id: string }) {
  const text = useWall((s) => {
    const live = s.live[id];
    return live?.state === 'down' ? '' : formatTileRtt(live?.lastRttMs ?? null);
  });
  return <span className="tile__rtt">{text}</span>;
}

/** An early warning is active (issue 12): its own child, a boolean subscription to a once-a-minute store. */
function DegradingBadge({ id }: { id: string }) {
  const degrading = useIsDegrading(id);
  if (!degrading) return null;
  return (
    <span className="tile__degrading" title="Early warning: slower or lossier than usual (see Insights)">
      <TrendUpIcon /> DEGRADING
    </span>
  );
}

/**
 * Why it is down, in words and an icon: "⚠ PLC answers with an exception" reads differently from
 * "✕ Unreachable" from across the room, and sends people to the PLC program rather than the cabinet.
 */
function TileCause({
  kind,
  type,
  error,
}: {
  kind: FailureKind | null;
  type: WallEndpoint['type'];
  error: string | null;
}) {
  if (kind === null && error === null) return null;
  const cause = kind === null ? null : FAILURE_CAUSES[kind];
  return (
    <div className={`tile__cause tile__cause--${cause?.class ?? 'network'}`} data-failure-kind={kind ?? ''}>
      {cause && (
        <div className="tile__cause-words">
          <span className="tile__cause-icon" aria-hidden="true">
            {cause.icon}
          </span>
          {failureCauseWords(kind, TYPE_LABEL[type])}
        </div>
      )}
      {error && (
        <div className="tile__error" title={error}>
          {error}
        </div>
      )}
    </div>
  );
}

export const EndpointTile = memo(function EndpointTile({ endpoint }: { endpoint: WallEndpoint }) {
  const { state, since, flapping, error, failureKind } = useWall(
    useShallow((s) => {
      const live = s.live[endpoint.id];
      const state = live?.state ?? 'unknown';
      return {
        state,
        since: live?.since ?? null,
        flapping: live?.flapping ?? false,
        error: state === 'down' ? (live?.lastError ?? null) : null,
        failureKind: state === 'down' ? (live?.lastFailureKind ?? null) : null,
      };
    }),
  );
  const label = STATE_LABEL[state];
  return (
    <article
      className={`tile tile--${state}`}
      data-endpoint-id={endpoint.id}
      data-state={state}
      data-critical={endpoint.critical}
      data-flapping={flapping}
      data-failure-kind={failureKind ?? undefined}
      aria-label={`${endpoint.name}: ${label.text}${failureKind ? `, ${failureCauseWords(failureKind, TYPE_LABEL[endpoint.type]) ?? ''}` : ''}${flapping ? ', flapping' : ''}`}
    >
      <div className="tile__top">
        <span className="tile__status">
          <span className="tile__icon" aria-hidden="true">
            {label.icon}
          </span>
          {label.text}
        </span>
        {endpoint.critical && <span className="tile__critical">CRITICAL</span>}
        {flapping && (
          <span className="tile__flapping" title="Changing state often: the current state may not last">
            <span aria-hidden="true">⇅</span> FLAPPING
          </span>
        )}
      </div>
      <div className="tile__name" title={endpoint.name}>
        {endpoint.name}
      </div>
      <div className="tile__meta">
        <span>{TYPE_LABEL[endpoint.type]}</span>
        <TileRtt id={endpoint.id} />
      </div>
      {/* The badge sits by the time in state: the top row is full on a critical device. */}
      <div className="tile__foot">
        <TimeInState state={state} since={since} />
        <DegradingBadge id={endpoint.id} />
      </div>
      {state === 'down' && <TileCause kind={failureKind} type={endpoint.type} error={error} />}
    </article>
  );
});
