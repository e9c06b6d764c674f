// The desktop channel in a browser: when the console runs as a web dashboard (headless host), main
// sends each desktop notice as a `desktopNotification` event and this shows it with the browser
// Notification API, so a control-room PC with the dashboard in a background tab still pops up the
// alarm. In the Electron shell main shows the notice natively and never sends the event.
//
// Browsers grant the permission only when asked from a user gesture, so it is asked at the first
// click or key press on the page (once), and again when a notice arrives while still undecided.
import type { DesktopNotificationEvent, Unsubscribe } from '../../../shared/contract';
import type { LinewatchClient } from '../../client/linewatch-client';

// Typed here rather than from the DOM lib: feature .ts files are also compiled by the node-side
// tsconfig (for their tests), which has no DOM types.
export type NotificationPermissionState = 'default' | 'granted' | 'denied';

export interface NoticeOptions {
  body: string;
  tag: string;
  requireInteraction: boolean;
  silent: boolean;
}

/** The part of the browser's Notification API used here (a fake in tests). */
export interface NotificationApi {
  readonly permission: NotificationPermissionState;
  requestPermission(): Promise<NotificationPermissionState>;
  new (title: string, options: NoticeOptions): unknown;
}

export interface GestureTarget {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

export interface BrowserNotificationsOptions {
  api?: NotificationApi | undefined;
  /** Where the first user gesture is awaited (the document by default). */
  target?: GestureTarget;
}

const browserGlobals = globalThis as { Notification?: NotificationApi; document?: GestureTarget };

export function startBrowserNotifications(
  client: Pick<LinewatchClient, 'on'>,
  options: BrowserNotificationsOptions = {},
): Unsubscribe {
  const api = 'api' in options ? options.api : browserGlobals.Notification;
  const target = options.target ?? browserGlobals.document;
  if (api === undefined || target === undefined) return () => undefined;

  const ask = async (): Promise<NotificationPermissionState> => {
    try {
      return api.permission === 'default' ? await api.requestPermission() : api.permission;
    } catch {
      return 'denied';
    }
  };
  const askOnGesture = (): void => {
    target.removeEventListener('pointerdown', askOnGesture);
    target.removeEventListener('keydown', askOnGesture);
    void ask();
  };
  if (api.permission === 'default') {
    target.addEventListener('pointerdown', askOnGesture);
    target.addEventListener('keydown', askOnGesture);
  }

  const show = async (notice: DesktopNotificationEvent): Promise<void> => {
    if ((await ask()) !== 'granted') return;
    // The tag makes a newer notice for the same alarm or group replace the older one.
    new api(notice.title, {
      body: notice.body,
      tag: notice.tag,
      requireInteraction: notice.severity === 'critical',
      silent: notice.type === 'alarm.cleared' || notice.type === 'alarm.acknowledged',
    });
  };
  const unsubscribe = client.on('desktopNotification', (notice) => void show(notice));
  return () => {
    unsubscribe();
    target.removeEventListener('pointerdown', askOnGesture);
    target.removeEventListener('keydown', askOnGesture);
  };
}
