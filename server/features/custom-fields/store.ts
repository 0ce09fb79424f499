import type { Kysely, Selectable } from 'kysely';
import type { CustomFieldDefinitionsTable, CustomFieldType, DB } from '../../platform/db/schema';
import { newId } from '../../platform/ids';

/** A custom user field as the organization defines it. */
export type CustomFieldDefinition = Omit<DefinitionRow, 'choices'> & { choices: string[] | null };

export type CustomFieldValue = string | number | boolean;

const definitionColumns = [
  'customFieldDefinitions.id',
  'customFieldDefinitions.organizationId',
  'customFieldDefinitions.name',
  'customFieldDefinitions.label',
  'customFieldDefinitions.type',
  'customFieldDefinitions.isRequired',
  'customFieldDefinitions.choices',
  'customFieldDefinitions.position',
  'customFieldDefinitions.createdAt',
  'customFieldDefinitions.updatedAt',
] as const;

type DefinitionRow = Selectable<CustomFieldDefinitionsTable>;

function toDefinition(row: DefinitionRow): CustomFieldDefinition {
  return { ...row, choices: row.choices === null ? null : (JSON.parse(row.choices) as string[]) };
}

/** The organization's definitions in display order. */
export async function listDefinitions(
  db: Kysely<DB>,
  organizationId: string,
): Promise<CustomFieldDefinition[]> {
  const rows = await db
    .selectFrom('customFieldDefinitions')
    .select(definitionColumns)
    .where('organizationId', '=', organizationId)
    .orderBy('position')
    .orderBy('name')
    .execute();
  return rows.map(toDefinition);
}

export async function findDefinition(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
): Promise<CustomFieldDefinition | undefined> {
  const row = await db
    .selectFrom('customFieldDefinitions')
    .select(definitionColumns)
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toDefinition(row) : undefined;
}

export type DefinitionInput = {
  name: string;
  label: string;
  type: CustomFieldType;
  isRequired: boolean;
  choices: string[] | null;
  position: number;
};

export async function insertDefinition(
  db: Kysely<DB>,
  organizationId: string,
  input: DefinitionInput,
  now: string,
): Promise<CustomFieldDefinition> {
  const id = newId();
  const row = {
    id,
    organizationId,
    name: input.name,
    label: input.label,
    type: input.type,
    isRequired: input.isRequired,
    choices: input.choices === null ? null : JSON.stringify(input.choices),
    position: input.position,
    createdAt: now,
    updatedAt: now,
  };
  await db.insertInto('customFieldDefinitions').values(row).execute();
  return toDefinition(row);
}

export async function updateDefinition(
  db: Kysely<DB>,
  definition: CustomFieldDefinition,
  changes: Partial<Omit<DefinitionInput, 'type' | 'name'>>,
  now: string,
): Promise<CustomFieldDefinition> {
  const { choices, ...rest } = changes;
  await db
    .updateTable('customFieldDefinitions')
    .set({
      ...rest,
      ...(choices !== undefined ? { choices: choices === null ? null : JSON.stringify(choices) } : {}),
      updatedAt: now,
    })
    .where('id', '=', definition.id)
    .where('organizationId', '=', definition.organizationId)
    .execute();
  return { ...definition, ...changes, updatedAt: now };
}

/** Deletes a definition; its values go with it (ON DELETE CASCADE). */
export async function deleteDefinition(db: Kysely<DB>, definition: CustomFieldDefinition): Promise<void> {
  await db
    .deleteFrom('customFieldDefinitions')
    .where('id', '=', definition.id)
    .where('organizationId', '=', definition.organizationId)
    .execute();
}

/** A user's values of the organization's fields, by field name. */
export async function loadCustomFieldValues(
  db: Kysely<DB>,
  organizationId: string,
  userId: string,
): Promise<Record<string, CustomFieldValue>> {
  const rows = await db
    .selectFrom('customFieldValues')
    .innerJoin('customFieldDefinitions', 'customFieldDefinitions.id', 'customFieldValues.fieldId')
    .select(['customFieldDefinitions.name', 'customFieldValues.value'])
    .where('customFieldDefinitions.organizationId', '=', organizationId)
    .where('customFieldValues.userId', '=', userId)
    .execute();
  const values: Record<string, CustomFieldValue> = {};
  for (const row of rows) values[row.name] = JSON.parse(row.value) as CustomFieldValue;
  return values;
}

/** Sets (or, with null, removes) a user's values, by field id. */
export async function writeCustomFieldValues(
  db: Kysely<DB>,
  userId: string,
  values: ReadonlyMap<string, CustomFieldValue | null>,
): Promise<void> {
  for (const [fieldId, value] of values) {
    if (value === null) {
      await db
        .deleteFrom('customFieldValues')
        .where('userId', '=', userId)
        .where('fieldId', '=', fieldId)
        .execute();
      continue;
    }
    const json = JSON.stringify(value);
    await db
      .insertInto('customFieldValues')
      .values({ userId, fieldId, value: json })
      .onConflict((oc) => oc.columns(['userId', 'fieldId']).doUpdateSet({ value: json }))
      .execute();
  }
}
