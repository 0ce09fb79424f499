import type { MailAddress } from './outbox';

/**
 * What a person's email (Send Email) needs beyond a system message's one recipient, stored as
 * JSON in `mail_outbox.envelope` at queue time so every retry sends the same message: the To, Cc
 * and Bcc lists (Bcc reaches the SMTP envelope only, never a header), the threading headers
 * (RFC 5322 §3.6.4) and the attachments, by storage key under `DATA_DIR/files`.
 */
export type MailEnvelope = {
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  /** `<id@host>` of the message replied to */
  inReplyTo?: string;
  /** Space-separated `<id@host>` list: the thread so far */
  references?: string;
  attachments: { storageKey: string; fileName: string; contentType: string }[];
};

export function parseEnvelope(json: string | null): MailEnvelope | undefined {
  return json === null ? undefined : (JSON.parse(json) as MailEnvelope);
}
