// A production line: its name, how many of its devices are down (and degrading), and its tiles. Outlined red when a
// critical device is down, because that is what stops the line.
import { memo } from 'react';
import type { WallLine } from '../../../shared/contract';
import { useWall } from '../../live/wall-store';
import { DegradingCount } from '../insights-live/DegradingCount';
import { EndpointTile } from './EndpointTile';

export const LineBlock = memo(function LineBlock({ line }: { line: WallLine }) {
  // Selectors return primitives, so the block re-renders only when its counts change.
  const downCount = useWall(
    (state) => line.endpoints.filter((endpoint) => state.live[endpoint.id]?.state === 'down').length,
  );
  const criticalDown = useWall((state) =>
    line.endpoints.some((endpoint) => endpoint.critical && state.live[endpoint.id]?.state === 'down'),
  );
  const total = line.endpoints.length;
  return (
    <section
      className={`line${criticalDown ? ' line--critical-down' : ''}${downCount > 0 ? ' line--has-down' : ''}`}
      data-line-id={line.id}
      aria-label={line.name}
    >
      <header className="line__header">
        <h2 className="line__name">{line.name}</h2>
        {criticalDown && <span className="line__alert">✕ CRITICAL DEVICE DOWN</span>}
        <DegradingCount lineId={line.id} />
        <span className="line__count">
          <strong>{downCount}</strong> / {total} down
        </span>
      </header>
      <div className="line__tiles">
        {line.endpoints.map((endpoint) => (
          <EndpointTile key={endpoint.id} endpoint={endpoint} />
        ))}
      </div>
    </section>
  );
});
