// The shift handover: what the outgoing shift tells the incoming one. Figures come from the KPI
// report over the shift; outages and alarms come from the store with the names from the config,
// so the object can be rendered (handover-html.ts) or sent to the renderer as it is.
import { SEVERITIES } from '../../shared/contract';
import type { HandoverAlarm, HandoverOutage, ShiftHandover } from '../../shared/contract/report-contract';
import type { LineFigures } from '../../shared/report/report-schema';
import type { EndpointType } from '../../shared/domain/endpoint';
import { isoTime as iso, isoTimeOrNull as isoOrNull } from '../../shared/time';
import type { LinewatchConfig } from '../config';
import { buildReport } from '../kpi';
import type { Store } from '../store';
import { toAlarmViews } from '../alarms/alarm-views';
import type { HandoverWindow } from './handover-window';

const WORST_DEVICES = 5;

const figures = (f: LineFigures) => ({
  up_s: f.up_s,
  down_s: f.down_s,
  maintenance_s: f.maintenance_s,
  unknown_s: f.unknown_s,
  availability: f.availability,
  failures: f.failures,
  downtime_cost: f.downtime_cost,
});

interface Names {
  endpointName: string;
  endpointType: EndpointType | null;
  lineId: string;
  lineName: string;
}

function namesOf(config: LinewatchConfig): (endpointId: string) => Names {
  const names = new Map<string, Names>(
    config.lines.flatMap((l) =>
      l.endpoints.map((e) => [
        e.id,
        { endpointName: e.name, endpointType: e.type, lineId: l.id, lineName: l.name },
      ]),
    ),
  );
  // An endpoint removed from the config since keeps its id as its name.
  return (id) => names.get(id) ?? { endpointName: id, endpointType: null, lineId: '', lineName: '' };
}

export function buildShiftHandover(
  store: Store,
  config: LinewatchConfig,
  window: HandoverWindow,
  nowMs: number,
): ShiftHandover {
  const { fromMs, toMs } = window;
  const report = buildReport(store, config, { fromMs, toMs, nowMs });
  const names = namesOf(config);
  const lineFigures = new Map(report.lines.map((l) => [l.id, l]));

  const stored = store.outages.overlapping(fromMs, toMs);
  const alarms = store.alarms.byOutage(stored.map((o) => o.id));
  const outages = stored.map((o): HandoverOutage => {
    const alarm = alarms.get(o.id);
    const end = o.endedAt ?? Math.max(nowMs, o.startedAt);
    return {
      outageId: o.id,
      endpointId: o.endpointId,
      ...names(o.endpointId),
      startedAt: iso(o.startedAt),
      endedAt: isoOrNull(o.endedAt),
      duration_s: (end - o.startedAt) / 1000,
      endedByGap: o.endedByGap,
      inMaintenance: o.inMaintenance,
      secondaryOf: o.secondaryOfEndpoint,
      failureKind: o.failureKind,
      failureMessage: o.failureMessage,
      acknowledgedAt: isoOrNull(alarm?.acknowledgedAt ?? null),
      acknowledgedBy: alarm?.acknowledgedBy ?? null,
      note: alarm?.note ?? null,
    };
  });

  const worstDevices = report.endpoints
    .filter((e) => e.down_s > 0)
    .sort((a, b) => b.down_s - a.down_s || b.failures - a.failures || a.id.localeCompare(b.id))
    .slice(0, WORST_DEVICES)
    .map((e) => {
      const { endpointName, lineName } = names(e.id);
      return {
        endpointId: e.id,
        endpointName,
        lineName,
        down_s: e.down_s,
        failures: e.failures,
        availability: e.availability,
      };
    });

  const open = store.alarms.openAt(toMs);
  const briefs = store.outages.briefs(open.map((a) => a.outageId));
  // Impact as the next shift inherits it: evaluated at the end of the shift, not at printing time.
  const views = toAlarmViews(open, config, store, Math.min(toMs, nowMs));
  const impacts = new Map(views.map((v) => [v.id, v.impact]));
  const impactOf = (alarmId: number) => {
    const found = impacts.get(alarmId);
    // toAlarmViews gives one view per alarm it is given.
    if (!found) throw new Error(`no impact for alarm ${alarmId}`);
    return found;
  };
  const openAlarms = open.map((a): HandoverAlarm => {
    const acknowledged = a.acknowledgedAt !== null && a.acknowledgedAt <= toMs;
    const { endpointName, lineName } = names(a.endpointId);
    return {
      alarmId: a.id,
      endpointId: a.endpointId,
      endpointName,
      lineName,
      startedAt: iso(briefs.get(a.outageId)?.startedAt ?? a.raisedAt),
      raisedAt: iso(a.raisedAt),
      failureMessage: briefs.get(a.outageId)?.failureMessage ?? null,
      acknowledged,
      cleared: a.clearedAt !== null && a.clearedAt <= toMs,
      // What the next shift was told: an acknowledgement made after the handover is not shown.
      acknowledgedBy: acknowledged ? a.acknowledgedBy : null,
      note: acknowledged ? a.note : null,
      impact: impactOf(a.id),
    };
  });
  // Most severe first, then oldest first (openAt gives oldest first; the sort is stable).
  const rank = (a: HandoverAlarm): number => SEVERITIES.indexOf(a.impact.severity);
  openAlarms.sort((x, y) => rank(x) - rank(y));

  return {
    site: { ...config.site },
    shift: window.shift,
    from: iso(fromMs),
    to: iso(toMs),
    generatedAt: iso(nowMs),
    totals: figures(report.site),
    lines: config.lines.map((l) => {
      const f = lineFigures.get(l.id);
      return {
        id: l.id,
        name: l.name,
        ...(f
          ? figures(f)
          : {
              up_s: 0,
              down_s: 0,
              maintenance_s: 0,
              unknown_s: 0,
              availability: null,
              failures: 0,
              downtime_cost: null,
            }),
      };
    }),
    outages,
    worstDevices,
    openAlarms,
  };
}
