import type { Kysely } from 'kysely';
import { formatSettingsOf } from '../../../common/format';
import { formatPersonName, type PersonName } from '../../../common/person-name';
import type { DB } from '../db/schema';
import { resolveSettings } from '../settings';
import type { MailLocalization } from './outbox';

/**
 * How the recipient of a system email reads it (issue 15 item 4): their Language, Locale,
 * Timezone and Name format settings in the organization the message is about — system → organization → user, the
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
    nameFormat: formatSettingsOf(settings)['localization.name_format'],
  };
}

/**
 * A person's full name as the reader of a mail writes names: their locale and Name format
 * (`recipientLocalization`). Every name a mail, invitation or feed shows goes through it.
 */
export function personNameFor(
  reader: Pick<MailLocalization, 'locale' | 'nameFormat'>,
  person: PersonName,
): string {
  return formatPersonName(person, reader.locale, reader.nameFormat);
}
