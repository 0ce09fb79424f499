import type { Scenario } from '../lib/types';
import readProfile from './30-userprofile-api-key';
import { profileWrite } from './40-patch-users-me';

/**
 * A mixed load with API keys, 90 % reads and 10 % writes by request, about 50 requests at a time:
 * 45 connections read the administrator's profile as fast as answered, and for every nine reads
 * answered a write goes out on up to 10 connections of their own (bench/lib/follow-reads.ts; the
 * check says the share reached), each write by one of ten members changing their own profile, in
 * turn, as several people's integrations would. The figures are the reads', measured while the
 * writes run: writes must not hold readers up (the read p99 stays within 2× of the read-only
 * scenario's p99, at 50 connections, measured in rounds taking turns with this one's).
 *
 * Why ten writers and up to ten connections: one profile's writes run one after another (its
 * row's lock on PostgreSQL: about 950 writes/s there), and a write waits its turn behind the
 * reads, a few ms: 5 connections writing as fast as answered made 4 % of the requests.
 */
export default {
  name: 'mixed: GET /api/userprofile while PATCH /api/users/me (90 % / 10 % of requests)',
  requests: readProfile.requests,
  connections: 45,
  background: {
    requests: ({ fixtures }) => fixtures.writers.map((writer) => profileWrite(writer.userId, writer.apiKey)),
    connections: 10,
    shareOfRequests: 0.1,
  },
  targets: { maxP99VsScenario: { name: readProfile.name, ratio: 2 } },
} satisfies Scenario;
