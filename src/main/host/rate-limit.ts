// Per-connection request rate limits, shared by the WebSocket host and the Electron IPC binding so
// both transports hold the same line. A token bucket lets a client burst (a page opening fires a
// handful of requests at once) but not sustain more than the rate; a second bucket counts refused
// requests, so a client that keeps hammering far past the limit can be told apart and cut off.
export interface RateLimits {
  /** Requests per second a connection may sustain. */
  ratePerSecond: number;
  /** Requests a connection may send at once after being idle. */
  burst: number;
  /**
   * Refused requests (refilled at `ratePerSecond`) a connection may pile up before it counts as
   * abusive: the WebSocket host then closes it (1008).
   */
  abuseAfter: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { ratePerSecond: 50, burst: 200, abuseAfter: 1000 };

/** `allow`: serve it; `limit`: answer `rate_limited`; `abuse`: refused far past the limit. */
export type RateDecision = 'allow' | 'limit' | 'abuse';

export interface RateLimiter {
  take(): RateDecision;
}

/** Milliseconds from a monotonic clock (the wall clock may jump). */
export type MonotonicMs = () => number;
const monotonicMs: MonotonicMs = () => performance.now();

class Bucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, now - this.last) * this.perMs);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export function createRateLimiter(limits: RateLimits = DEFAULT_RATE_LIMITS, now = monotonicMs): RateLimiter {
  const perMs = limits.ratePerSecond / 1000;
  const requests = new Bucket(limits.burst, perMs, now());
  const refusals = new Bucket(limits.abuseAfter, perMs, now());
  return {
    take() {
      const at = now();
      if (requests.take(at)) return 'allow';
      return refusals.take(at) ? 'limit' : 'abuse';
    },
  };
}

/** One limiter per key (an Electron window), dropped when the key goes away. */
export interface KeyedRateLimiter {
  take(key: string): RateDecision;
  forget(key: string): void;
  readonly size: number;
}

export function createKeyedRateLimiter(
  limits: RateLimits = DEFAULT_RATE_LIMITS,
  now = monotonicMs,
): KeyedRateLimiter {
  const limiters = new Map<string, RateLimiter>();
  return {
    take(key) {
      let limiter = limiters.get(key);
      if (!limiter) {
        limiter = createRateLimiter(limits, now);
        limiters.set(key, limiter);
      }
      return limiter.take();
    },
    forget: (key) => void limiters.delete(key),
    get size() {
      return limiters.size;
    },
  };
}
