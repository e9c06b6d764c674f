// What an alarm email says, for each kind of notification, single and grouped.
import { describe, expect, it } from 'vitest';
import {
  composeEmail,
  emailSubject,
  groupCostRate,
  MAX_LISTED_MEMBERS,
} from '@src/main/notifications/channels/email-content';
import { aNotification, aNotifiedAlarm } from '../../../../support/notification-builders';

const plc = aNotifiedAlarm('press1-plc', {
  endpoint: { id: 'press1-plc', name: 'Press 1 PLC' },
  severity: 'critical',
});

describe('emailSubject', () => {
  it('names severity, line and device for one alarm, by notification type', () => {
    expect(emailSubject(aNotification('alarm.raised', [plc]))).toBe(
      '[Linewatch] CRITICAL Press line 1: Press 1 PLC down',
    );
    expect(emailSubject(aNotification('alarm.escalated', [plc]))).toBe(
      '[Linewatch] ESCALATED CRITICAL Press line 1: Press 1 PLC down, not acknowledged',
    );
    expect(
      emailSubject(aNotification('alarm.cleared', [{ ...plc, clearedAt: plc.startedAt + 60_000 }])),
    ).toBe('[Linewatch] CLEARED Press line 1: Press 1 PLC up again');
    expect(emailSubject(aNotification('alarm.acknowledged', [{ ...plc, acknowledgedBy: 'Anna' }]))).toBe(
      '[Linewatch] ACKNOWLEDGED CRITICAL Press line 1: Press 1 PLC acknowledged by Anna',
    );
  });

  it('counts a group and names its line, or the number of lines', () => {
    const oneLine = [plc, aNotifiedAlarm('press1-hmi', { severity: 'medium' })];
    expect(emailSubject(aNotification('alarm.raised', oneLine))).toBe(
      '[Linewatch] CRITICAL 2 devices down on Press line 1',
    );
    const twoLines = [
      ...oneLine,
      aNotifiedAlarm('weld-robot', { line: { id: 'weld-1', name: 'Weld line 1' } }),
    ];
    expect(emailSubject(aNotification('alarm.raised', twoLines))).toBe(
      '[Linewatch] CRITICAL 3 devices down on 2 lines',
    );
    expect(emailSubject(aNotification('alarm.cleared', twoLines))).toBe(
      '[Linewatch] CLEARED 3 devices up again on 2 lines',
    );
  });

  it('keeps the subject on one line whatever the names hold', () => {
    const sneaky = aNotifiedAlarm('cam', { endpoint: { id: 'cam', name: 'Cam\r\nBcc: victim@example.com' } });
    const subject = emailSubject(aNotification('alarm.raised', [sneaky]));
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toBe('[Linewatch] LOW Press line 1: Cam Bcc: victim@example.com down');
  });
});

describe('groupCostRate', () => {
  it('counts the rate of each set of lines taken down once', () => {
    const press = { costPerMinute: 850, affected: { endpointIds: [], lineIds: ['press-1'] } };
    const weld = { costPerMinute: 400, affected: { endpointIds: [], lineIds: ['weld-1'] } };
    const alarms = [
      aNotifiedAlarm('a', { impact: press }),
      aNotifiedAlarm('b', { impact: press }),
      aNotifiedAlarm('c', { impact: weld }),
      aNotifiedAlarm('d'),
    ];
    expect(groupCostRate(alarms)).toBe(1_250);
  });
});

describe('composeEmail', () => {
  it('says when there is no repair history and no shift', () => {
    const { text, html } = composeEmail(aNotification('alarm.raised', [plc]), 'UTC');
    expect(text).toMatch(/Expected recovery\s+no repair history/);
    expect(text).toMatch(/Shift\s+none/);
    expect(html).toContain('no repair history');
  });

  it('marks an alarm in maintenance', () => {
    const planned = aNotifiedAlarm('press1-plc', { impact: { inMaintenance: true } });
    expect(composeEmail(aNotification('alarm.raised', [planned]), 'UTC').text).toMatch(
      /Severity\s+LOW \(in maintenance\)/,
    );
  });

  it('lists the devices down behind an alarm (its secondaries are never sent on their own)', () => {
    const parent = { ...plc, secondaryEndpointIds: ['press1-hmi', 'press1-robot'] };
    expect(composeEmail(aNotification('alarm.raised', [parent]), 'UTC').text).toMatch(
      /Also down behind it\s+press1-hmi, press1-robot/,
    );
  });

  it(`lists at most ${MAX_LISTED_MEMBERS} members of a storm and counts the rest`, () => {
    const members = Array.from({ length: MAX_LISTED_MEMBERS + 20 }, (_, i) =>
      aNotifiedAlarm(`dev-${i}`, { id: i + 1 }),
    );
    const { text, html } = composeEmail(aNotification('alarm.raised', members), 'UTC');
    expect(text).toContain(`dev-${MAX_LISTED_MEMBERS - 1} (Press line 1)`);
    expect(text).not.toContain(`dev-${MAX_LISTED_MEMBERS} (Press line 1)`);
    expect(text).toContain('- and 20 more');
    expect(html).toContain('<p>and 20 more</p>');
  });

  it('writes UTC ISO times when no timezone is given, and says so', () => {
    const { text } = composeEmail(aNotification('alarm.raised', [plc]));
    expect(text).toMatch(/Down since\s+2026-01-05T14:10:00.000Z/);
    expect(text).toContain('(times are UTC)');
  });
});
