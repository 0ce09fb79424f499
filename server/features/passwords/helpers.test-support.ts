import type { TestApp } from '../../../tests/helpers/app';

/** Test support for the password tests: read what the app queued and recorded. */
export async function outboxFor(t: TestApp, address: string) {
  return t.deps.db
    .selectFrom('mailOutbox')
    .select(['template', 'subject', 'textBody', 'htmlBody', 'toAddress', 'organizationId'])
    .where('toAddress', '=', address)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** The token of the newest reset link sent to an address. */
export async function tokenFromMail(t: TestApp, address: string): Promise<string> {
  const mails = (await outboxFor(t, address)).filter((m) => m.template === 'password-reset');
  const body = mails.at(-1)?.textBody ?? '';
  const match = /\/password-reset#token=([A-Za-z0-9_%-]+)/.exec(body);
  if (!match?.[1]) throw new Error(`no reset link in the mail to ${address}`);
  return decodeURIComponent(match[1]);
}

export async function auditActions(t: TestApp, subjectUserId: string): Promise<string[]> {
  const rows = await t.deps.db
    .selectFrom('auditEvents')
    .select('action')
    .where('subjectUserId', '=', subjectUserId)
    .orderBy('occurredAt')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.action);
}

export async function userRow(t: TestApp, id: string) {
  return t.deps.db
    .selectFrom('users')
    .select(['status', 'passwordHash', 'mustChangePassword', 'passwordChangedAt'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function sessionCount(t: TestApp, userId: string): Promise<number> {
  const rows = await t.deps.db.selectFrom('sessions').select('id').where('userId', '=', userId).execute();
  return rows.length;
}

/** Counts calls to the password hasher, to prove a refusal happened before any hashing. */
export function countHashes(t: TestApp): { readonly count: number; restore(): void } {
  const hasher = t.deps.hasher;
  const original = hasher.hash;
  let count = 0;
  hasher.hash = (password) => {
    count++;
    return original(password);
  };
  return {
    get count() {
      return count;
    },
    restore() {
      hasher.hash = original;
    },
  };
}
