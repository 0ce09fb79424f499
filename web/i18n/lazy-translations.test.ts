import { afterAll, describe, expect, it, vi } from 'vitest';
import { i18n, switchLanguage } from './index';

/**
 * A page's lazily registered namespace (web/i18n/lazy/) arrives in the interface language too:
 * a German reader who opens the Audit Log after choosing German reads it in German. Each lazy
 * module must register through `addNamespace`, which loads the translation; one that adds only the
 * English bundle leaves its page in English.
 */
describe('lazy namespaces in the interface language', () => {
  afterAll(async () => {
    await switchLanguage('en');
  });

  it('load their translation when their page registers them after the language was chosen', async () => {
    await switchLanguage('de');
    const before = new Set(Object.keys(i18n.store.data.en ?? {}));
    for (const load of Object.values(import.meta.glob('./lazy/*.ts'))) await load();
    const registered = Object.keys(i18n.store.data.en ?? {}).filter((namespace) => !before.has(namespace));
    expect(registered.length).toBeGreaterThan(5);
    await vi.waitFor(() => {
      expect(registered.filter((namespace) => !i18n.hasResourceBundle('de', namespace))).toEqual([]);
    });
    expect(i18n.t('audit:title', { lng: 'de' })).not.toBe(i18n.t('audit:title', { lng: 'en' }));
  });
});
