// What an alarm email says: a subject a shift lead can triage from the inbox list, a plain-text
// body for any mail client, and the same facts as HTML. One message per alarm, or one per group
// (a storm), never one per device. Every figure is formatted by src/shared/format, as on the wall;
// every piece of text from the config or an operator is escaped in the HTML.
import { formatCost, formatCount, formatDuration } from '../../../shared/format';
import { isoTime } from '../../../shared/time';
import { escapeHtml, siteClock } from '../../reports/handover-format';
import { worstAlarm, type NotificationMessage, type NotificationType, type NotifiedAlarm } from '../channel';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** Members listed in a group message; the rest are counted ("and 12 more"). */
export const MAX_LISTED_MEMBERS = 100;
/** Dependants named under "Affected"; the rest are counted. */
const MAX_NAMED_AFFECTED = 10;

const TAG: Record<NotificationType, string> = {
  'alarm.raised': '',
  'alarm.escalated': 'ESCALATED ',
  'alarm.cleared': 'CLEARED ',
  'alarm.acknowledged': 'ACKNOWLEDGED ',
};

/** Header text must stay on one line: names come from the config and notes from operators. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function linesPhrase(alarms: readonly NotifiedAlarm[]): string {
  const lines = distinct(alarms.map((alarm) => alarm.line.name));
  return lines.length === 1 ? (lines[0] ?? '') : `${formatCount(lines.length)} lines`;
}

export function emailSubject(message: NotificationMessage): string {
  const worst = worstAlarm(message.alarms);
  if (!worst) return '[Linewatch] (empty notification)';
  const tag = TAG[message.type];
  const severity = message.type === 'alarm.cleared' ? '' : `${worst.severity.toUpperCase()} `;
  if (message.alarms.length === 1) {
    const what = `${worst.line.name}: ${worst.endpoint.name}`;
    const state: Record<NotificationType, string> = {
      'alarm.raised': 'down',
      'alarm.escalated': 'down, not acknowledged',
      'alarm.cleared': 'up again',
      'alarm.acknowledged': worst.acknowledgedBy ? `acknowledged by ${worst.acknowledgedBy}` : 'acknowledged',
    };
    return oneLine(`[Linewatch] ${tag}${severity}${what} ${state[message.type]}`);
  }
  const count = formatCount(message.alarms.length);
  const where = linesPhrase(message.alarms);
  const state: Record<NotificationType, string> = {
    'alarm.raised': `${count} devices down on ${where}`,
    'alarm.escalated': `${count} devices down on ${where}, not acknowledged`,
    'alarm.cleared': `${count} devices up again on ${where}`,
    'alarm.acknowledged': `${count} alarms acknowledged on ${where}`,
  };
  return oneLine(`[Linewatch] ${tag}${severity}${state[message.type]}`);
}

/**
 * A group's cost rate with each line counted once: two alarms that take the same line down each
 * carry that line's rate, so per set of lines taken down only the largest rate is summed.
 */
export function groupCostRate(alarms: readonly NotifiedAlarm[]): number {
  const byLines = new Map<string, number>();
  for (const alarm of alarms) {
    const key = alarm.impact.affected.lineIds.join(',');
    byLines.set(key, Math.max(byLines.get(key) ?? 0, alarm.impact.costPerMinute));
  }
  return [...byLines.values()].reduce((sum, rate) => sum + rate, 0);
}

interface Clock {
  at(ms: number): string;
  /** Which clock the times are on, said once in the footer. */
  zone: string;
}

/** Site-local "14:10" (with the date when it is another day than the message's), else UTC ISO. */
function clockFor(timezone: string | undefined, referenceMs: number): Clock {
  if (timezone === undefined) return { at: (ms) => isoTime(ms), zone: 'UTC' };
  const clock = siteClock(timezone);
  return { at: (ms) => clock.timeNear(ms, referenceMs), zone: `${timezone} time` };
}

const costRate = (rate: number): string => `${formatCost(rate)} / min`;

