import type { Kysely, Selectable } from 'kysely';
import type { DB, EmailTemplatesTable } from '../../platform/db/schema';

export type EmailTemplateRecord = Selectable<EmailTemplatesTable>;

const templateColumns = [
  'emailTemplates.id',
  'emailTemplates.organizationId',
  'emailTemplates.name',
  'emailTemplates.subject',
  'emailTemplates.bodyType',
  'emailTemplates.content',
  'emailTemplates.createdAt',
  'emailTemplates.updatedAt',
] as const;

/** At most this many templates per organization: the Send Email dialog lists them all. */
export const EMAIL_TEMPLATES_MAX = 500;

/** The organization's templates by name. */
export function listEmailTemplates(db: Kysely<DB>, organizationId: string): Promise<EmailTemplateRecord[]> {
  return db
    .selectFrom('emailTemplates')
    .select(templateColumns)
    .where('emailTemplates.organizationId', '=', organizationId)
    .orderBy('emailTemplates.name')
    .orderBy('emailTemplates.id')
    .limit(EMAIL_TEMPLATES_MAX)
    .execute();
}

export function countEmailTemplates(db: Kysely<DB>, organizationId: string): Promise<number> {
  return db
    .selectFrom('emailTemplates')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('organizationId', '=', organizationId)
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.count));
}

/** One template of the organization; another organization's is not found. */
export function findEmailTemplate(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
): Promise<EmailTemplateRecord | undefined> {
  return db
    .selectFrom('emailTemplates')
    .select(templateColumns)
    .where('emailTemplates.organizationId', '=', organizationId)
    .where('emailTemplates.id', '=', id)
    .executeTakeFirst();
}

export async function insertEmailTemplate(db: Kysely<DB>, record: EmailTemplateRecord): Promise<void> {
  await db.insertInto('emailTemplates').values(record).execute();
}

export async function updateEmailTemplate(
  db: Kysely<DB>,
  record: Pick<EmailTemplateRecord, 'id' | 'organizationId'> &
    Partial<Pick<EmailTemplateRecord, 'name' | 'subject' | 'bodyType' | 'content'>> & { updatedAt: string },
): Promise<void> {
  const { id, organizationId, ...changes } = record;
  await db
    .updateTable('emailTemplates')
    .set(changes)
    .where('id', '=', id)
    .where('organizationId', '=', organizationId)
    .execute();
}

/** Deletes a template of the organization; false when there was none. */
export async function deleteEmailTemplate(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('emailTemplates')
    .where('id', '=', id)
    .where('organizationId', '=', organizationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
