// From alarm signals to messages on channels.
//
// Grouping: signals are collected for `groupWindowMs` (1 s by default) from the first one, then
// handled as one batch: the alarms are described once (impact, severity), matched against the
// rules, and each channel gets ONE message per type with every alarm of the batch that is for it
// (a group when more than one). A storm of 300 devices going down within the window is one webhook
// call, one email, one desktop notice; a storm spread over longer is one message per window, which
// also caps the rate at one message per type per window per channel. An alarm is never sent twice
// for the same type on the same channel (dedupe).
//
// What is not sent: secondary outages raise no alarm (the engine, spec "secondary_of"), they are
// listed in their parent's message (`secondaryEndpointIds`); planned outages (maintenance at
// detection) raise none either; an alarm whose endpoint is in maintenance when the batch is
// described is not sent. Alarms the describer no longer finds are skipped.
//
// Escalation: a rule with `unacknowledged_for` arms a timer (injected clock) per alarm when it is
// raised; an acknowledge or clear cancels it; when it fires the alarm is described again and, if
// it still matches the rule and is neither acknowledged nor cleared, `alarm.escalated` goes to the
// rule's channels (through the same batching). At start, `resume` re-arms the timers of the alarms
// that are still open, at raisedAt + duration (at once when that has passed) — unless the delivery
// log shows the escalation was already sent to that channel before the restart.
import { formatCount, formatDuration } from '../../shared/format';
import type { Clock, TimerHandle } from '../clock/clock';
import type { NotificationRuleConfig } from '../config';
import type { NotificationDeliveryStore } from '../store';
import type { NotificationMessage, NotificationType, NotifiedAlarm } from './channel';
import type { DeliveryQueue } from './delivery-queue';
import { directChannels, isEscalation, matchesRule } from './rules';

export interface DispatcherOptions {
  clock: Clock;
  site: () => { id: string; name: string };
  rules: () => readonly NotificationRuleConfig[];
  groupWindowMs: () => number;
  /** The channels' outboxes by channel id (a reload may change the set). */
  queues: () => ReadonlyMap<string, DeliveryQueue>;
  /** The alarms with these ids as they are now; missing ones are left out. */
  describe: (alarmIds: readonly number[]) => NotifiedAlarm[];
  deliveries: Pick<NotificationDeliveryStore, 'wasSent'>;
  log?: (line: string) => void;
}

export interface Dispatcher {
  raised(alarmId: number): void;
  cleared(alarmId: number): void;
  acknowledged(alarmId: number): void;
  /** Re-arms escalation timers for alarms still open after a restart. */
  resume(open: readonly NotifiedAlarm[]): void;
  /** Handles what is collected now instead of at the end of the window (shutdown, tests). */
  flush(): void;
  stop(): void;
}

/** Dedupe keys and alarm routes kept in memory at most. */
const MAX_REMEMBERED = 20_000;

interface Signal {
  type: NotificationType;
  alarmId: number;
  /** For escalations: the rule whose timer fired. */
  rule?: NotificationRuleConfig;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { clock } = options;
  const log = options.log ?? (() => undefined);
  let collected: Signal[] = [];
  let windowTimer: TimerHandle | null = null;
  let stopped = false;
  /** `${channel}|${type}|${alarm}` already sent (or queued): the dedupe. */
  const sent = new Set<string>();
  /** Channels each alarm was raised or escalated to: its clear and acknowledge follow there. */
  const toldChannels = new Map<number, Set<string>>();
  const escalationTimers = new Map<number, TimerHandle[]>();

  const collect = (signal: Signal): void => {
    if (stopped) return;
    collected.push(signal);
    windowTimer ??= clock.after(options.groupWindowMs(), () => {
      windowTimer = null;
      handleBatch();
    });
  };

  const cancelEscalations = (alarmId: number): void => {
    for (const timer of escalationTimers.get(alarmId) ?? []) timer.cancel();
    escalationTimers.delete(alarmId);
  };

  const armEscalation = (alarmId: number, rule: NotificationRuleConfig, inMs: number): void => {
    const timer = clock.after(inMs, () => collect({ type: 'alarm.escalated', alarmId, rule }));
    const list = escalationTimers.get(alarmId) ?? [];
    list.push(timer);
    escalationTimers.set(alarmId, list);
  };

  const armEscalations = (alarmId: number, sinceMs: number): void => {
    for (const rule of options.rules()) {
      if (!isEscalation(rule)) continue;
      armEscalation(alarmId, rule, Math.max(0, sinceMs + rule.unacknowledgedForMs - clock.now()));
    }
  };

  /** The channels a signal goes to, for this alarm as described now. */
  const targets = (signal: Signal, alarm: NotifiedAlarm): string[] => {
    const rules = options.rules();
    switch (signal.type) {
      case 'alarm.raised':
        return [...directChannels(rules, alarm)];
      case 'alarm.escalated': {
        const { rule } = signal;
        if (rule === undefined || alarm.acknowledgedAt !== null || alarm.clearedAt !== null) return [];
        if (!matchesRule(rule, alarm)) return [];
        // The log, not memory: an escalation sent before a restart is not sent again after it.
        return rule.channels.filter((id) => !options.deliveries.wasSent(id, 'alarm.escalated', alarm.id));
      }
      case 'alarm.cleared':
      case 'alarm.acknowledged': {
        // Where it was told, or (raised before a restart) where the rules would have told it.
        const told = toldChannels.get(alarm.id);
        return [...(told ?? directChannels(rules, alarm))];
      }
    }
  };

