// The outage log: every outage overlapping the chosen window, newest first, filterable by line,
// device, primary/secondary, maintenance and open/closed, and exportable as CSV exactly as shown.
import { useMemo, useState } from 'react';
import type { ConsoleOutage } from '../../../../shared/contract';
import { useWall } from '../../../live/wall-store';
import { useClient } from '../../../app/client-context';
import { downloadText } from '../download';
import { formatCount, formatDuration } from '../../../../shared/format';
import { formatDateTime } from '../format-operator';
import { outageCsvFileName, outagesToCsv } from './outage-csv';
import { DEFAULT_OUTAGE_FILTER, filterOutages, summarizeOutages, type OutageFilter } from './outage-filters';
import { resolveRange, type RangeChoice } from '../time-range';
import { useInterval, useRequest } from '../use-request';
import { LoadStatus, OperatorPage, endpointHref } from '../OperatorPage';
import { OutageFilters } from './OutageFilters';
import { trackUsage } from '../../telemetry/start-telemetry';
import { OutageCause } from '../OutageCause';
import { TYPE_LABEL } from '../../../live/format-live';
import type { WallLine } from '../../../../shared/contract';

/** The CSV's cause words name the device type, as the table does. */
function deviceLabelIn(lines: readonly WallLine[]) {
  const types = new Map(lines.flatMap((l) => l.endpoints.map((e) => [e.id, TYPE_LABEL[e.type]] as const)));
  return (endpointId: string): string => types.get(endpointId) ?? 'Device';
}

const ROW_LIMIT = 5_000;

function StatusCell({ outage }: { outage: ConsoleOutage }) {
  if (outage.endedAt === null) return <span className="op-tag op-tag--down">✕ OPEN</span>;
  return <span className="op-tag op-tag--up">✓ closed</span>;
}

function OutageRow({ outage, timeZone }: { outage: ConsoleOutage; timeZone: string | undefined }) {
  return (
    <tr data-outage-id={outage.id} data-open={outage.endedAt === null}>
      <td>
        <StatusCell outage={outage} />
      </td>
      <td>
        <span className="op-muted">{outage.lineName || '(removed)'}</span>
        <br />
        <a href={endpointHref(outage.endpointId)}>{outage.endpointName}</a>
      </td>
      <td>{formatDateTime(outage.startedAt, timeZone, true)}</td>
      <td>{outage.endedAt ? formatDateTime(outage.endedAt, timeZone, true) : 'still down'}</td>
      <td className="op-num">{formatDuration(outage.duration_s)}</td>
      <td>
        {outage.secondaryOf ? `Secondary of ${outage.secondaryOf}` : 'Primary'}
        {outage.inMaintenance && <span className="op-tag op-tag--maint"> ⚒ maintenance</span>}
        {outage.endedByGap && <span className="op-tag"> ? ended by gap</span>}
      </td>
      <td className="op-wrap">
        <OutageCause
          endpointId={outage.endpointId}
          kind={outage.failureKind}
          message={outage.failureMessage}
        />
      </td>
      <td className="op-wrap">
        {outage.acknowledgedBy ? (
          <>
            ✓ {outage.acknowledgedBy}
            {outage.note && <span className="op-note"> — {outage.note}</span>}
          </>
        ) : outage.secondaryOf ? (
          <span className="op-muted">no alarm (secondary)</span>
        ) : (
          <span className="op-muted">not acknowledged</span>
        )}
      </td>
    </tr>
  );
}

export function OutagesPage() {
  const client = useClient();
  const lines = useWall((state) => state.lines);
  const timeZone = useWall((state) => state.site?.timezone);
  const [filter, setFilter] = useState<OutageFilter>(DEFAULT_OUTAGE_FILTER);
  const [range, setRange] = useState<RangeChoice>({ kind: 'preset', preset: '24h' });
  // Moves a preset window forward with the clock every 30 s.
  const [now, setNow] = useState(() => Date.now());
  const span = useMemo(() => resolveRange(range, now, timeZone ?? 'UTC'), [range, now, timeZone]);
  const query = 'error' in span ? null : { ...span, lineId: filter.lineId, endpointId: filter.endpointId };
  const result = useRequest(JSON.stringify(query), async () => {
    if (!query) return { outages: [], truncated: false };
    return client.listOutages({
      from: query.from,
      to: query.to,
      limit: ROW_LIMIT,
      ...(query.lineId ? { lineId: query.lineId } : {}),
      ...(query.endpointId ? { endpointId: query.endpointId } : {}),
    });
  });
  useInterval(() => setNow(Date.now()), 30_000);
  const shown = useMemo(() => filterOutages(result.data?.outages ?? [], filter), [result.data, filter]);
  const summary = summarizeOutages(shown);

  const exportCsv = (): void => {
    if (!query) return;
    downloadText(
      outageCsvFileName(query.from, query.to),
      outagesToCsv(shown, timeZone, deviceLabelIn(lines)),
    );
    trackUsage({ name: 'Report Exported', format: 'outages-csv' });
  };

  return (
    <OperatorPage
      name="outages"
      title="Outage log"
      subtitle={
        result.status === 'ok' || result.data
          ? `${formatCount(summary.count)} outages · ${formatCount(summary.open)} still open · ${formatDuration(summary.totalDown_s)} down in total`
          : 'Loading…'
      }
      actions={
        <button type="button" className="op-button" onClick={exportCsv} disabled={shown.length === 0}>
          ⬇ Export CSV ({shown.length})
        </button>
      }
    >
      <OutageFilters
        lines={lines}
        filter={filter}
        range={range}
        timeZone={timeZone ?? 'UTC'}
        onFilter={setFilter}
        onRange={setRange}
      />
      {'error' in span && <p className="op-status op-status--error">⚠ {span.error}</p>}
      {result.data?.truncated && (
        <p className="op-status op-status--warn">
          ⚠ More than {formatCount(ROW_LIMIT)} outages match: only the newest are listed. Narrow the window.
        </p>
      )}
      <LoadStatus
        status={result.status}
        error={result.error}
        empty={shown.length === 0}
        what="outages"
        emptyText="No outages match these filters in this window."
      />
      {shown.length > 0 && (
        <div className="op-table-wrap">
          <table className="op-table op-table--outages">
            <thead>
              <tr>
                <th>Status</th>
                <th>Device</th>
                <th>Started</th>
                <th>Ended</th>
                <th>Duration</th>
                <th>Kind</th>
                <th>Failure</th>
                <th>Acknowledged</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((outage) => (
                <OutageRow key={outage.id} outage={outage} timeZone={timeZone} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </OperatorPage>
  );
}
