import type { Scenario } from '../lib/types';
import readProfile from './30-userprofile-api-key';
import { profileWrite } from './40-patch-users-me';

/**
 * A mixed load with API keys on 50 connections, 90 % reads and 10 % writes by request: 40
 * connections read the administrator's profile as fast as answered, and for every nine reads
 * answered a write goes out on one of 10 connections of their own (bench/lib/follow-reads.ts; the
 * check says the share reached), each write by one of ten members changing their own profile, in
 * turn, as several people's integrations would. The figures are the reads', measured while the
 * writes run: writes must not hold readers up (the read p99 stays within 2× of the read-only
 * scenario's p99, measured in rounds taking turns with this one's).
 *
 * Why ten writers and ten connections: the writes of one profile run one after another (its row's
 * lock on PostgreSQL), about 500 a second there, where 10 % of this load is over 1,500; and a
 * write waits its turn behind the reads, so 5 connections could not keep up with the reads either.
 */
export default {
  name: 'mixed: GET /api/userprofile while PATCH /api/users/me (90 % / 10 % of requests)',
  requests: readProfile.requests,
  connections: 40,
  background: {
    requests: ({ fixtures }) => fixtures.writers.map((writer) => profileWrite(writer.userId, writer.apiKey)),
    connections: 10,
    shareOfRequests: 0.1,
  },
  targets: { maxP99VsScenario: { name: readProfile.name, ratio: 2 } },
} satisfies Scenario;
