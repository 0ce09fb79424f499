import type { ResourceObject } from '../../platform/http/jsonapi';
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
