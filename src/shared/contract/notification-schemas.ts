// Payloads of the notification entries: the delivery log shown on the alarms page (read-only) and
// the desktop notice main hands to the dashboards that show it with the browser Notification API.
import { z } from 'zod';
import { SEVERITIES } from './alarm-schemas';

const isoTime = z.iso.datetime({ offset: true });

export const NOTIFICATION_TYPES = [
  'alarm.raised',
  'alarm.cleared',
  'alarm.acknowledged',
  'alarm.escalated',
] as const;
export const NOTIFICATION_CHANNEL_KINDS = ['webhook', 'email', 'mqtt', 'desktop'] as const;
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'dropped'] as const;

export const MAX_DELIVERY_ROWS = 500;

export const ListNotificationDeliveriesRequest = z
  .object({ limit: z.number().int().min(1).max(MAX_DELIVERY_ROWS).default(100) })
  .strict();

export const NotificationDeliveryView = z.object({
  id: z.number().int().positive(),
  channelId: z.string(),
  channelKind: z.string(),
  type: z.string(),
  alarmIds: z.array(z.number().int().positive()),
  /** What the message was about, for people: the device's name, or "50 alarms" for a group. */
  about: z.string(),
  /** pending: queued or waiting for a retry; failed: gave up after the last retry; dropped: never finished (queue full, reload, stop). */
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  createdAt: isoTime,
  lastAttemptAt: isoTime.nullable(),
  deliveredAt: isoTime.nullable(),
});
export type NotificationDeliveryView = z.infer<typeof NotificationDeliveryView>;

export const NotificationDeliveryList = z.object({
  /** The configured channels, so the page can say "none configured" and name each one. */
  channels: z.array(z.object({ id: z.string(), kind: z.enum(NOTIFICATION_CHANNEL_KINDS) })),
  /** Newest first. */
  deliveries: z.array(NotificationDeliveryView),
});
export type NotificationDeliveryList = z.infer<typeof NotificationDeliveryList>;

export const DesktopNotificationEvent = z.object({
  title: z.string(),
  body: z.string(),
  /** The same tag replaces an older notice instead of piling up. */
  tag: z.string(),
  severity: z.enum(SEVERITIES),
  type: z.enum(NOTIFICATION_TYPES),
  alarmIds: z.array(z.number().int().positive()),
});
export type DesktopNotificationEvent = z.infer<typeof DesktopNotificationEvent>;
