// Counts and money as people read them: thousands separated ("12,400"), the same on every screen.
import { NO_DATA } from './no-data';

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "1,000": a count of outages, failures or rows. */
export const formatCount = (count: number): string => GROUPED.format(count);

/**
 * Downtime cost (down minutes times the line's `downtime_cost_per_minute`) in whole units of the
 * currency that rate is written in: the config names no currency, so none is printed, and cents
 * would only pretend a precision the per-minute estimate does not have.
 */
export function formatCost(cost: number | null): string {
  if (cost === null) return NO_DATA;
  return GROUPED.format(Math.round(cost));
}
