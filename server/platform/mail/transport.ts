import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { Config } from '../config';
import { readStoredFile } from '../files/file-storage';
import { parseEnvelope } from './envelope';
import type { MailAddress } from './outbox';
import type { ClaimedMessage } from './store';

/**
 * Where messages go: an SMTP server (`SMTP_URL`) or, without one, the local mailbox (one `.eml`
 * file per message under `DATA_DIR/mail/`). A transport resolves when the message was accepted
 * and rejects with an error whose message is fit for `last_error`.
 */
export type MailTransport = {
  kind: 'smtp' | 'mailbox';
  send(message: ClaimedMessage): Promise<void>;
  close(): void;
};

export type SmtpTransportOptions = {
  /**
   * TLS options passed to nodemailer (tests on 127.0.0.1 pass `{ rejectUnauthorized: false }`).
   * Never set by default: certificates are verified and STARTTLS is used when the server offers it.
   */
  tls?: SMTPTransport.Options['tls'];
  /** Do not upgrade with STARTTLS even when offered (tests only). */
  ignoreTLS?: boolean;
  /** Parallel SMTP connections (default 4). */
  maxConnections?: number;
};

export function createTransport(
  config: Pick<Config, 'smtpUrl' | 'dataDir'>,
  options: SmtpTransportOptions = {},
): MailTransport {
  return config.smtpUrl
    ? createSmtpTransport(config.smtpUrl, config.dataDir, options)
    : createMailboxTransport(config.dataDir);
}

/** The nodemailer message of an outbox row: the same headers on every attempt. */
async function messageOptions(message: ClaimedMessage, dataDir: string) {
  const common = {
    from: message.fromAddress,
    subject: message.subject,
    text: message.textBody,
    ...(message.htmlBody ? { html: message.htmlBody } : {}),
    messageId: message.messageId,
    date: new Date(message.createdAt),
    // Never read files or URLs named in message content.
    disableFileAccess: true,
    disableUrlAccess: true,
    // An invitation or cancellation: its iCalendar object as the `text/calendar; method=…`
    // alternative (RFC 6047 §2.4), the METHOD parameter the same as the one inside.
    ...(message.calendar
      ? { icalEvent: { method: calendarMethod(message.calendar), content: message.calendar } }
      : {}),
  };
  const envelope = parseEnvelope(message.envelope);
  if (!envelope) {
    return {
      ...common,
      to: { name: message.toName ?? '', address: message.toAddress },
      ...(message.replyTo ? { replyTo: message.replyTo } : {}),
      headers: {
        'Auto-Submitted': 'auto-generated',
        'X-Auto-Response-Suppress': 'All',
        ...(message.contentLanguage ? { 'Content-Language': message.contentLanguage } : {}),
      },
    };
  }
  // A person's email: several recipients (Bcc only in the SMTP envelope), threading headers,
  // attachments read from DATA_DIR/files; no Auto-Submitted (a person wrote it).
  const mailbox = (address: MailAddress) => ({ name: address.name ?? '', address: address.address });
  const attachments = await Promise.all(
    envelope.attachments.map(async (attachment) => {
      const content = await readStoredFile(dataDir, attachment.storageKey);
      if (!content) throw new Error(`The attachment "${attachment.fileName}" is no longer stored.`);
      return { filename: attachment.fileName, contentType: attachment.contentType, content };
    }),
  );
  return {
    ...common,
    to: envelope.to.map(mailbox),
    cc: envelope.cc.map(mailbox),
    bcc: envelope.bcc.map(mailbox),
    ...(envelope.inReplyTo ? { inReplyTo: envelope.inReplyTo } : {}),
    ...(envelope.references ? { references: envelope.references } : {}),
    attachments,
  };
}

/** The METHOD of an iCalendar object (`REQUEST`, `CANCEL`, `PUBLISH` …); PUBLISH when it names none. */
export function calendarMethod(calendar: string): string {
  return /^METHOD:([A-Z-]+)\r?$/m.exec(calendar)?.[1] ?? 'PUBLISH';
}

function createSmtpTransport(url: string, dataDir: string, options: SmtpTransportOptions): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: options.maxConnections ?? 4,
    maxMessages: 100,
    // Every timeout stays well inside the worker's claim lease.
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
    dnsTimeout: 20_000,
    ...(options.tls ? { tls: options.tls } : {}),
    ...(options.ignoreTLS ? { ignoreTLS: true } : {}),
    logger: false,
    debug: false,
  } as SMTPTransport.Options);
  return {
    kind: 'smtp',
    async send(message) {
      const info = await transporter.sendMail(await messageOptions(message, dataDir));
      // Refused by everyone: an attempt that failed. Some refused, others accepted: sent (trying
      // again would send it twice to those who have it).
      if (info.rejected.length > 0 && info.accepted.length === 0)
        throw new Error(`The SMTP server refused the recipient: ${info.response}`);
    },
    close: () => transporter.close(),
  };
}

function createMailboxTransport(dataDir: string): MailTransport {
  const directory = path.join(dataDir, 'mail');
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    kind: 'mailbox',
    async send(message) {
      const info = await composer.sendMail(await messageOptions(message, dataDir));
      await fs.mkdir(directory, { recursive: true });
      // The name depends only on the row, so sending again after a crash overwrites the same
      // file: one .eml per message. Written beside and renamed, so no half-written file appears.
      const file = path.join(directory, mailboxFileName(message));
      const temporary = `${file}.${process.pid}.tmp`;
      await fs.writeFile(temporary, info.message as Buffer, { mode: 0o600 });
      await fs.rename(temporary, file);
    },
    close() {},
  };
}

/** `<timestamp>-<id>.eml`, e.g. `20260115T090000123Z-0194….eml`: sorts by time in a file list. */
export function mailboxFileName(message: Pick<ClaimedMessage, 'id' | 'createdAt'>): string {
  const stamp = message.createdAt.replace(/[-:]/g, '').replace('.', '');
  return `${stamp}-${message.id}.eml`;
}
