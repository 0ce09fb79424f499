import type { Scenario } from '../lib/types';
import readProfile from './30-userprofile-api-key';
import patchProfile from './40-patch-users-me';

/**
 * A mixed load with API keys: 45 connections read the profile while 5 write it (about 90 % reads,
 * 10 % writes by connection). The figures are the reads', measured while the writes run: writes
 * must not hold readers up (the read p99 stays within 2× of the read-only scenario's p99, which
 * the bench measures again in rounds taking turns with this one's).
 */
export default {
  name: 'mixed: GET /api/userprofile while PATCH /api/users/me (45 + 5 connections)',
  requests: readProfile.requests,
  connections: 45,
  background: { requests: patchProfile.requests, connections: 5 },
  targets: { maxP99VsScenario: { name: readProfile.name, ratio: 2 } },
} satisfies Scenario;
