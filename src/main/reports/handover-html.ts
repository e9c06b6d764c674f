// Renders a ShiftHandover as one self-contained, printable HTML page (A4 landscape). Every text
// that comes from config, devices or operators is escaped: a device name or a note is user input.
import type { HandoverAlarm, HandoverOutage, ShiftHandover } from '../../shared/contract/report-contract';
import { formatAvailability, formatCost, formatCount } from '../../shared/format';
import { epochMsOfIso } from '../../shared/time';
import { HANDOVER_CSS } from './handover-css';
import {
  availabilityClass,
  escapeHtml as e,
  formatPrintedDuration,
  SEVERITY_PRINT,
  siteClock,
} from './handover-format';
import { ENDPOINT_TYPE_LABELS } from '../../shared/domain/endpoint';
import { failureCauseWords } from '../../shared/domain/failure';

type Clock = ReturnType<typeof siteClock>;

const tag = (text: string, alert = false): string =>
  `<span class="tag${alert ? ' alert' : ''}">${e(text)}</span>`;
const percentCell = (a: number | null): string =>
  `<td class="num ${availabilityClass(a)}">${e(formatAvailability(a))}</td>`;
const table = (head: string[], numeric: ReadonlySet<number>, rows: string[], empty: string): string =>
  rows.length === 0
    ? `<p class="empty">${e(empty)}</p>`
    : `<table><thead><tr>${head.map((h, i) => `<th${numeric.has(i) ? ' class="num"' : ''}>${e(h)}</th>`).join('')}</tr></thead>` +
      `<tbody>${rows.join('')}</tbody></table>`;

function kpis(h: ShiftHandover): string {
  const unacknowledged = h.openAlarms.filter((a) => !a.acknowledged).length;
  // [label, value, class, small second line]
  const cards: [string, string, string, string][] = [
    [
      'Site availability',
      formatAvailability(h.totals.availability),
      availabilityClass(h.totals.availability),
      '',
    ],
    ['Down time (lines)', formatPrintedDuration(h.totals.down_s), '', ''],
    ['Line failures', formatCount(h.totals.failures), h.totals.failures > 0 ? 'bad' : '', ''],
    ['Downtime cost', formatCost(h.totals.downtime_cost), '', ''],
    [
      'Alarms handed over',
      formatCount(h.openAlarms.length),
      unacknowledged > 0 ? 'bad' : '',
      h.openAlarms.length > 0 ? `${formatCount(unacknowledged)} unacknowledged` : '',
    ],
  ];
  return `<section class="kpis">${cards
    .map(
      ([label, value, cls, sub]) =>
        `<div class="kpi"><div class="label">${e(label)}</div><div class="value ${cls}">${e(value)}</div>` +
        (sub ? `<div class="sub ${cls}">${e(sub)}</div>` : '') +
        '</div>',
    )
    .join('')}</section>`;
}

function linesTable(h: ShiftHandover): string {
  const rows = h.lines.map(
    (l) =>
      `<tr><td>${e(l.name)}</td>${percentCell(l.availability)}<td class="num">${e(formatPrintedDuration(l.down_s))}</td>` +
      `<td class="num">${formatCount(l.failures)}</td><td class="num">${e(formatCost(l.downtime_cost))}</td></tr>`,
  );
  return table(
    ['Line', 'Availability', 'Down', 'Failures', 'Cost'],
    new Set([1, 2, 3, 4]),
    rows,
    'No lines configured.',
  );
}

function worstTable(h: ShiftHandover): string {
  const rows = h.worstDevices.map(
    (d) =>
      `<tr><td>${e(d.endpointName)}</td><td class="nowrap">${e(d.lineName)}</td><td class="num">${e(formatPrintedDuration(d.down_s))}</td>` +
      `<td class="num">${formatCount(d.failures)}</td>${percentCell(d.availability)}</tr>`,
  );
  return table(
    ['Device', 'Line', 'Down', 'Failures', 'Availability'],
    new Set([2, 3, 4]),
    rows,
    'No device was down in this shift.',
  );
}

/** The failure kind in words ("PLC answers with an exception"), then the probe's detail. */
function cause(o: HandoverOutage): string {
  const { failureKind: kind, failureMessage: message } = o;
  if (kind === null && message === null) return '<span class="muted">—</span>';
  const words = failureCauseWords(
    kind,
    o.endpointType === null ? undefined : ENDPOINT_TYPE_LABELS[o.endpointType],
  );
  if (words === null) return e(message ?? '');
  return message === null ? `<strong>${e(words)}</strong>` : `<strong>${e(words)}</strong>: ${e(message)}`;
}

