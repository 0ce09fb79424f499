import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { notFound } from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import { personNameFor, recipientLocalization } from '../../platform/mail/recipient';
import { randomToken, safeEqual, sha256 } from '../../platform/secrets';
import { deleteFeed, type FeedRecord, findFeedOf, findLiveFeedByDigest, replaceFeed } from './feed-store';
import { eventsCalendar } from './ical';
import { loadFamily, readBy } from './invitations';
import { findPerson, listOwnerEventRootIds } from './store';

/**
 * Private calendar feeds (issue 14, item 4): a user's events of one organization as an
 * iCalendar feed at `/calendar-feeds/<token>.ics`, to subscribe to from Google Calendar, Outlook
 * or Apple Calendar. The token is 256 random bits, shown once; only its SHA-256 digest is stored.
 * One feed per user and organization: creating another replaces it, deleting revokes it.
 */

/** The path of a feed (outside /api: a calendar application fetches it without a session). */
export const feedPath = (token: string) => `/calendar-feeds/${token}.ics`;

/** How far back a feed reaches: events (or series) that ended more than this long ago are left out. */
export const FEED_HISTORY_DAYS = 366;
/** The most events (series, single events, changed occurrences) one feed holds. */
export const FEED_MAX_EVENTS = 5000;

export type { FeedRecord };

/** Creates (or replaces) the actor's feed in their current organization; answers it with its token. */
export async function createFeed(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
): Promise<{ feed: FeedRecord; token: string }> {
  const token = randomToken(32);
  const feed: FeedRecord = {
    id: newId(),
    organizationId: actor.organizationId,
    userId: actor.userId,
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.db.transaction().execute((trx) => replaceFeed(trx, feed, sha256(token)));
  return { feed, token };
}

/** The actor's feed in their current organization; undefined when they have none (not an error). */
export async function findFeed(deps: Pick<Deps, 'db'>, actor: Actor): Promise<FeedRecord | undefined> {
  return findFeedOf(deps.db, actor.organizationId, actor.userId);
}

/** Revokes the actor's feed in their current organization. @throws AppError 404 when there is none. */
export async function revokeFeed(deps: Pick<Deps, 'db'>, actor: Actor): Promise<void> {
  if (!(await deleteFeed(deps.db, actor.organizationId, actor.userId))) throw notFound('calendar feed');
}

/** A digest no token has (64 hex characters, like every SHA-256 digest): compared when no feed was found. */
const NO_DIGEST = '0'.repeat(64);

/**
 * The feed a token names: one indexed lookup by the token's SHA-256 digest, then a constant-time
 * comparison of the digests (against a digest no token has when none was found), so a wrong, a
 * revoked and a right token cost the same until the feed is written.
 */
export async function findFeedByToken(db: Kysely<DB>, token: string): Promise<FeedRecord | undefined> {
  const digest = sha256(token);
  const row = await findLiveFeedByDigest(db, digest);
  const matches = safeEqual(row?.tokenDigest ?? NO_DIGEST, digest);
  if (!row || !matches) return undefined;
  const { tokenDigest: _, ...feed } = row;
  return feed;
}

/**
 * The iCalendar text of a feed: the owner's events in the feed's organization (series with
 * their RRULE, EXDATEs and changed occurrences; single events) that end after
 * `FEED_HISTORY_DAYS` ago, no METHOD (a subscription, not a message). Only the feed owner's
 * own calendar in that organization: never another user's or another organization's event.
 */
export async function feedCalendar(db: Kysely<DB>, feed: FeedRecord, now: string): Promise<string> {
  const since = new Date(Date.parse(now) - FEED_HISTORY_DAYS * 86_400_000).toISOString();
  const rootIds = await listOwnerEventRootIds(db, {
    organizationId: feed.organizationId,
    ownerId: feed.userId,
    since,
    limit: FEED_MAX_EVENTS,
  });
  // The feed's reader is its owner: names as they write them in the feed's organization.
  const reader = await recipientLocalization(db, {
    organizationId: feed.organizationId,
    userId: feed.userId,
  });
  const families = [];
  for (const id of rootIds) {
    const family = await loadFamily(db, feed.organizationId, id);
    if (family) families.push(readBy(family, reader));
  }
  const owner = await findPerson(db, feed.userId);
  return eventsCalendar(families, 'feed', {
    stamp: now,
    name: owner ? `Atrium: ${personNameFor(reader, owner)}` : 'Atrium',
  });
}
