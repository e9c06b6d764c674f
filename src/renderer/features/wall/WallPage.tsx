// The tile wall: every device of the site (`#/wall`), or of one line (`#/line/<id>`), as tiles big
// enough to read from five metres. The header, banners, alarm strip and acknowledge dialog around
// it belong to the App shell, so every page shares them.
import { useEffect } from 'react';
import { useClient } from '../../app/client-context';
import { LineBlock } from './LineBlock';
import { useWall } from '../../live/wall-store';
import { startDegradingSync } from '../insights-live/degrading-store';

export function WallPage({ lineId }: { lineId?: string }) {
  const lines = useWall((state) => state.lines);
  const loaded = useWall((state) => state.site !== null);
  const client = useClient();
  // The "degrading" badges: one site-wide getInsights a minute, shared with the overview.
  useEffect(() => startDegradingSync(client), [client]);
  const shown = lineId === undefined ? lines : lines.filter((line) => line.id === lineId);
  return (
    <main className="wall__lines" data-page={lineId === undefined ? 'wall' : 'line'}>
      {!loaded && <p className="wall__empty">Loading the wall…</p>}
      {loaded && lines.length === 0 && <p className="wall__empty">No lines configured.</p>}
      {loaded && lineId !== undefined && shown.length === 0 && (
        <p className="wall__empty">No line “{lineId}” in the configuration.</p>
      )}
      {shown.map((line) => (
        <LineBlock key={line.id} line={line} />
      ))}
    </main>
  );
}
