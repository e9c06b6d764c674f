// Checks each endpoint at its own interval. Due times are computed from the schedule, not from
// when the last check finished, so there is no drift over hours; first checks are spread over the
// first interval so a thousand endpoints do not all fire at once; a global bound limits how many
// checks are in flight; one endpoint never has two checks at once.
import type { Clock, TimerHandle } from '../clock/clock';

export interface ScheduledTask {
  id: string;
  intervalMs: number;
  run(): Promise<void>;
}

export interface SchedulerStats {
  /** Milliseconds between when checks were due and when they started (max over the last minute). */
  maxLagMs: number;
  started: number;
  /** Due checks skipped because the previous check of the same endpoint was still running. */
  skippedBusy: number;
}

export interface Scheduler {
  start(tasks: ScheduledTask[]): void;
  stop(): Promise<void>;
  stats(): SchedulerStats;
}

interface TaskSlot {
  task: ScheduledTask;
  nextDue: number;
  running: Promise<void> | null;
  timer: TimerHandle | null;
}

export function createScheduler(options: {
  clock: Clock;
  maxConcurrent: number;
  maxFirstSpreadMs?: number;
}): Scheduler {
  const { clock } = options;
  const slots = new Map<string, TaskSlot>();
  const waiting: { slot: TaskSlot; due: number }[] = [];
  let inFlight = 0;
  let stopped = false;
  const stats: SchedulerStats = { maxLagMs: 0, started: 0, skippedBusy: 0 };
  let lagWindowStart = clock.now();

  const recordLag = (lag: number): void => {
    if (clock.now() - lagWindowStart > 60_000) {
      stats.maxLagMs = 0;
      lagWindowStart = clock.now();
    }
    stats.maxLagMs = Math.max(stats.maxLagMs, lag);
  };

  const launch = (slot: TaskSlot, due: number): void => {
    inFlight += 1;
    stats.started += 1;
    recordLag(Math.max(0, clock.now() - due));
    slot.running = slot.task
      .run()
      .catch(() => undefined)
      .finally(() => {
        inFlight -= 1;
        slot.running = null;
        const next = waiting.shift();
        if (next && !stopped) launch(next.slot, next.due);
      });
  };

  const arm = (slot: TaskSlot): void => {
    slot.timer = clock.after(slot.nextDue - clock.now(), () => fire(slot));
  };

  const fire = (slot: TaskSlot): void => {
    if (stopped) return;
    const due = slot.nextDue;
    // Next due time from the schedule; if we fell more than a whole interval behind, skip ahead
    // rather than firing a burst of catch-up checks.
    slot.nextDue = due + slot.task.intervalMs;
    const now = clock.now();
    if (slot.nextDue <= now) {
      slot.nextDue += Math.ceil((now - slot.nextDue + 1) / slot.task.intervalMs) * slot.task.intervalMs;
    }
    arm(slot);
    if (slot.running || waiting.some((w) => w.slot === slot)) {
      stats.skippedBusy += 1;
      return;
    }
    if (inFlight < options.maxConcurrent) launch(slot, due);
    else waiting.push({ slot, due });
  };

  return {
    start(tasks) {
      const now = clock.now();
      const spreadCap = options.maxFirstSpreadMs ?? Number.POSITIVE_INFINITY;
      tasks.forEach((task, index) => {
        const spread = Math.min(task.intervalMs, spreadCap);
        const slot: TaskSlot = {
          task,
          nextDue: now + Math.floor((index / Math.max(1, tasks.length)) * spread),
          running: null,
          timer: null,
        };
        slots.set(task.id, slot);
        arm(slot);
      });
    },
    async stop() {
      stopped = true;
      waiting.length = 0;
      for (const slot of slots.values()) slot.timer?.cancel();
      await Promise.all([...slots.values()].map((s) => s.running ?? Promise.resolve()));
      slots.clear();
    },
    stats: () => ({ ...stats }),
  };
}
