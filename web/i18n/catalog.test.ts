import { describe, expect, it } from 'vitest';
import { auditActions } from '../../common/audit-actions';
import { menuLabels } from '../../common/menus';
import { permissions } from '../../common/permissions';
import { settingDefinitions } from '../../common/settings';
import { type MenuItemDefinition, menuDefinitions } from '../../server/features/menus/definitions';
import { en } from './en';
import { access } from './en/access';
import { activities } from './en/activities';
import { apiKeys } from './en/api-keys';
import { audit } from './en/audit';
import { calendar } from './en/calendar';
import { customFields } from './en/custom-fields';
import { emailTemplates } from './en/email-templates';
import { errors } from './en/errors';
import { mail } from './en/mail';
import { organizations } from './en/organizations';
import { passwords } from './en/passwords';
import { settings } from './en/settings';
import { tasks } from './en/tasks';
import { users } from './en/users';
import { i18n } from './index';
import { lazyNamespaces } from './lazy-namespaces';

/** The namespaces added when their first page loads (web/i18n/lazy/), with their strings. */
const lazyCatalogs = {
  ...lazyNamespaces,
  access,
  activities,
  calendar,
  customFields,
  emailTemplates,
  errors,
  organizations,
  passwords,
  settings,
  tasks,
  users,
  apiKeys,
  audit,
  mail,
};

describe('the English catalog', () => {
  it('answers keys of the start-up namespaces, and of a lazy one once its module has loaded', async () => {
    expect(i18n.t('actions.save')).toBe('Save');
    expect(i18n.hasResourceBundle('en', 'users')).toBe(false);
    await import('./lazy/users');
    expect(i18n.t('users:create.createdMessage', { username: 'ann' })).toBe('ann can now sign in.');
    await import('./lazy/errors');
    expect(i18n.t('errors:forbidden')).toBe(errors.forbidden);
  });

  it('types keys: an unknown key does not compile', () => {
    // @ts-expect-error — not in the catalog: the typecheck fails if keys stop being typed.
    const missing = i18n.t('actions.doesNotExist');
    expect(missing).toBe('actions.doesNotExist');
  });

  it('registers every lazy namespace from its module, under the name its pages ask for', async () => {
    const modules = import.meta.glob('./lazy/*.ts');
    for (const load of Object.values(modules)) await load();
    for (const [namespace, strings] of Object.entries(lazyCatalogs)) {
      expect(i18n.getResourceBundle('en', namespace), namespace).toEqual(strings);
    }
  });

  it('labels every choice of every setting picked from a list (keyed by setting key and value)', () => {
    const options = settings.options as Partial<Record<string, Record<string, string>>>;
    for (const [key, definition] of Object.entries(settingDefinitions)) {
      const choices = (definition as { choices?: readonly { value: unknown }[] }).choices ?? [];
      // Numbers (records per page, page sizes) are their own label.
      const named = choices.filter((choice) => typeof choice.value === 'string');
      for (const choice of named)
        expect(options[key]?.[String(choice.value)], `${key}=${choice.value}`).toBeTruthy();
    }
  });

  it('has no empty string and no placeholder without a name', () => {
    const walk = (node: unknown, path: string): string[] =>
      typeof node === 'string'
        ? node.trim() === '' || node.includes('{{}}')
          ? [path]
          : []
        : Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
            walk(value, path ? `${path}.${key}` : key),
          );
    expect(walk({ ...en, ...lazyCatalogs }, '')).toEqual([]);
  });

  it('names every shipped menu item as its definition does (menus:items, by its stable key)', () => {
    const shipped = new Map<string, string>();
    const walk = (items: readonly MenuItemDefinition[]) => {
      for (const item of items) {
        if (!item.divider) shipped.set(item.key, item.label);
        walk(item.children ?? []);
      }
    };
    for (const items of Object.values(menuDefinitions)) walk(items);
    expect(Object.fromEntries(shipped)).toEqual(en.menus.items);
    expect(en.menus.names).toEqual(menuLabels);
  });

  it('has words for every audit action and every permission, none of them a code', async () => {
    await import('./lazy/audit');
    await import('./lazy/access');
    for (const action of auditActions) {
      expect(i18n.exists(`audit:actions.${action}`), action).toBe(true);
      expect(i18n.t(`audit:actions.${action}`)).not.toMatch(/[._]/);
    }
    for (const permission of permissions) {
      expect(i18n.exists(`access:permissions.${permission}`), permission).toBe(true);
    }
    expect(i18n.t('audit:actions.user.created')).toBe('Account created');
  });
});
