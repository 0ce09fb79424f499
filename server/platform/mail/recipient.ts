import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { resolveSettings } from '../settings';
import type { MailLocalization } from './outbox';

/**
 * How the recipient of a system email reads it (issue 15 item 4): their Language, Locale and
 * Timezone settings in the organization the message is about — system → organization → user, the
 * nearest level that sets one wins. Without an organization (a recovery request that names none),
 * the system's. Read through the settings cache; pass the transaction when it changed them.
 */
export async function recipientLocalization(
  db: Kysely<DB>,
  recipient: { organizationId: string | null | undefined; userId: string | null | undefined },
): Promise<MailLocalization> {
  const settings = await resolveSettings(
    db,
    recipient.organizationId
      ? { organizationId: recipient.organizationId, userId: recipient.userId ?? undefined }
      : {},
  );
  return {
    language: settings['localization.language'],
    locale: settings['localization.locale'],
    timeZone: settings['localization.timezone'],
  };
}
