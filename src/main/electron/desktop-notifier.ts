// The desktop channel's native side: an Electron Notification per notice (the OS notification
// centre), so the people at this machine hear of an alarm even when the console is minimised or
// behind another window. Clicking it brings the console forward.
import { Notification } from 'electron';
import type { DesktopNotice, ShowDesktopNotice } from '../notifications/channels/desktop';

/** How long to wait for Electron to report a failure before the notice counts as shown. */
const FAILURE_GRACE_MS = 500;

export function createDesktopNotifier(options: { onClick?: () => void } = {}): ShowDesktopNotice {
  // Electron drops the click handler of a Notification that was garbage collected: keep each one
  // until it is closed.
  const alive = new Set<Notification>();
  return (notice: DesktopNotice) => {
    if (!Notification.isSupported()) {
      return Promise.reject(new Error('desktop notifications are not supported on this system'));
    }
    const notification = new Notification({
      title: notice.title,
      body: notice.body,
      urgency: notice.severity === 'critical' || notice.severity === 'high' ? 'critical' : 'normal',
      silent: notice.type === 'alarm.cleared' || notice.type === 'alarm.acknowledged',
    });
    alive.add(notification);
    notification.on('close', () => alive.delete(notification));
    notification.on('click', () => options.onClick?.());
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, FAILURE_GRACE_MS);
      notification.once('show', () => {
        clearTimeout(timer);
        resolve();
      });
      notification.once('failed', (_event: unknown, error: unknown) => {
        clearTimeout(timer);
        alive.delete(notification);
        reject(new Error(`desktop notification failed: ${String(error)}`));
      });
      notification.show();
    });
  };
}
