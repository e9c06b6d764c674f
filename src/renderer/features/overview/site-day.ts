// Local midnight in the site's time zone, for "availability today": the wall PC may run in UTC
// while the plant's day starts at local midnight.
import { zoneOffsetMs } from '../../../shared/time/zoned-time';

export function startOfSiteDay(now: number, timeZone: string): number {
  try {
    const localNow = now + zoneOffsetMs(now, timeZone);
    const localMidnight = localNow - (((localNow % 86_400_000) + 86_400_000) % 86_400_000);
    // The offset at midnight can differ from now's on a DST day: correct with midnight's own.
    const guess = localMidnight - zoneOffsetMs(localMidnight - zoneOffsetMs(now, timeZone), timeZone);
    return guess <= now ? guess : guess - 86_400_000;
  } catch {
    const local = new Date(now);
    local.setHours(0, 0, 0, 0);
    return local.getTime();
  }
}
