import { z } from 'zod';
import { CUSTOM_CHOICES_MAX, CUSTOM_TEXT_MAX, customFieldTypes } from '../../../common/profile';
import type { ResourceObject } from '../../platform/http/jsonapi';
import { apiPath, integer, resourceSchema, text, timestamp } from '../../platform/http/openapi';
import type { CustomFieldDefinition } from './store';

export function presentCustomField(definition: CustomFieldDefinition): ResourceObject {
  return {
    type: 'custom-fields',
    id: definition.id,
    attributes: {
      name: definition.name,
      label: definition.label,
      fieldType: definition.type,
      required: definition.isRequired,
      choices: definition.choices,
      position: definition.position,
      createdAt: definition.createdAt,
      updatedAt: definition.updatedAt,
    },
    links: { self: `/api/custom-fields/${definition.id}` },
  };
}

/** The `custom-fields` resource: the kind of value is `fieldType` (JSON:API reserves `type`). */
export const customFieldResource = resourceSchema('custom-fields', {
  attributes: {
    name: text(64).regex(/^[a-z][a-z0-9_]*$/),
    label: text(CUSTOM_TEXT_MAX * 2),
    fieldType: z.enum(customFieldTypes),
    required: z.boolean(),
    choices: z
      .array(text(CUSTOM_TEXT_MAX * 2))
      .max(CUSTOM_CHOICES_MAX)
      .nullable(),
    position: integer(0, 10_000),
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  links: { self: apiPath },
}).meta({ id: 'CustomField' });
