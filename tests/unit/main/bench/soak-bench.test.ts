// The soak's clock must run timers exactly like ManualClock (in time order, ties in the order they
// were set, timers set by timers included, cancelled ones never), only faster.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '@src/main/clock/clock';
import { JumpingClock } from '@src/main/bench/soak-bench';

function script(clock: ManualClock | JumpingClock): string[] {
  const ran: string[] = [];
  for (let i = 0; i < 50; i++) {
    const at = (i * 7919) % 1000;
    const handle = clock.after(at, () => {
      ran.push(`${String(clock.now())}:${String(i)}`);
      if (i % 5 === 0)
        clock.after(i % 3 === 0 ? 0 : 250, () => ran.push(`${String(clock.now())}:child-${String(i)}`));
    });
    if (i % 11 === 0) handle.cancel();
  }
  clock.advance(600);
  clock.advance(900);
  return ran;
}

describe('JumpingClock', () => {
  it('runs the same timers at the same times in the same order as ManualClock', () => {
    const expected = script(new ManualClock(0));
    expect(expected.length).toBeGreaterThan(40);
    expect(script(new JumpingClock(0))).toEqual(expected);
  });

  it('ends at the target time with nothing due', () => {
    const clock = new JumpingClock(1_000);
    clock.advance(10_000);
    expect(clock.now()).toBe(11_000);
  });
});
