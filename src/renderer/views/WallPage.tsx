// The wall display: every line of the site with its devices, for a screen read from five metres.
import { AcknowledgeDialog } from '../components/AcknowledgeDialog';
import { AlarmStrip } from '../components/AlarmStrip';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { ConfigErrorBanner } from '../components/HealthIndicators';
import { LineBlock } from '../components/LineBlock';
import { WallHeader } from '../components/WallHeader';
import { useWall } from '../stores/wall-store';

export function WallPage() {
  const lines = useWall((state) => state.lines);
  const loaded = useWall((state) => state.site !== null);
  const stale = useWall((state) => state.connection.state !== 'open');
  return (
    <div className="wall" data-stale={stale}>
      <WallHeader />
      <ConnectionBanner />
      <ConfigErrorBanner />
      <AlarmStrip />
      <main className="wall__lines">
        {!loaded && <p className="wall__empty">Loading the wall…</p>}
        {loaded && lines.length === 0 && <p className="wall__empty">No lines configured.</p>}
        {lines.map((line) => (
          <LineBlock key={line.id} line={line} />
        ))}
      </main>
      <AcknowledgeDialog />
    </div>
  );
}
