import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesktopNotifier } from '@src/main/electron/desktop-notifier';
import { desktopNotice } from '@src/main/notifications/channels/desktop';
import { aNotification, aNotifiedAlarm } from '../../../support/notification-builders';
import { FakeNotification, resetFakeElectron } from '../../../support/fake-electron';

vi.mock('electron', async () => (await import('../../../support/fake-electron')).fakeElectronModule);

const raised = desktopNotice(
  aNotification('alarm.raised', [
    aNotifiedAlarm('press1-plc', { id: 7, severity: 'high', impact: { costPerMinute: 850 } }),
  ]),
);

describe('desktop notifier (Electron Notification)', () => {
  beforeEach(() => resetFakeElectron());

  it('shows the notice natively, urgent for high alarms, and brings the console forward on click', async () => {
    const onClick = vi.fn();
    await createDesktopNotifier({ onClick })(raised);
    const [shown] = FakeNotification.shown;
    expect(shown?.options).toEqual({
      title: 'press1-plc down',
      body: 'Press line 1 · high · 850/min',
      urgency: 'critical',
      silent: false,
    });
    shown?.emit('click');
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('a group is one notice naming the count and the worst alarm', () => {
    const notice = desktopNotice(
      aNotification('alarm.raised', [
        aNotifiedAlarm('a', { id: 1, severity: 'low' }),
        aNotifiedAlarm('b', { id: 2, severity: 'critical' }),
      ]),
    );
    expect(notice).toMatchObject({
      title: '2 alarms down',
      body: 'Press line 1 · worst: b (critical)',
      alarmIds: [1, 2],
    });
  });

  it('rejects when the system has no notifications or Electron reports a failure (so the log says so)', async () => {
    FakeNotification.supported = false;
    await expect(createDesktopNotifier()(raised)).rejects.toThrow(
      'desktop notifications are not supported on this system',
    );
    FakeNotification.supported = true;
    FakeNotification.failWith = 'toast service unavailable';
    await expect(createDesktopNotifier()(raised)).rejects.toThrow(
      'desktop notification failed: toast service unavailable',
    );
  });
});
