// One device on the wall. It subscribes to its own live entry only, so a batch that changes
// another endpoint does not re-render it. State is told three ways: colour, icon and word.
import { memo } from 'react';
import type { WallEndpoint } from '../../shared/contract';
import { formatRtt, formatTimeInState, STATE_LABEL, TYPE_LABEL } from '../format/format-live';
import { useClock } from '../stores/clock-store';
import { useWall } from '../stores/wall-store';
import { countRender } from '../views/overview/render-counter';

function TimeInState({ state, since }: { state: 'up' | 'down' | 'unknown'; since: string | null }) {
  const text = useClock((now) => formatTimeInState(state, since, now));
  return <span className="tile__since">{text ?? 'not checked yet'}</span>;
}

export const EndpointTile = memo(function EndpointTile({ endpoint }: { endpoint: WallEndpoint }) {
  const live = useWall((state) => state.live[endpoint.id]);
  countRender('tile');
  const state = live?.state ?? 'unknown';
  const label = STATE_LABEL[state];
  return (
    <article
      className={`tile tile--${state}`}
      data-endpoint-id={endpoint.id}
      data-state={state}
      data-critical={endpoint.critical}
      data-flapping={live?.flapping ?? false}
      aria-label={`${endpoint.name}: ${label.text}${live?.flapping ? ', flapping' : ''}`}
    >
      <div className="tile__top">
        <span className="tile__status">
          <span className="tile__icon" aria-hidden="true">
            {label.icon}
          </span>
          {label.text}
        </span>
        {endpoint.critical && <span className="tile__critical">CRITICAL</span>}
        {live?.flapping && (
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
        <span className="tile__rtt">{state === 'down' ? '' : formatRtt(live?.lastRttMs ?? null)}</span>
      </div>
      <TimeInState state={state} since={live?.since ?? null} />
      {state === 'down' && live?.lastError && (
        <div className="tile__error" title={live.lastError}>
          {live.lastError}
        </div>
      )}
    </article>
  );
});
