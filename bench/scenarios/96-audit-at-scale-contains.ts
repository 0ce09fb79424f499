import { auditFilteredScenario } from '../lib/audit-filtered';

/** The Audit Log of the actions containing "password" (one seeded event in ten has one). */
export default auditFilteredScenario(
  'actions containing "password"',
  'filter%5Baction%5D%5Bcontains%5D=password',
);
