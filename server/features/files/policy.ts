import type { Actor } from '../../platform/http/access';
import { authorizeEmailSending, canViewEmail } from '../emails/policy';

/*
 * Files are email attachments: uploaded by whoever may send email, read by their uploader and by
 * whoever may see an email attaching them. A file one may not read answers 404, like a missing one.
 */

/** Uploading is for whoever may send email; checked before the upload is read (a 403 costs no bytes). */
export function authorizeFileUpload(actor: Actor): void {
  authorizeEmailSending(actor);
}

export function isUploaderOf(actor: Actor, file: { uploaderId: string | null }): boolean {
  return file.uploaderId === actor.userId;
}

/** Reading a file: its uploader, or whoever may see one of the emails attaching it. */
export function canReadFile(
  actor: Actor,
  file: { uploaderId: string | null },
  attachingEmails: readonly { authorId: string; activityTargetIds: readonly string[] }[],
): boolean {
  return isUploaderOf(actor, file) || attachingEmails.some((email) => canViewEmail(actor, email));
}
