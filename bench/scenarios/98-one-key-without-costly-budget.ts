import { costlyLister } from '../lib/costly-lister';
import type { Scenario } from '../lib/types';
import quiet from './20-userprofile-session';

/**
 * Scenario 97 with the costly-request budget lifted (as every other scenario runs): every one of
 * the key's ten requests a second runs. Beyond what Atrium allows a key, so no target: it shows
 * what the reader sees when the budget does not step in.
 */
export default {
  name: 'GET /api/userprofile (session) while one key lists users without a costly budget',
  requests: quiet.requests,
  background: costlyLister(false),
} satisfies Scenario;
