import { fileTypeFromBuffer } from 'file-type';

/**
 * What a file is, from its bytes (magic numbers, `file-type`), never from its name or the type the
 * client declared (SECURITY.md "Uploads", ASVS 5.2.2). A file without magic bytes is accepted as
 * `text/plain` only when it is valid UTF-8 without NUL or other binary control characters (text,
 * CSV, iCalendar…); anything else is unknown (undefined). Programs are refused (undefined) too:
 * nobody needs to mail an executable from a CRM, and mail servers bounce them.
 */
export async function sniffContentType(content: Buffer): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(content);
  if (detected) return refusedTypes.has(detected.mime) ? undefined : detected.mime;
  return isPlainText(content) ? 'text/plain' : undefined;
}

const refusedTypes = new Set([
  'application/x-msdownload',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-sharedlib',
  'application/vnd.microsoft.portable-executable',
  'application/x-msi',
  'application/x-apple-diskimage',
]);

const decoder = new TextDecoder('utf-8', { fatal: true });

function isPlainText(content: Buffer): boolean {
  if (content.length === 0) return false;
  let text: string;
  try {
    text = decoder.decode(content);
  } catch {
    return false;
  }
  // Tab, LF, CR and form feed are text; other C0 controls, DEL and NUL mean binary.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}
