import { useMemo } from 'react';

/**
 * What the frame allows: inline styles and embedded (`data:`, `cid:`) images only — no scripts
 * (the sandbox), no remote images, fonts or anything else a tracker could load (the policy).
 */
const FRAME_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data: cid:";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The frame's whole document: the policy, a base style, and the (server-sanitized) body. */
export function emailFrameDocument(body: { type: 'html' | 'text'; content: string }): string {
  const content =
    body.type === 'html'
      ? body.content
      : `<pre style="white-space:pre-wrap;font:inherit">${escapeHtml(body.content)}</pre>`;
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}"><base target="_blank"><style>body{font-family:system-ui,sans-serif;font-size:14px;color:#212529;margin:8px;overflow-wrap:anywhere}</style></head><body>${content}</body></html>`;
}

/**
 * An email's body in a sandboxed frame: the sandbox grants nothing (no scripts, no forms, no
 * same-origin access to the app), and the document's own policy blocks remote images, so an
 * email cannot run code or tell its sender it was read. Links open in a new tab.
 */
export function EmailBodyFrame({
  body,
  title,
}: {
  body: { type: 'html' | 'text'; content: string };
  title: string;
}) {
  const document = useMemo(() => emailFrameDocument(body), [body]);
  return (
    <iframe
      title={title}
      sandbox="allow-popups allow-popups-to-escape-sandbox"
      srcDoc={document}
      referrerPolicy="no-referrer"
      style={{
        width: '100%',
        minHeight: 200,
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 4,
      }}
    />
  );
}
