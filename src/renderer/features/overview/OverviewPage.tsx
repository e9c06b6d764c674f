// The overview (`#/overview`, the default page): every line of the site as a block, the ones that
// need someone first, with the site's availability today and this shift on top.
import { useEffect, useMemo } from 'react';
import { useClient } from '../../app/client-context';
import { wallStore, useWall } from '../../live/wall-store';
import { formatAvailability } from '../../../shared/format';
import { startDegradingSync } from '../insights-live/degrading-store';
import { startKpiSync, useKpis } from './kpi-store';
import { LineHealthBlock } from './LineHealthBlock';
import { linesByHealthKey } from './line-health';

function SiteKpis() {
  const status = useKpis((s) => s.status);
  const site = useKpis((s) => s.site);
  const shiftId = useKpis((s) => s.shiftId);
  const note = status === 'loading' ? 'loading…' : status === 'unavailable' ? 'figures not available' : null;
  return (
    <div className="overview__kpis" aria-label="Site availability" data-kpi-status={status}>
      <span>
        Site availability today <strong data-kpi="site-today">{formatAvailability(site?.today)}</strong>
      </span>
      <span>
        This shift{shiftId ? ` (${shiftId})` : ''}{' '}
        <strong data-kpi="site-shift">{formatAvailability(site?.shift)}</strong>
      </span>
      {note && <span className="overview__kpi-note">{note}</span>}
    </div>
  );
}

export function OverviewPage() {
  const client = useClient();
  const lines = useWall((s) => s.lines);
  const loaded = useWall((s) => s.site !== null);
  const orderKey = useWall((s) => linesByHealthKey(s.lines, s.live));
  useEffect(() => startKpiSync(client, () => wallStore.getState().site?.timezone), [client]);
  useEffect(() => startDegradingSync(client), [client]);
  const ordered = useMemo(() => {
    const byId = new Map(lines.map((line) => [line.id, line]));
    return orderKey
      .split('\n')
      .map((id) => byId.get(id))
      .filter((line) => line !== undefined);
  }, [lines, orderKey]);
  return (
    <div className="overview">
      <SiteKpis />
      {!loaded && <p className="wall__empty">Loading the overview…</p>}
      {loaded && lines.length === 0 && <p className="wall__empty">No lines configured.</p>}
      <div className="overview__lines">
        {ordered.map((line) => (
          <LineHealthBlock key={line.id} line={line} />
        ))}
      </div>
    </div>
  );
}