  const handleBatch = (): void => {
    const batch = collected;
    collected = [];
    if (batch.length === 0) return;
    let described: Map<number, NotifiedAlarm>;
    try {
      described = new Map(options.describe([...new Set(batch.map((s) => s.alarmId))]).map((a) => [a.id, a]));
    } catch (error) {
      log(
        `notifications: could not describe ${batch.length} alarm signal(s): ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    /** channel -> type -> alarms, in signal order. */
    const outgoing = new Map<string, Map<NotificationType, NotifiedAlarm[]>>();
    for (const signal of batch) {
      const alarm = described.get(signal.alarmId);
      if (alarm === undefined || alarm.impact.inMaintenance) continue;
      // Known from its raise on: its clear/acknowledge then go only where the raise went (maybe nowhere).
      if (signal.type === 'alarm.raised' && !toldChannels.has(alarm.id))
        toldChannels.set(alarm.id, new Set());
      for (const channelId of targets(signal, alarm)) {
        const key = `${channelId}|${signal.type}|${alarm.id}`;
        if (sent.has(key)) continue;
        sent.add(key);
        if (signal.type === 'alarm.raised' || signal.type === 'alarm.escalated') {
          const told = toldChannels.get(alarm.id) ?? new Set<string>();
          told.add(channelId);
          toldChannels.set(alarm.id, told);
        }
        const byType = outgoing.get(channelId) ?? new Map<NotificationType, NotifiedAlarm[]>();
        const list = byType.get(signal.type) ?? [];
        list.push(alarm);
        byType.set(signal.type, list);
        outgoing.set(channelId, byType);
      }
    }
    const queues = options.queues();
    const site = options.site();
    for (const [channelId, byType] of outgoing) {
      const queue = queues.get(channelId);
      if (queue === undefined) continue;
      for (const [type, alarms] of byType) {
        const message: NotificationMessage = {
          type,
          sentAt: clock.now(),
          site,
          alarms,
          group:
            alarms.length > 1
              ? { reason: groupReason(type, alarms.length, options.groupWindowMs()), count: alarms.length }
              : null,
        };
        queue.enqueue(message);
      }
    }
    forgetFinished(batch, described);
    trimMemory();
  };

  /**
   * Alarms that clear but are never acknowledged would keep their keys forever: past the cap the
   * oldest go (a Set and a Map keep insertion order). Such an alarm is long over by then.
   */
  const trimMemory = (): void => {
    for (const key of sent) {
      if (sent.size <= MAX_REMEMBERED) break;
      sent.delete(key);
    }
    for (const id of toldChannels.keys()) {
      if (toldChannels.size <= MAX_REMEMBERED) break;
      toldChannels.delete(id);
    }
  };

  /** Dedupe keys of an alarm are kept until it is both cleared and acknowledged (then it is done). */
  const forgetFinished = (batch: readonly Signal[], described: ReadonlyMap<number, NotifiedAlarm>): void => {
    for (const signal of batch) {
      const alarm = described.get(signal.alarmId);
      if (alarm === undefined || alarm.clearedAt === null || alarm.acknowledgedAt === null) continue;
      toldChannels.delete(alarm.id);
      const suffix = `|${alarm.id}`;
      for (const key of sent) if (key.endsWith(suffix)) sent.delete(key);
    }
  };

  return {
    raised(alarmId) {
      if (stopped) return;
      collect({ type: 'alarm.raised', alarmId });
      armEscalations(alarmId, clock.now());
    },
    cleared(alarmId) {
      cancelEscalations(alarmId);
      collect({ type: 'alarm.cleared', alarmId });
    },
    acknowledged(alarmId) {
      cancelEscalations(alarmId);
      collect({ type: 'alarm.acknowledged', alarmId });
    },
    resume(open) {
      for (const alarm of open) {
        if (alarm.acknowledgedAt !== null || alarm.clearedAt !== null) continue;
        armEscalations(alarm.id, alarm.detectedAt);
      }
    },
    flush() {
      windowTimer?.cancel();
      windowTimer = null;
      handleBatch();
    },
    stop() {
      stopped = true;
      windowTimer?.cancel();
      windowTimer = null;
      collected = [];
      for (const id of [...escalationTimers.keys()]) cancelEscalations(id);
    },
  };
}

function groupReason(type: NotificationType, count: number, windowMs: number): string {
  const verb: Record<NotificationType, string> = {
    'alarm.raised': 'raised',
    'alarm.cleared': 'cleared',
    'alarm.acknowledged': 'acknowledged',
    'alarm.escalated': 'escalated',
  };
  return `${formatCount(count)} alarms ${verb[type]} within ${formatDuration(windowMs / 1000)}`;
}