function outageRow(o: HandoverOutage, clock: Clock, fromMs: number): string {
  const tags = [
    o.endedAt === null ? tag('ongoing', true) : '',
    o.endedByGap ? tag('ended by monitoring gap') : '',
    o.inMaintenance ? tag('maintenance') : '',
    o.secondaryOf !== null ? tag(`secondary of ${o.secondaryOf}`) : '',
  ].join('');
  const ack =
    o.acknowledgedAt === null
      ? o.secondaryOf !== null || o.inMaintenance
        ? // Secondary and planned outages raise no alarm, so there is nothing to acknowledge.
          '<span class="muted">no own alarm</span>'
        : '<span class="bad">not acknowledged</span>'
      : `${e(o.acknowledgedBy ?? 'unknown')}<br><span class="muted">${e(clock.timeNear(epochMsOfIso(o.acknowledgedAt), fromMs))}</span>`;
  const end = o.endedAt === null ? '—' : e(clock.timeNear(epochMsOfIso(o.endedAt), fromMs));
  return (
    `<tr><td>${e(o.endpointName)}${tags}<br><span class="muted">${e(o.lineName)}</span></td>` +
    `<td class="nowrap">${e(clock.timeNear(epochMsOfIso(o.startedAt), fromMs))}</td><td class="nowrap">${end}</td>` +
    `<td class="num">${e(formatPrintedDuration(o.duration_s))}${o.endedAt === null ? '<br><span class="muted">so far</span>' : ''}</td>` +
    `<td>${cause(o)}</td>` +
    `<td>${ack}</td><td class="note">${o.note ? e(o.note) : '<span class="muted">—</span>'}</td></tr>`
  );
}

function alarmRow(a: HandoverAlarm, clock: Clock, fromMs: number): string {
  const status = [
    a.acknowledged ? '' : tag('unacknowledged', true),
    a.cleared ? '' : tag('still down', true),
  ].join('');
  const ack = a.acknowledged
    ? `${e(a.acknowledgedBy ?? 'unknown')}${a.note ? `: ${e(a.note)}` : ''}`
    : '<span class="muted">—</span>';
  const severity = SEVERITY_PRINT[a.impact.severity];
  const rate =
    a.impact.costPerMinute > 0
      ? `<br><span class="muted">${e(formatCost(a.impact.costPerMinute))}/min</span>`
      : '';
  return (
    `<tr data-severity="${a.impact.severity}"><td class="nowrap severity severity-${a.impact.severity}">${severity.mark} ${severity.text}</td>` +
    `<td>${e(a.endpointName)}<br><span class="muted">${e(a.lineName)}</span></td>` +
    `<td class="num">${e(formatCost(a.impact.costSoFar))}${rate}</td>` +
    `<td class="nowrap">${e(clock.timeNear(epochMsOfIso(a.startedAt), fromMs))}</td>` +
    `<td class="nowrap">${e(clock.timeNear(epochMsOfIso(a.raisedAt), fromMs))}</td>` +
    `<td>${a.failureMessage ? e(a.failureMessage) : '<span class="muted">—</span>'}</td><td>${status}</td><td>${ack}</td></tr>`
  );
}

export function renderHandoverHtml(h: ShiftHandover): string {
  const clock = siteClock(h.site.timezone);
  const fromMs = epochMsOfIso(h.from);
  const toMs = epochMsOfIso(h.to);
  const title = h.shift ? `Shift handover — ${h.shift.name}` : 'Handover — custom window';
  const when = `${clock.date(fromMs)}, ${clock.time(fromMs)} – ${clock.timeNear(toMs, fromMs)}`;
  const outages = table(
    ['Device', 'Start', 'End', 'Duration', 'Cause', 'Acknowledged', 'Note'],
    new Set([3]),
    h.outages.map((o) => outageRow(o, clock, fromMs)),
    'No outages in this shift.',
  );
  const alarms = table(
    [
      'Severity',
      'Device',
      'Cost so far',
      'Down since',
      'Alarm raised',
      'Cause',
      'Status at handover',
      'Acknowledged by',
    ],
    new Set<number>([2]),
    h.openAlarms.map((a) => alarmRow(a, clock, fromMs)),
    'No open alarms: nothing is handed over.',
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(`${title} · ${h.site.name} · ${when}`)}</title>
<style>${HANDOVER_CSS}</style>
</head>
<body>
<header>
  <div><h1>${e(title)}</h1><div class="when">${e(h.site.name)} · ${e(when)} <span class="muted">(${e(h.site.timezone)})</span></div></div>
  <div class="meta">Generated ${e(`${clock.date(epochMsOfIso(h.generatedAt))}, ${clock.time(epochMsOfIso(h.generatedAt))}`)}<br>Linewatch</div>
</header>
${kpis(h)}
<div class="columns">
  <section><h2>Lines</h2>${linesTable(h)}</section>
  <section><h2>Worst devices (by down time)</h2>${worstTable(h)}</section>
</div>
<section><h2>Alarms handed over to the next shift</h2>${alarms}</section>
<section><h2>Outages during the shift</h2>${outages}</section>
<section class="signoff"><div>Handed over by (name, time)</div><div>Taken over by (name, time)</div></section>
</body>
</html>
`;
}
