import sharp from 'sharp';
import type { Scenario } from '../lib/types';

/** The user menu's picture: a stored avatar read back at 58 px, with an API key. */
export default {
  name: 'GET /api/users/{id}/avatar?size=58 (Bearer key)',
  async setup({ baseUrl, fixtures }) {
    const picture = await sharp({
      create: { width: 512, height: 512, channels: 3, background: { r: 60, g: 90, b: 160 } },
    })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(picture)], { type: 'image/png' }), 'avatar.png');
    const response = await fetch(`${baseUrl}/api/users/me/avatar`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${fixtures.apiKey}` },
      body: form,
    });
    if (!response.ok) throw new Error(`avatar upload answered ${response.status}`);
  },
  requests: ({ fixtures }) => ({
    method: 'GET',
    path: `/api/users/${fixtures.userId}/avatar?size=58`,
    headers: { authorization: `Bearer ${fixtures.apiKey}` },
  }),
} satisfies Scenario;
