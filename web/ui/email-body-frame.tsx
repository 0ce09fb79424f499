import { Button, Group, Text } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n/lazy/activities';

/**
 * What the frame allows: inline styles and embedded (`data:`, `cid:`) images only — no scripts
 * (the sandbox), no remote images, fonts or anything else a tracker could load (the policy).
 */
const FRAME_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data: cid:";
/** Once the viewer allows remote images: the same, plus pictures over http(s). */
const FRAME_POLICY_REMOTE_IMAGES =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data: cid: https: http:";

const REMOTE = /^https?:/i;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The (server-sanitized) HTML with every remote `<img>`'s `src` moved to `data-remote-src`, and
 * how many there were: parsed with DOMParser, whose documents load nothing and run nothing.
 */
export function holdBackRemoteImages(html: string): { html: string; remoteImages: number } {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  let remoteImages = 0;
  for (const image of parsed.body.querySelectorAll('img')) {
    const src = image.getAttribute('src') ?? '';
    if (!REMOTE.test(src)) continue;
    image.setAttribute('data-remote-src', src);
    image.removeAttribute('src');
    remoteImages++;
  }
  return { html: remoteImages === 0 ? html : parsed.body.innerHTML, remoteImages };
}

/**
 * The frame's whole document: the policy, a base style, and the body. Remote images load only
 * with `allowRemoteImages`: until then both their `src` is held back and the policy refuses them.
 */
export function emailFrameDocument(
  body: { type: 'html' | 'text'; content: string },
  allowRemoteImages = false,
): string {
  const content =
    body.type === 'html'
      ? allowRemoteImages
        ? body.content
        : holdBackRemoteImages(body.content).html
      : `<pre style="white-space:pre-wrap;font:inherit">${escapeHtml(body.content)}</pre>`;
  const policy = allowRemoteImages ? FRAME_POLICY_REMOTE_IMAGES : FRAME_POLICY;
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}"><meta name="referrer" content="no-referrer"><base target="_blank"><style>body{font-family:system-ui,sans-serif;font-size:14px;color:#212529;margin:8px;overflow-wrap:anywhere}img{max-width:100%}</style></head><body>${content}</body></html>`;
}

/**
 * An email's body in a sandboxed frame: the sandbox grants nothing (no scripts, no forms, no
 * same-origin access to the app), and remote images stay unloaded — so an email cannot run code
 * or tell its sender it was read — until the viewer presses **Show remote images** (per message,
 * for as long as it stays open). Links open in a new tab.
 */
export function EmailBodyFrame({
  body,
  title,
}: {
  body: { type: 'html' | 'text'; content: string };
  title: string;
}) {
  const { t } = useTranslation('activities');
  const [allowed, setAllowed] = useState(false);
  const remoteImages = useMemo(
    () => (body.type === 'html' ? holdBackRemoteImages(body.content).remoteImages : 0),
    [body],
  );
  const document = useMemo(() => emailFrameDocument(body, allowed), [body, allowed]);
  return (
    <div>
      {remoteImages > 0 && !allowed ? (
        <Group gap="xs" mb={6} wrap="wrap">
          <Text size="sm" c="gray.8">
            {t('item.remoteImagesHidden', { count: remoteImages })}
          </Text>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPhoto size={14} aria-hidden="true" />}
            onClick={() => setAllowed(true)}
          >
            {t('item.showRemoteImages')}
          </Button>
        </Group>
      ) : null}
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
    </div>
  );
}
