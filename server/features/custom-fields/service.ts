import { errorMeta } from '../../../common/error-particulars';
import type { CustomFieldDefinitionInput } from '../../../common/profile';
import { recordAuditEvent } from '../../platform/audit';
import { isUniqueViolation } from '../../platform/db/unique-violation';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { AppError, conflictField, forbidden, invalidField, notFound } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/http/request-context';
import { canManageCustomFields } from './policy';
import {
  type CustomFieldDefinition,
  deleteDefinition,
  findDefinition,
  insertDefinition,
  listDefinitions,
  updateDefinition,
} from './store';

/** The actor's organization's custom user fields, in display order. */
export async function listCustomFields(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
): Promise<CustomFieldDefinition[]> {
  return listDefinitions(deps.db, actor.organizationId);
}

export async function getCustomField(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: string,
): Promise<CustomFieldDefinition> {
  const definition = await findDefinition(deps.db, actor.organizationId, id);
  if (!definition) throw notFound('custom field');
  return definition;
}

function checkChoices(type: string, choices: string[] | null | undefined): string[] | null {
  if (type !== 'choice') {
    if (choices && choices.length > 0) {
      throw invalidField('choices', 'custom_field_choices_unexpected', 'Only a choice list has choices.');
    }
    return null;
  }
  if (!choices || choices.length === 0) {
    throw invalidField(
      'choices',
      'custom_field_choices_required',
      'A choice list needs at least one choice.',
    );
  }
  const seen = new Set<string>();
  for (const [index, choice] of choices.entries()) {
    if (seen.has(choice)) {
      throw invalidField(
        `choices/${index}`,
        'custom_field_choice_duplicate',
        `"${choice}" is listed twice.`,
        errorMeta('custom_field_choice_duplicate', { choice }),
      );
    }
    seen.add(choice);
  }
  return choices;
}

/** At most this many custom fields per organization (every profile shows and checks them all). */
export const CUSTOM_FIELDS_MAX = 200;

/** Defines a new custom user field (`custom_fields.manage`); names are unique per organization. */
export async function createCustomField(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: CustomFieldDefinitionInput,
  context: RequestContext = {},
): Promise<CustomFieldDefinition> {
  if (!canManageCustomFields(actor)) throw forbidden();
  const choices = checkChoices(input.fieldType, input.choices);
  // The unique index on (organization, name) decides, also between two concurrent requests.
  try {
    return await createDefinition(deps, actor, input, choices, context);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw conflictField(
      'name',
      'custom_field_name_taken',
      `There is already a custom field named "${input.name}".`,
      errorMeta('custom_field_name_taken', { name: input.name }),
    );
  }
}

async function createDefinition(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: CustomFieldDefinitionInput,
  choices: string[] | null,
  context: RequestContext,
): Promise<CustomFieldDefinition> {
  return deps.db.transaction().execute(async (trx) => {
    const existing = await listDefinitions(trx, actor.organizationId);
    if (existing.length >= CUSTOM_FIELDS_MAX) {
      throw new AppError(
        'validation',
        'custom_field_limit',
        `An organization can have at most ${CUSTOM_FIELDS_MAX} custom fields.`,
        { meta: errorMeta('custom_field_limit', { limit: CUSTOM_FIELDS_MAX }) },
      );
    }
    const definition = await insertDefinition(
      trx,
      actor.organizationId,
      {
        name: input.name,
        label: input.label,
        type: input.fieldType,
        isRequired: input.required ?? false,
        choices,
        position: input.position ?? (existing.at(-1)?.position ?? -1) + 1,
      },
      deps.clock.now().toISOString(),
    );
    await recordAuditEvent(trx, deps.clock, {
      action: 'custom_field.created',
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      ip: context.ip ?? null,
      details: { fieldId: definition.id, name: definition.name, type: definition.type },
    });
    return definition;
  });
}

/** Changes a definition's label, required flag, choices or position (not its name or type). */
export async function updateCustomField(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  changes: { label?: string; required?: boolean; choices?: string[] | null; position?: number },
  context: RequestContext = {},
): Promise<CustomFieldDefinition> {
  if (!canManageCustomFields(actor)) throw forbidden();
  return deps.db.transaction().execute(async (trx) => {
    const definition = await findDefinition(trx, actor.organizationId, id);
    if (!definition) throw notFound('custom field');
    const choices =
      changes.choices === undefined ? undefined : checkChoices(definition.type, changes.choices);
    const updated = await updateDefinition(
      trx,
      definition,
      {
        ...(changes.label !== undefined ? { label: changes.label } : {}),
        ...(changes.required !== undefined ? { isRequired: changes.required } : {}),
        ...(choices !== undefined ? { choices } : {}),
        ...(changes.position !== undefined ? { position: changes.position } : {}),
      },
      deps.clock.now().toISOString(),
    );
    await recordAuditEvent(trx, deps.clock, {
      action: 'custom_field.updated',
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      ip: context.ip ?? null,
      details: { fieldId: definition.id, name: definition.name, fields: Object.keys(changes) },
    });
    return updated;
  });
}

/** Deletes a definition and every user's value of it. */
export async function deleteCustomField(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  context: RequestContext = {},
): Promise<void> {
  if (!canManageCustomFields(actor)) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    const definition = await findDefinition(trx, actor.organizationId, id);
    if (!definition) throw notFound('custom field');
    await deleteDefinition(trx, definition);
    await recordAuditEvent(trx, deps.clock, {
      action: 'custom_field.deleted',
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      ip: context.ip ?? null,
      details: { fieldId: definition.id, name: definition.name },
    });
  });
}
