import type { Kysely, Selectable } from 'kysely';
import type { DB, FilesTable } from '../../platform/db/schema';

export type FileRecord = Selectable<FilesTable>;

const fileColumns = [
  'files.id',
  'files.organizationId',
  'files.uploaderId',
  'files.fileName',
  'files.contentType',
  'files.size',
  'files.storageKey',
  'files.createdAt',
] as const;

export async function insertFile(db: Kysely<DB>, record: FileRecord): Promise<void> {
  await db.insertInto('files').values(record).execute();
}

/** One file of the organization; another organization's is not found. */
export async function findFile(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
): Promise<FileRecord | undefined> {
  const row = await db
    .selectFrom('files')
    .select(fileColumns)
    .where('files.organizationId', '=', organizationId)
    .where('files.id', '=', id)
    .executeTakeFirst();
  return row && { ...row, size: Number(row.size) };
}

/** The authors and activity targets of the emails that carry this file (who else may read it). */
export function findEmailsAttaching(
  db: Kysely<DB>,
  organizationId: string,
  fileId: string,
): Promise<{ authorId: string; activityTargetIds: string }[]> {
  return db
    .selectFrom('emailAttachments')
    .innerJoin('emails', 'emails.id', 'emailAttachments.emailId')
    .select(['emails.authorId', 'emails.activityTargetIds'])
    .where('emailAttachments.fileId', '=', fileId)
    .where('emails.organizationId', '=', organizationId)
    .limit(1000)
    .execute();
}
