import { parseArgs } from 'node:util';
import {
  findMailMessage,
  listMailMessages,
  mailMessageListSpec,
  mailStatuses,
  requeueFailedMessage,
} from '../features/mail/store';
import { recordAuditEvent } from '../platform/audit';
import { isoNow } from '../platform/clock';
import type { MailStatus } from '../platform/db/schema';
import { parseListQuery } from '../platform/http/jsonapi';
import { isId } from '../platform/ids';
import { type CliContext, CliError, type CliIo } from './context';

export const mailListUsage = `npx atrium mail:list [--status queued|sending|sent|failed] [--to <address>] [--limit <n>] [--json]
  The outbox of every organization and the system mail, newest first.`;
export const mailRetryUsage = `npx atrium mail:retry <id>
  Puts a failed message back in the queue (attempts from zero); a running server sends it within seconds.`;

/** `mail:list`: the outbox as a table (or JSON lines), across all organizations. */
export async function mailList(context: CliContext, io: CliIo, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      status: { type: 'string' },
      to: { type: 'string' },
      limit: { type: 'string', default: '50' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.status && !mailStatuses.includes(values.status as MailStatus)) {
    throw new CliError(`--status must be one of ${mailStatuses.join(', ')}.`);
  }
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new CliError('--limit must be a whole number from 1 to 100.');
  const query: Record<string, string> = { 'page[size]': String(limit) };
  if (values.status) query['filter[status]'] = values.status;
  if (values.to) query['filter[toAddress]'] = values.to;
  const listQuery = parseListQuery(query, mailMessageListSpec);
  const page = await listMailMessages(context.database.db, 'everything', listQuery);

  if (values.json) {
    for (const row of page.rows) io.out(JSON.stringify(row));
    return 0;
  }
  if (page.rows.length === 0) {
    io.out('No messages.');
    return 0;
  }
  const table = page.rows.map((row) => [
    row.id,
    row.status,
    String(row.attempts),
    row.createdAt.slice(0, 19).replace('T', ' '),
    row.toAddress,
    truncate(row.subject, 40),
    row.status === 'queued' && row.attempts > 0
      ? `next ${row.nextAttemptAt.slice(11, 19)}: ${row.lastError ?? ''}`
      : row.status === 'failed'
        ? (row.lastError ?? '')
        : '',
  ]);
  printTable(io, ['ID', 'STATUS', 'TRIES', 'QUEUED (UTC)', 'TO', 'SUBJECT', 'LAST ERROR'], table);
  if (page.hasNextPage) io.out(`(more: raise --limit or filter with --status / --to)`);
  return 0;
}

/** `mail:retry <id>`: a failed message back in the queue, audited like the outbox page's Retry. */
export async function mailRetry(context: CliContext, io: CliIo, args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, strict: true, allowPositionals: true });
  const [id, ...extra] = positionals;
  if (!id || extra.length > 0) throw new CliError(`Usage: ${mailRetryUsage}`);
  if (!isId(id)) throw new CliError(`"${id}" is not a message id (see npx atrium mail:list).`);
  const { db } = context.database;
  const message = await db.transaction().execute(async (trx) => {
    const current = await findMailMessage(trx, 'everything', id);
    if (!current) throw new CliError(`There is no message ${id}.`);
    if (!(await requeueFailedMessage(trx, 'everything', id, isoNow(context.clock)))) {
      throw new CliError(`Only a failed message can be retried; ${id} is ${current.status}.`);
    }
    await recordAuditEvent(trx, context.clock, {
      action: 'mail.retried',
      organizationId: current.organizationId,
      actorUserId: null,
      details: {
        mailMessageId: id,
        messageId: current.messageId,
        attemptsBefore: current.attempts,
        via: 'cli',
      },
    });
    return current;
  });
  io.out(`Message ${id} to ${message.toAddress} is queued again; a running server sends it within seconds.`);
  return 0;
}

function truncate(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function printTable(io: CliIo, header: string[], rows: string[][]): void {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  io.out(line(header));
  for (const row of rows) io.out(line(row));
}
