import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Random bytes drawn from the CSPRNG at once, 16 per id: one system call per 256 ids. */
const pool = new Uint8Array(16 * 256);
let drawn = pool.length;
/** The time and counter of the last id (RFC 9562 §6.2 method 1): ids of one millisecond keep their order. */
const last = { msecs: Number.NEGATIVE_INFINITY, seq: 0 };

/**
 * A new record id: UUIDv7 (a string of 36 characters), not guessable, sortable by creation time,
 * increasing within this process. As uuid's own `v7()`, but its random bytes come from a pool
 * filled by `randomFillSync`: uuid asks `crypto.getRandomValues` for every id, which cost most of
 * an id (about 12 µs against 0.6 µs pooled, issue 17), and every write makes one or more.
 */
export function newId(): string {
  if (drawn === pool.length) {
    randomFillSync(pool);
    drawn = 0;
  }
  const random = pool.subarray(drawn, drawn + 16);
  drawn += 16;
  const now = Date.now();
  if (now > last.msecs) {
    // A new millisecond: the counter starts at a random 31-bit value (as uuid's v7Sequence).
    last.msecs = now;
    last.seq =
      (((random[6] as number) & 0x7f) << 24) |
      ((random[7] as number) << 16) |
      ((random[8] as number) << 8) |
      (random[9] as number);
  } else {
    last.seq = (last.seq + 1) | 0;
    // The counter overflowed: the id moves to the next millisecond rather than repeat an order.
    if (last.seq === 0) last.msecs++;
  }
  return uuidv7({ random, msecs: last.msecs, seq: last.seq });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isId(value: string): boolean {
  return UUID.test(value);
}
