/** Offset of `zone` from UTC at `instant`, in milliseconds, from the platform's zone data. */
function zoneOffset(instant: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return local - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a local calendar day starts in `zone` (midnight, or the first instant after a gap). */
export function startOfLocalDay(date: string, zone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const naive = Date.UTC(year, month - 1, day);
  // Two passes settle the offset on either side of a clock change.
  let guess = naive - zoneOffset(new Date(naive), zone);
  guess = naive - zoneOffset(new Date(guess), zone);
  return new Date(guess);
}
