import { z } from 'zod';
import type { ResourceObject } from '../../platform/http/jsonapi';
import { resourceSchema, text } from '../../platform/http/openapi';
import type { SettingView } from './service';

export function presentSetting(view: SettingView): ResourceObject {
  return {
    type: 'settings',
    id: view.key,
    attributes: {
      key: view.key,
      label: view.label,
      scope: view.scope,
      value: view.value,
      inheritedFrom: view.inheritedFrom,
      parentValue: view.parentValue,
      parentOrigin: view.parentOrigin,
      settable: view.settable,
      ...(view.insecure ? { insecure: true } : {}),
    },
  };
}

const settingValue = z.union([
  text(10_000),
  z.number(),
  z.boolean(),
  z.array(text(100)).max(100).describe('A list of setting keys (configuration.locked_keys)'),
  z.null(),
]);
const scope = z.enum(['system', 'organization', 'user']);
const origin = z.enum(['system', 'organization', 'user', 'default']);

/** The `settings` resource: one key's value in force at a level; its id is the key. */
export const settingResource = resourceSchema('settings', {
  id: text(100).regex(/^[a-z][a-z0-9_.]*$/),
  attributes: {
    key: text(100)
      .regex(/^[a-z][a-z0-9_.]*$/)
      .describe('Stable: the setting, and the key a client words its name by in its own language'),
    label: text(255).describe(
      'The setting’s name in English, whatever the requester’s Language or Accept-Language (for ' +
        'integrators, scripts and logs, like an error’s `detail`). A client that speaks the user’s ' +
        'language names the setting by `key` from its own catalog, as the SPA does.',
    ),
    scope,
    value: settingValue,
    inheritedFrom: origin.nullable().describe('null when set at this level; else where the value comes from'),
    parentValue: settingValue.describe('What applies when this level’s value is removed'),
    parentOrigin: origin,
    settable: z.boolean().describe('Whether the key may be set at this level'),
    insecure: z.literal(true).optional().describe('The value weakens security'),
  },
}).meta({ id: 'Setting' });
