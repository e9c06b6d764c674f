// Local midnight in the site's time zone, for "availability today": the wall PC may run in UTC
// while the plant's day starts at local midnight.

/** Offset of `timeZone` from UTC at `at`, in ms (positive east of Greenwich). */
function zoneOffsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(at / 1_000) * 1_000;
}

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
