// Site and line figures side by side, with the change against the previous period. Every figure
// that has no data says so ("—"), never 0 or 100 %.
import type { LineFigures } from '../../../../shared/report/report-schema';
import { formatAvailability, formatCost, formatCount, formatDuration } from '../../../../shared/format';
import { availabilityDelta } from './kpi-periods';
import { lineHref } from '../OperatorPage';

export interface KpiRow {
  id: string;
  name: string;
  href?: string;
  current: LineFigures;
  previous: LineFigures | undefined;
}

function Delta({ row }: { row: KpiRow }) {
  const delta = availabilityDelta(row.current.availability, row.previous?.availability ?? null);
  if (!delta) return <span className="op-muted">—</span>;
  return <span className={`op-delta op-delta--${delta.direction}`}>{delta.text}</span>;
}

export function KpiTable({ rows, previousLabel }: { rows: readonly KpiRow[]; previousLabel: string }) {
  return (
    <table className="op-table op-table--kpi">
      <thead>
        <tr>
          <th>Scope</th>
          <th>Availability</th>
          <th>vs {previousLabel}</th>
          <th>Down time</th>
          <th>Failures</th>
          <th>MTTR</th>
          <th>MTBF</th>
          <th>Downtime cost</th>
          <th>No data</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={row.id} className={i === 0 ? 'op-row--total' : undefined} data-kpi-row={row.id}>
            <th scope="row">{row.href ? <a href={row.href}>{row.name}</a> : row.name}</th>
            <td className="op-num op-big">{formatAvailability(row.current.availability)}</td>
            <td className="op-num">
              <Delta row={row} />
            </td>
            <td className="op-num">{formatDuration(row.current.down_s)}</td>
            <td className="op-num">{formatCount(row.current.failures)}</td>
            <td className="op-num">{formatDuration(row.current.mttr_s)}</td>
            <td className="op-num">{formatDuration(row.current.mtbf_s)}</td>
            <td className="op-num">{formatCost(row.current.downtime_cost)}</td>
            <td className="op-num op-muted">{formatDuration(row.current.unknown_s)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function kpiRows(
  site: { id: string; name: string },
  current: { site: LineFigures; lines: readonly LineFigures[] },
  previous: { site: LineFigures; lines: readonly LineFigures[] } | null,
  lineNames: ReadonlyMap<string, string>,
): KpiRow[] {
  return [
    { id: site.id, name: `${site.name} (site)`, current: current.site, previous: previous?.site },
    ...current.lines.map((line) => ({
      id: line.id,
      name: lineNames.get(line.id) ?? line.id,
      href: lineHref(line.id),
      current: line,
      previous: previous?.lines.find((p) => p.id === line.id),
    })),
  ];
}
