// Flapping is for display only: an endpoint that changed state many times in a short while is
// marked so operators read its current state with care. It never changes KPIs or alarms.
export const FLAP_WINDOW_MS = 10 * 60_000;
export const FLAP_TRANSITIONS = 4;

export class FlapDetector {
  private times: number[] = [];

  record(ts: number): void {
    this.times.push(ts);
    this.prune(ts);
  }

  isFlapping(now: number): boolean {
    this.prune(now);
    return this.times.length >= FLAP_TRANSITIONS;
  }

  private prune(now: number): void {
    while (this.times.length > 0 && (this.times[0] ?? now) < now - FLAP_WINDOW_MS) this.times.shift();
  }
}
