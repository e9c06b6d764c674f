// A production line on the overview: its counts (down, in maintenance, unknown), its availability
// today and this shift, and a chip per device. Outlined and labelled when a critical device is down.
import { memo, useMemo } from 'react';
import type { WallLine } from '../../../shared/contract';
import { routeHref } from '../../app/router';
import { useWall } from '../../live/wall-store';
import { formatAvailability } from '../../../shared/format';
import { DegradingCount } from '../insights-live/DegradingCount';
import { useDegradingOf } from '../insights-live/degrading-store';
import { useKpis } from './kpi-store';
import { DeviceChip } from './DeviceChip';

function Count({ value, label, kind }: { value: number | null; label: string; kind: string }) {
  return (
    <span className={`lh__count lh__count--${kind}${value ? ' lh__count--nonzero' : ''}`} data-count={kind}>
      <strong>{value ?? '—'}</strong> {label}
    </span>
  );
}

export const LineHealthBlock = memo(function LineHealthBlock({ line }: { line: WallLine }) {
  // Primitive selectors: the block re-renders only when one of its numbers changes.
  const down = useWall((s) => line.endpoints.filter((e) => s.live[e.id]?.state === 'down').length);
  const unknown = useWall(
    (s) => line.endpoints.filter((e) => (s.live[e.id]?.state ?? 'unknown') === 'unknown').length,
  );
  const criticalDown = useWall((s) =>
    line.endpoints.some((e) => e.critical && s.live[e.id]?.state === 'down'),
  );
  const kpiReady = useKpis((s) => s.status === 'ready');
  const maintenance = useKpis((s) => (s.status === 'ready' ? (s.byLine[line.id]?.inMaintenance ?? 0) : null));
  const today = useKpis((s) => s.byLine[line.id]?.today ?? null);
  const shift = useKpis((s) => s.byLine[line.id]?.shift ?? null);
  const endpointIds = useMemo(() => line.endpoints.map((e) => e.id), [line.endpoints]);
  const degradingChips = useDegradingOf(endpointIds);
  const health = criticalDown ? 'critical' : down > 0 ? 'down' : unknown > 0 ? 'unknown' : 'ok';
  const headline = {
    critical: '✕ CRITICAL DEVICE DOWN',
    down: '✕ DEVICES DOWN',
    unknown: '? NOT ALL CHECKED',
    ok: '✓ ALL UP',
  }[health];
  return (
    <section
      className={`lh lh--${health}`}
      data-line-id={line.id}
      data-health={health}
      aria-label={line.name}
    >
      <header className="lh__header">
        <a className="lh__name" href={routeHref('line', line.id)}>
          {line.name}
        </a>
        <span className="lh__headline">{headline}</span>
      </header>
      <div className="lh__figures">
        <Count value={down} label="down" kind="down" />
        <Count value={maintenance} label="maint." kind="maintenance" />
        <Count value={unknown} label="unknown" kind="unknown" />
        <DegradingCount lineId={line.id} />
        <span className="lh__total">
          {line.endpoints.length} {line.endpoints.length === 1 ? 'device' : 'devices'}
        </span>
      </div>
      <dl className="lh__kpis">
        <div>
          <dt>Today</dt>
          <dd data-kpi="today">{kpiReady ? formatAvailability(today) : '—'}</dd>
        </div>
        <div>
          <dt>This shift</dt>
          <dd data-kpi="shift">{kpiReady ? formatAvailability(shift) : '—'}</dd>
        </div>
      </dl>
      <div className="lh__chips">
        {line.endpoints.map((endpoint) => (
          <DeviceChip key={endpoint.id} endpoint={endpoint} degrading={degradingChips.has(endpoint.id)} />
        ))}
      </div>
    </section>
  );
});
