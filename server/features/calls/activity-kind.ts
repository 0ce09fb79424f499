import type { ActivityKindDefinition } from '../activities/kinds';
import { findActivityTargetsOf } from '../activities/store';
import { callResource, presentCall } from './presenter';
import { callFields, findCallsByIds } from './store';

/** Calls on the Activity timeline: the `calls` resource as GET /api/calls/{id} presents it. */
export const callActivityKind: ActivityKindDefinition = {
  kind: 'call',
  type: 'calls',
  resource: callResource,
  fields: callFields,
  async present(db, organizationId, recordIds, { actor }) {
    const [calls, targets] = await Promise.all([
      findCallsByIds(db, organizationId, recordIds),
      findActivityTargetsOf(db, organizationId, 'call', recordIds),
    ]);
    return new Map(calls.map((call) => [call.id, presentCall(call, targets.get(call.id) ?? [], actor)]));
  },
};
