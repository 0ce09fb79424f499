import type { ResourceObject } from '../../platform/http/jsonapi';
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