function affectedText(alarm: NotifiedAlarm): string {
  const { endpointIds, lineIds } = alarm.impact.affected;
  const named = endpointIds.slice(0, MAX_NAMED_AFFECTED).join(', ');
  const more =
    endpointIds.length > MAX_NAMED_AFFECTED
      ? ` and ${formatCount(endpointIds.length - MAX_NAMED_AFFECTED)} more`
      : '';
  const devices =
    endpointIds.length === 0
      ? 'no dependent devices'
      : `${formatCount(endpointIds.length)} dependent device(s): ${named}${more}`;
  const lines = lineIds.length === 0 ? 'no line down' : `line(s) down: ${lineIds.join(', ')}`;
  return `${devices}; ${lines}`;
}

/** The facts of one alarm as label/value pairs, shared by the text and the HTML body. */
function alarmFacts(alarm: NotifiedAlarm, clock: Clock): [string, string][] {
  const { impact } = alarm;
  const facts: [string, string][] = [
    ['Severity', alarm.severity.toUpperCase() + (impact.inMaintenance ? ' (in maintenance)' : '')],
    ['Device', `${alarm.endpoint.name} (${alarm.endpoint.id})`],
    ['Line', `${alarm.line.name} (${alarm.line.id})`],
    ['Cost rate', costRate(impact.costPerMinute)],
    ['Cost so far', formatCost(impact.costSoFar)],
    ['Affected', affectedText(alarm)],
    ['Cascade risk', impact.cascadeRisk],
    [
      'Expected recovery',
      impact.expectedRecoveryS === null
        ? 'no repair history'
        : `${formatDuration(impact.expectedRecoveryS)} (median repair of the past 90 days)`,
    ],
    ['Shift', impact.shift?.name ?? 'none'],
    ['Down since', clock.at(alarm.startedAt)],
    ['Detected', clock.at(alarm.detectedAt)],
  ];
  if (alarm.clearedAt !== null) {
    facts.push([
      'Cleared',
      `${clock.at(alarm.clearedAt)}, after ${formatDuration((alarm.clearedAt - alarm.startedAt) / 1000)}`,
    ]);
  }
  if (alarm.acknowledgedAt !== null) {
    facts.push(['Acknowledged', `${clock.at(alarm.acknowledgedAt)} by ${alarm.acknowledgedBy ?? 'unknown'}`]);
  }
  if (alarm.secondaryEndpointIds.length > 0) {
    facts.push(['Also down behind it', alarm.secondaryEndpointIds.join(', ')]);
  }
  return facts;
}

function headline(message: NotificationMessage): string {
  const count = message.alarms.length;
  const subject = count === 1 ? 'This alarm' : `These ${formatCount(count)} alarms`;
  switch (message.type) {
    case 'alarm.raised':
      return count === 1
        ? 'A device is down.'
        : `${formatCount(count)} devices are down (${message.group?.reason ?? 'grouped'}).`;
    case 'alarm.escalated':
      return `${subject} ${count === 1 ? 'has' : 'have'} not been acknowledged in time.`;
    case 'alarm.cleared':
      return count === 1 ? 'The device is up again.' : `${formatCount(count)} devices are up again.`;
    case 'alarm.acknowledged':
      return `${subject} ${count === 1 ? 'was' : 'were'} acknowledged.`;
  }
}

function summaryFacts(message: NotificationMessage): [string, string][] {
  const { alarms } = message;
  const worst = worstAlarm(alarms);
  return [
    ['Devices', formatCount(alarms.length)],
    ['Lines', distinct(alarms.map((alarm) => alarm.line.name)).join(', ')],
    ['Worst severity', worst ? worst.severity.toUpperCase() : ''],
    ['Cost rate', costRate(groupCostRate(alarms))],
  ];
}

const padLabel = (facts: [string, string][]): string => {
  const width = Math.max(...facts.map(([label]) => label.length)) + 2;
  return facts.map(([label, value]) => `${label.padEnd(width)}${value}`).join('\n');
};

