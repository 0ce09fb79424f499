/** The source of "now". Injected everywhere time matters, so tests can move it. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export function manualClock(start: Date | string = '2026-01-15T09:00:00.000Z') {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set(to: Date | string) {
      current = new Date(to);
    },
    advance(ms: number) {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** Fixed-width ISO-8601 UTC: the storage format of every timestamp (DESIGN.md §6). */
export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}
