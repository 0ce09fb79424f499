import type { ActivityKindDefinition } from '../activities/kinds';
import { canViewEmail } from './policy';
import { emailResource, presentEmail } from './presenter';
import { findEmailsByIds } from './store';

/** What `fields[emails]` may pick on the timeline: the `emails` resource's members. */
export const emailFields = [
  'from',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'subject',
  'body',
  'textBody',
  'status',
  'failureReason',
  'messageId',
  'sendAt',
  'sentAt',
  'createdAt',
  'author',
  'activityTargets',
  'attachments',
  'inReplyTo',
] as const;

/**
 * Emails on the Activity timeline: the `emails` resource as GET /api/emails/{id} presents it to
 * the viewer — Bcc to the author only, and the live delivery status read from the outbox (so an
 * item goes `queued` → `sent`/`failed` as soon as the worker records it, whatever the index row
 * says). Visibility follows `canViewEmail`: on a timeline the viewer may read (their own, or
 * anyone's with `activities.view`) every email targeting that user is visible, so the SQL filter
 * and the total count agree with what is shown; an email the viewer could not GET is dropped.
 */
export const emailActivityKind: ActivityKindDefinition = {
  kind: 'email',
  type: 'emails',
  resource: emailResource,
  fields: emailFields,
  isVisibleTo(actor, targetUserId) {
    // Any email on this timeline has `targetUserId` among its activity targets.
    return canViewEmail(actor, { authorId: '', activityTargetIds: [targetUserId] });
  },
  async present(db, organizationId, recordIds, { actor, now }) {
    const emails = await findEmailsByIds(db, organizationId, recordIds);
    return new Map(
      emails
        .filter((email) =>
          canViewEmail(actor, {
            authorId: email.authorId,
            activityTargetIds: JSON.parse(email.activityTargetIds),
          }),
        )
        .map((email) => [email.id, presentEmail(email, actor, now)]),
    );
  },
};
