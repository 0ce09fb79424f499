import { beforeAll } from 'vitest';
import { switchLanguage } from '../../web/i18n/index';

/**
 * The SPA's i18n instance is one per worker, and the fast project shares a worker's modules among
 * its files (`isolate: false`): a file that switches the interface language and does not switch it
 * back would leave the next file reading German. Every file starts in English, whatever ran before
 * it; a file that wants another language switches in its own hooks.
 */
beforeAll(async () => {
  // Always: a switch a file left unfinished is overtaken too (switchLanguage's last call wins).
  await switchLanguage('en');
});
