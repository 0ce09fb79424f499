import { auditFilteredScenario } from '../lib/audit-filtered';

/** The Audit Log of one action (none of the seeded events has it: the count reads no entry). */
export default auditFilteredScenario('one action', 'filter%5Baction%5D=user.updated');
