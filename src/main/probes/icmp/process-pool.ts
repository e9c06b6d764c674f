// A counting semaphore for child processes. A plant with hundreds of ICMP endpoints must not fork
// hundreds of `ping` processes in the same second (the one-process-per-ping lesson of Uptime Kuma):
// at most `limit` tasks run, the rest wait in FIFO order.
export interface ProcessPool {
  readonly limit: number;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly queued: number;
  /** Run `task` once a slot is free; the slot is held until the task's promise settles. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createProcessPool(limit: number): ProcessPool {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`pool limit must be a positive integer`);
  let active = 0;
  const waiting: (() => void)[] = [];

  const release = (): void => {
    const next = waiting.shift();
    // Hand the slot straight to the next waiter so `active` never dips and overshoots.
    if (next) next();
    else active -= 1;
  };

  const acquire = (): Promise<void> => {
    if (active < limit) {
      active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };

  return {
    limit,
    get active() {
      return active;
    },
    get queued() {
      return waiting.length;
    },
    async run<T>(task: () => Promise<T>): Promise<T> {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
