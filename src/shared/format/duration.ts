// Durations as people read them: the two largest units ("3h 12m", not "3h 12m 41s"), a week-long
// figure without seconds. Screens use short units; the printed handover spells them out.
import { NO_DATA } from './no-data';

export interface DurationOptions {
  /** 'short' on screens ("2h 05m"); 'long' on paper, which has room to spell units out ("2 h 05 min"). */
  units?: 'short' | 'long';
  /**
   * 'nearest' for a recorded duration (600.4 s reads as the CSV's 600 s); 'down' for a clock that
   * ticks, which must not show a second that has not passed yet.
   */
  rounding?: 'nearest' | 'down';
  /** Whole minutes once past the first minute ("up 5m"), so a long healthy time does not tick. */
  coarse?: boolean;
}

interface Unit {
  seconds: number;
  label: string;
  /** How the unit reads after a larger one: two digits like a clock, or a plain count left out at 0. */
  asRemainder: 'padded' | 'plain-unless-zero';
}

const SHORT_UNITS: readonly Unit[] = [
  { seconds: 86_400, label: 'd', asRemainder: 'padded' },
  { seconds: 3_600, label: 'h', asRemainder: 'padded' },
  { seconds: 60, label: 'm', asRemainder: 'padded' },
  { seconds: 1, label: 's', asRemainder: 'padded' },
];

// A printed shift is hours long, so hours are the largest unit ("30 h 05 min" for a carried-over
// outage); minutes after hours are padded like a clock, seconds are said as in speech ("10 min").
const LONG_UNITS: readonly Unit[] = [
  { seconds: 3_600, label: ' h', asRemainder: 'padded' },
  { seconds: 60, label: ' min', asRemainder: 'padded' },
  { seconds: 1, label: ' s', asRemainder: 'plain-unless-zero' },
];

/** `seconds` as "2h 05m", "4m 10s", "12s" (or, with `units: 'long'`, "2 h 05 min", "10 min 5 s"). */
export function formatDuration(seconds: number | null, options: DurationOptions = {}): string {
  if (seconds === null) return NO_DATA;
  const whole = Math.max(0, options.rounding === 'down' ? Math.floor(seconds) : Math.round(seconds));
  const units = options.units === 'long' ? LONG_UNITS : SHORT_UNITS;
  const found = units.findIndex((unit) => whole >= unit.seconds);
  // Only 0 reaches no unit; it reads in the smallest one ("0s").
  const largest = found === -1 ? units.length - 1 : found;
  const big = units[largest] as Unit;
  const small = units[largest + 1];
  const head = `${Math.floor(whole / big.seconds)}${big.label}`;
  if (small === undefined || (options.coarse === true && small.seconds === 1)) return head;
  const rest = Math.floor((whole % big.seconds) / small.seconds);
  if (small.asRemainder === 'plain-unless-zero') return rest === 0 ? head : `${head} ${rest}${small.label}`;
  return `${head} ${String(rest).padStart(2, '0')}${small.label}`;
}
