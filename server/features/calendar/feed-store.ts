import type { Kysely, Selectable } from 'kysely';
import type { CalendarFeedsTable, DB } from '../../platform/db/schema';

/** A calendar feed as the store reads it: never its token's digest, but where a lookup compares it. */
export type FeedRecord = Omit<Selectable<CalendarFeedsTable>, 'tokenDigest'>;

const feedColumns = [
  'calendarFeeds.id',
  'calendarFeeds.organizationId',
  'calendarFeeds.userId',
  'calendarFeeds.createdAt',
] as const;

/** Stores a user's feed of an organization in place of the one they had (call it in a transaction). */
export async function replaceFeed(db: Kysely<DB>, feed: FeedRecord, tokenDigest: string): Promise<void> {
  await deleteFeed(db, feed.organizationId, feed.userId);
  await db
    .insertInto('calendarFeeds')
    .values({ ...feed, tokenDigest })
    .execute();
}

/** A user's feed of an organization, if they have one. */
export async function findFeedOf(
  db: Kysely<DB>,
  organizationId: string,
  userId: string,
): Promise<FeedRecord | undefined> {
  return db
    .selectFrom('calendarFeeds')
    .select(feedColumns)
    .where('organizationId', '=', organizationId)
    .where('userId', '=', userId)
    .executeTakeFirst();
}

/** Deletes a user's feed of an organization; answers whether there was one. */
export async function deleteFeed(db: Kysely<DB>, organizationId: string, userId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('calendarFeeds')
    .where('organizationId', '=', organizationId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * The feed with this token digest, with the digest (for the caller's constant-time comparison),
 * only while its owner is still an enabled member of the feed's organization: a feed outlives
 * neither leaving the organization nor a disabled account.
 */
export async function findLiveFeedByDigest(
  db: Kysely<DB>,
  tokenDigest: string,
): Promise<(FeedRecord & { tokenDigest: string }) | undefined> {
  return db
    .selectFrom('calendarFeeds')
    .innerJoin('memberships', (join) =>
      join
        .onRef('memberships.userId', '=', 'calendarFeeds.userId')
        .onRef('memberships.organizationId', '=', 'calendarFeeds.organizationId'),
    )
    .innerJoin('users', 'users.id', 'calendarFeeds.userId')
    .select([...feedColumns, 'calendarFeeds.tokenDigest'])
    .where('calendarFeeds.tokenDigest', '=', tokenDigest)
    .where('users.status', '!=', 'disabled')
    .executeTakeFirst();
}
