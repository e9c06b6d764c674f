// The one interface every notification channel (webhook, desktop, email, MQTT) implements, and the
// message the dispatcher hands them. A channel only delivers: rules, grouping, escalation timers,
// retries with backoff and the delivery log live in the dispatcher, so a channel's deliver() makes
// ONE attempt and rejects when it fails (the dispatcher retries and logs the error message).
import {
  NOTIFICATION_CHANNEL_KINDS,
  NOTIFICATION_TYPES,
  type AlarmImpact,
  type Severity,
} from '../../shared/contract';
import type { EndpointState } from '../../shared/domain/endpoint';

export { NOTIFICATION_TYPES };
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export type ChannelKind = (typeof NOTIFICATION_CHANNEL_KINDS)[number];

/** One alarm as a notification carries it. Times are epoch ms (payloads turn them into ISO). */
export interface NotifiedAlarm {
  id: number;
  endpoint: { id: string; name: string };
  line: { id: string; name: string };
  severity: Severity;
  /** When the outage behind the alarm started. */
  startedAt: number;
  /** When the monitor raised the alarm (detection). */
  detectedAt: number;
  clearedAt: number | null;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  impact: AlarmImpact;
  /** Endpoints down behind this one (secondary alarms are never sent on their own: they are listed here). */
  secondaryEndpointIds: string[];
}

export interface NotificationMessage {
  type: NotificationType;
  sentAt: number;
  site: { id: string; name: string };
  /** One alarm, or a group (a storm collected over the grouping window), worst severity first. */
  alarms: NotifiedAlarm[];
  /** Null for a single alarm; for a group, why it was grouped and how many alarms it holds. */
  group: { reason: string; count: number } | null;
}

export interface Channel {
  /** The channel's config id. */
  readonly id: string;
  readonly kind: ChannelKind;
  /** One attempt; resolves when the far side accepted it, rejects (with a readable Error) otherwise. */
  deliver(message: NotificationMessage, signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/** One endpoint's state as the monitor sees it now (for channels that mirror states, e.g. MQTT retained). */
export interface EndpointStateUpdate {
  lineId: string;
  endpointId: string;
  state: EndpointState;
  /** When the state began (ISO), null while unknown. */
  since: string | null;
}

/** A channel that also mirrors endpoint states (MQTT retained topics); the services feed it on change. */
export interface EndpointStateSink {
  publishStates(updates: readonly EndpointStateUpdate[]): void;
}

export function isEndpointStateSink(channel: Channel): channel is Channel & EndpointStateSink {
  return typeof (channel as Partial<EndpointStateSink>).publishStates === 'function';
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 3, high: 2, medium: 1, low: 0 };

/** Ranks severities so rules can compare them (`min_severity`) and groups can sort worst first. */
export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

/** Worst severity first, then the earliest detected, then by id (a stable order for receivers). */
export function worstFirst(alarms: readonly NotifiedAlarm[]): NotifiedAlarm[] {
  return [...alarms].sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) || a.detectedAt - b.detectedAt || a.id - b.id,
  );
}

/** The alarm a group leads with: the worst severity, then the earliest detected. */
export function worstAlarm(alarms: readonly NotifiedAlarm[]): NotifiedAlarm | undefined {
  return worstFirst(alarms)[0];
}
