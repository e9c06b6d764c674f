import { describe, expect, it } from 'vitest';
import {
  startBrowserNotifications,
  type NoticeOptions,
  type NotificationApi,
  type NotificationPermissionState,
} from '@src/renderer/features/alarms/browser-notifications';
import type { DesktopNotificationEvent } from '@src/shared/contract';
import { fakeServices, flush } from '../../../../support/fake-bridge';

/** The browser's Notification API: records what was shown and how often permission was asked. */
function fakeNotificationApi(
  permission: NotificationPermissionState,
  answer: NotificationPermissionState = 'granted',
) {
  const shown: { title: string; options: NoticeOptions }[] = [];
  const state = { permission, asked: 0 };
  // eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a constructor with statics, like the browser's
  class FakeNotification {
    static get permission(): NotificationPermissionState {
      return state.permission;
    }
    static requestPermission(): Promise<NotificationPermissionState> {
      state.asked += 1;
      state.permission = answer;
      return Promise.resolve(answer);
    }
    constructor(title: string, options: NoticeOptions) {
      shown.push({ title, options });
    }
  }
  return { api: FakeNotification satisfies NotificationApi, shown, state };
}

const notice: DesktopNotificationEvent = {
  title: 'press1-plc down',
  body: 'Press line 1 · critical · 850/min',
  tag: 'linewatch-alarm-7',
  severity: 'critical',
  type: 'alarm.raised',
  alarmIds: [7],
};

describe('browser notifications (headless dashboard)', () => {
  it('shows each desktop notice with its tag once permission is granted', async () => {
    const services = fakeServices();
    const { api, shown } = fakeNotificationApi('granted');
    const stop = startBrowserNotifications(services.client, { api, target: new EventTarget() });
    services.emit('desktopNotification', notice);
    await flush();
    expect(shown).toEqual([
      {
        title: 'press1-plc down',
        options: {
          body: 'Press line 1 · critical · 850/min',
          tag: 'linewatch-alarm-7',
          requireInteraction: true,
          silent: false,
        },
      },
    ]);
    stop();
    services.emit('desktopNotification', notice);
    await flush();
    expect(shown).toHaveLength(1);
  });

  it('asks for permission at the first gesture, once, and shows nothing when denied', async () => {
    const services = fakeServices();
    const target = new EventTarget();
    const { api, shown, state } = fakeNotificationApi('default', 'denied');
    startBrowserNotifications(services.client, { api, target });
    target.dispatchEvent(new Event('pointerdown'));
    target.dispatchEvent(new Event('keydown'));
    await flush();
    expect(state.asked).toBe(1);
    services.emit('desktopNotification', notice);
    await flush();
    expect(shown).toEqual([]);
    expect(state.asked).toBe(1);
  });

  it('does nothing where the browser has no Notification API', () => {
    const services = fakeServices();
    expect(() =>
      startBrowserNotifications(services.client, { api: undefined, target: new EventTarget() }),
    ).not.toThrow();
  });
});
