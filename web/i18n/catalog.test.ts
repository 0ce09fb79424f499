import { describe, expect, it } from 'vitest';
import { en } from './en';
import { i18n } from './index';

describe('the English catalog', () => {
  it('answers keys of every namespace, with placeholders filled', () => {
    expect(i18n.t('actions.save')).toBe('Save');
    expect(i18n.t('users:create.createdMessage', { username: 'ann' })).toBe('ann can now sign in.');
    expect(i18n.t('errors:forbidden')).toBe(en.errors.forbidden);
  });

  it('types keys: an unknown key does not compile', () => {
    // @ts-expect-error — not in the catalog: the typecheck fails if keys stop being typed.
    const missing = i18n.t('actions.doesNotExist');
    expect(missing).toBe('actions.doesNotExist');
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
    expect(walk(en, '')).toEqual([]);
  });
});
