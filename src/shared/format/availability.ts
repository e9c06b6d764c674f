// Availability as a percentage, the one way every screen, the wall and the printed handover show
// it. One decimal, two between 99 % and 100 % (and below 1 %), where a tenth hides what matters.
// It is never rounded up: 99.996 % with real down time must not read "100 %", and availability
// with any up time must not read "0 %". Only exactly 1 is "100.0 %", only exactly 0 is "0.0 %".
import { NO_DATA } from './no-data';

/** Digits below this much noise are what binary floating point adds (0.29 * 100 = 28.999999999999996). */
const NOISE_DIGITS = 6;

export function formatAvailability(availability: number | null | undefined): string {
  if (availability === null || availability === undefined) return NO_DATA;
  const percent = availability * 100;
  const digits = (percent > 0 && percent < 1) || (percent >= 99 && percent < 100) ? 2 : 1;
  const factor = 10 ** digits;
  let steps = Math.floor(Number((percent * factor).toFixed(NOISE_DIGITS)));
  // Shedding the noise may itself reach a boundary (0.99999999999 -> 100.00): hold the line there.
  if (availability < 1) steps = Math.min(steps, 100 * factor - 1);
  if (availability > 0) steps = Math.max(steps, 1);
  return `${(steps / factor).toFixed(digits)} %`;
}
