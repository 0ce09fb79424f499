import type { BenchRequest, Scenario } from '../lib/types';
import readProfile from './30-userprofile-api-key';
import patchProfile from './40-patch-users-me';

/** Reads per write on each connection: 9 reads, then a write (90 % reads, 10 % writes by request). */
const READS_PER_WRITE = 9;

/**
 * A mixed load with API keys (issue 17): each of the 50 connections reads the profile nine times,
 * then writes it, and again — 90 % reads and 10 % writes by request, whatever each costs. The
 * figures are the reads', measured while the writes run: writes must not hold readers up (the
 * read p99 stays within 2× of the read-only scenario's p99, which the bench measures again in
 * rounds taking turns with this one's).
 */
export default {
  name: 'mixed: 90 % GET /api/userprofile, 10 % PATCH /api/users/me (50 connections)',
  requests: (context) => {
    const read = readProfile.requests(context) as BenchRequest;
    const writes = [patchProfile.requests(context)].flat();
    return writes.flatMap((write) => [
      ...Array.from({ length: READS_PER_WRITE }, () => read),
      { ...write, unmeasured: true },
    ]);
  },
  targets: { maxP99VsScenario: { name: readProfile.name, ratio: 2 } },
} satisfies Scenario;
