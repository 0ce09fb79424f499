import { auditFilteredScenario } from '../lib/audit-filtered';

/**
 * The Audit Log since a date: the events are spread over the year before seeding, so this range
 * holds about half of them, and its count reads about 500,000 index entries.
 */
export default auditFilteredScenario('since a date', 'filter%5BoccurredAt%5D%5Bgte%5D=2026-06-01T00:00:00Z');