function memberLine(alarm: NotifiedAlarm, clock: Clock): string {
  const recovery =
    alarm.impact.expectedRecoveryS === null ? 'no history' : formatDuration(alarm.impact.expectedRecoveryS);
  return `- ${alarm.severity.toUpperCase()}  ${alarm.endpoint.name} (${alarm.line.name}), down since ${clock.at(alarm.startedAt)}, ${costRate(alarm.impact.costPerMinute)}, expected recovery ${recovery}`;
}

function footer(message: NotificationMessage, clock: Clock): string {
  return `Site ${message.site.name} (${message.site.id}), sent by Linewatch at ${clock.at(message.sentAt)} (times are ${clock.zone}).`;
}

export function emailText(message: NotificationMessage, clock: Clock): string {
  const parts = [headline(message), ''];
  if (message.alarms.length === 1 && message.alarms[0]) {
    parts.push(padLabel(alarmFacts(message.alarms[0], clock)));
  } else {
    parts.push(padLabel(summaryFacts(message)), '');
    const listed = message.alarms.slice(0, MAX_LISTED_MEMBERS);
    parts.push(...listed.map((alarm) => memberLine(alarm, clock)));
    if (message.alarms.length > listed.length)
      parts.push(`- and ${formatCount(message.alarms.length - listed.length)} more`);
  }
  parts.push('', footer(message, clock), '');
  return parts.join('\n');
}

const CELL = 'style="padding:2px 12px 2px 0;text-align:left;vertical-align:top"';

function factsTable(facts: [string, string][]): string {
  const rows = facts.map(
    ([label, value]) => `<tr><th ${CELL}>${escapeHtml(label)}</th><td ${CELL}>${escapeHtml(value)}</td></tr>`,
  );
  return `<table>${rows.join('')}</table>`;
}

function membersTable(alarms: readonly NotifiedAlarm[], clock: Clock): string {
  const head = ['Severity', 'Device', 'Line', 'Down since', 'Cost rate', 'Expected recovery'];
  const rows = alarms.map((alarm) => {
    const recovery =
      alarm.impact.expectedRecoveryS === null ? 'no history' : formatDuration(alarm.impact.expectedRecoveryS);
    const cells = [
      alarm.severity.toUpperCase(),
      alarm.endpoint.name,
      alarm.line.name,
      clock.at(alarm.startedAt),
      costRate(alarm.impact.costPerMinute),
      recovery,
    ];
    return `<tr>${cells.map((cell) => `<td ${CELL}>${escapeHtml(cell)}</td>`).join('')}</tr>`;
  });
  return `<table><tr>${head.map((cell) => `<th ${CELL}>${cell}</th>`).join('')}</tr>${rows.join('')}</table>`;
}

export function emailHtml(message: NotificationMessage, clock: Clock): string {
  const body: string[] = [`<p><strong>${escapeHtml(headline(message))}</strong></p>`];
  if (message.alarms.length === 1 && message.alarms[0]) {
    body.push(factsTable(alarmFacts(message.alarms[0], clock)));
  } else {
    body.push(factsTable(summaryFacts(message)));
    const listed = message.alarms.slice(0, MAX_LISTED_MEMBERS);
    body.push(membersTable(listed, clock));
    if (message.alarms.length > listed.length)
      body.push(`<p>and ${formatCount(message.alarms.length - listed.length)} more</p>`);
  }
  body.push(`<p style="color:#555">${escapeHtml(footer(message, clock))}</p>`);
  return `<!doctype html><html><body style="font-family:sans-serif">${body.join('')}</body></html>`;
}

/** Subject, text and HTML of one notification; times are site-local when the timezone is given. */
export function composeEmail(message: NotificationMessage, timezone?: string): EmailContent {
  const clock = clockFor(timezone, message.sentAt);
  return { subject: emailSubject(message), text: emailText(message, clock), html: emailHtml(message, clock) };
}
