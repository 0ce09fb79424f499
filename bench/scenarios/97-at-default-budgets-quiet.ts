import type { Scenario } from '../lib/types';
import profile from './20-userprofile-session';

/**
 * The quiet reference of the starvation scenario (97-one-key-does-not-starve-others.ts): the same
 * profile read, alone, on the app process that keeps the default budgets. The bench measures it
 * again in rounds taking turns with that scenario's, so that the two are compared on one process
 * (its caches and compiled code) and one stretch of machine load; its own row is for information.
 */
export default {
  name: 'GET /api/userprofile (session cookie), quiet, at the default budgets',
  budgets: 'default',
  requests: profile.requests,
} satisfies Scenario;
