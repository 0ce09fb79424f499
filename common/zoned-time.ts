/**
 * Wall-clock times in a named time zone, for date-time fields typed by a person (`<input
 * type="datetime-local">` gives `2026-11-30T09:15`): DESIGN.md §4 stores UTC and shows the
 * viewer's zone. Built on Intl's IANA time zone data only.
 */

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

function wallParts(instant: number, timeZone: string | undefined) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
  };
}

/** The instant's wall time in the zone (the browser's when undefined), as `YYYY-MM-DDTHH:mm`. */
export function toZonedWallTime(iso: string, timeZone: string | undefined): string {
  const p = wallParts(Date.parse(iso), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/**
 * The UTC instant (ISO-8601, milliseconds, `Z`) of a wall time `YYYY-MM-DDTHH:mm` in the zone;
 * undefined when the text is not one. A time skipped by a daylight-saving jump moves forward by
 * the jump; a repeated one takes its first occurrence.
 */
export function fromZonedWallTime(wallTime: string, timeZone: string | undefined): string | undefined {
  const match = WALL_TIME.exec(wallTime);
  if (!match) return undefined;
  const [, year, month, day, hour, minute] = match.map(Number) as number[];
  const asUtc = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
  if (Number.isNaN(asUtc)) return undefined;
  const offsetAt = (instant: number) => {
    const p = wallParts(instant, timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(instant / 60_000) * 60_000;
  };
  // The zone's offsets a day either side of the wall time cover any one transition near it.
  const oneDay = 24 * 60 * 60_000;
  const before = asUtc - offsetAt(asUtc - oneDay);
  const after = asUtc - offsetAt(asUtc + oneDay);
  const matches = [before, after].filter(
    (instant) => toZonedWallTime(new Date(instant).toISOString(), timeZone) === wallTime,
  );
  // Skipped by a jump forward: the offset before the jump reads it as the moved-forward time.
  return new Date(matches.length > 0 ? Math.min(...matches) : before).toISOString();
}
