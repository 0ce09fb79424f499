import { errorMeta } from '../../../common/error-particulars';
import { recordAuditEvent } from '../../platform/audit';
import { isoNow } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { AppError, notFound } from '../../platform/http/errors';
import type { ListPage, ListQuery } from '../../platform/http/jsonapi';
import type { RequestContext } from '../../platform/http/request-context';
import { isId } from '../../platform/ids';
import { authorizeMailManagement } from './policy';
import {
  findMailMessage,
  listMailMessages,
  type MailMessageRecord,
  type MailMessageSummary,
  requeueFailedMessage,
} from './store';

/** The outgoing mail of the actor's organization, newest first by default. */
export async function browseOutbox(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  listQuery: ListQuery,
): Promise<ListPage<MailMessageSummary>> {
  authorizeMailManagement(actor);
  return listMailMessages(deps.db, { organizationId: actor.organizationId }, listQuery);
}

/** One message of the actor's organization with its bodies; another organization's is a 404. */
export async function getMailMessage(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: string,
): Promise<MailMessageRecord> {
  authorizeMailManagement(actor);
  const message = isId(id)
    ? await findMailMessage(deps.db, { organizationId: actor.organizationId }, id)
    : undefined;
  if (!message) throw notFound('mail message');
  return message;
}

/**
 * Puts a failed message of the actor's organization back in the queue (attempts from zero),
 * audited as `mail.retried`, and wakes the worker. Only a failed message can be retried.
 */
export async function retryMailMessage(
  deps: Pick<Deps, 'db' | 'clock' | 'mail'>,
  actor: Actor,
  id: string,
  context: RequestContext = {},
): Promise<MailMessageRecord> {
  authorizeMailManagement(actor);
  if (!isId(id)) throw notFound('mail message');
  const scope = { organizationId: actor.organizationId };
  const message = await deps.db.transaction().execute(async (trx) => {
    const current = await findMailMessage(trx, scope, id);
    if (!current) throw notFound('mail message');
    if (!(await requeueFailedMessage(trx, scope, id, isoNow(deps.clock)))) {
      throw new AppError(
        'conflict',
        'mail_not_failed',
        `Only a failed message can be retried; this one is ${current.status}.`,
        { meta: errorMeta('mail_not_failed', { status: current.status }) },
      );
    }
    await recordAuditEvent(trx, deps.clock, {
      action: 'mail.retried',
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      ip: context.ip ?? null,
      details: { mailMessageId: id, messageId: current.messageId, attemptsBefore: current.attempts },
    });
    return (await findMailMessage(trx, scope, id)) as MailMessageRecord;
  });
  deps.mail.wake();
  return message;
}
