import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { SettingScope } from '../../../common/settings';
import { i18n, switchLanguage } from '../../i18n';
import { interfaceLanguageOf } from '../../i18n/languages';
import { viewerSettings } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { type Setting, settingsQueryKey, useSettings, useUpdateSettings } from './api';
import type { ConfigurationSection } from './configuration-tree';
import type { DraftEntry } from './setting-field';

export const LOCKED_KEYS = 'configuration.locked_keys';

type Draft = Record<string, DraftEntry>;

function draftOf(settings: Setting[]): Draft {
  return Object.fromEntries(
    settings.map((setting) => [
      setting.key,
      { value: setting.value, inherit: setting.inheritedFrom !== null },
    ]),
  );
}

/**
 * The settings as the page's fields have them (saved or not): a field left on its parent's value
 * inherits it from where the parent got it.
 */
function draftSettings(settings: readonly Setting[], draft: Draft): Setting[] {
  return settings.map((setting) => {
    const entry = draft[setting.key];
    if (!setting.settable || !entry) return setting;
    return entry.inherit
      ? { ...setting, value: setting.parentValue, inheritedFrom: setting.parentOrigin }
      : { ...setting, value: entry.value, inheritedFrom: null };
  });
}

export type ConfigurationDraft = ReturnType<typeof useConfigurationDraft>;

/**
 * The Configuration page's state: the level's settings, the fields as edited (`draft`), the keys
 * the organization or system locks against users' overrides, and **Save Settings** and **Reset**.
 */
export function useConfigurationDraft(scope: SettingScope, allowed: boolean, section: ConfigurationSection) {
  const query = useSettings(scope, allowed);
  const update = useUpdateSettings(scope);
  const [draft, setDraft] = useState<Draft>({});
  const [locks, setLocks] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (query.data) {
      setDraft(draftOf(query.data));
      const stored = query.data.find((s) => s.key === LOCKED_KEYS)?.value;
      setLocks(Array.isArray(stored) ? (stored as string[]) : null);
    }
  }, [query.data]);

  const byKey = useMemo(() => new Map((query.data ?? []).map((s) => [s.key, s])), [query.data]);
  // What the viewer's pages would use with the fields as they are: the preview and the hint of a
  // locale or zone no level sets (the browser's) come from the same rule as every page.
  const viewer = useMemo(
    () => (query.data ? viewerSettings(draftSettings(query.data, draft)) : undefined),
    [query.data, draft],
  );

  const changes = () => {
    const list: { key: string; value: unknown }[] = [];
    for (const setting of query.data ?? []) {
      const entry = draft[setting.key];
      if (!entry || !setting.settable || setting.key === LOCKED_KEYS) continue;
      const wasInherited = setting.inheritedFrom !== null;
      if (entry.inherit) {
        if (!wasInherited) list.push({ key: setting.key, value: null });
      } else if (wasInherited || entry.value !== setting.value) {
        list.push({ key: setting.key, value: entry.value });
      }
    }
    const stored = byKey.get(LOCKED_KEYS);
    if (stored?.settable && locks && JSON.stringify(locks) !== JSON.stringify(stored.value)) {
      list.push({ key: LOCKED_KEYS, value: locks });
    }
    return list;
  };

  const send = useSend(update.mutateAsync, setFailure);
  // i18n.t, not the render's t: that one keeps the language it was rendered in.
  const save = () => send(changes(), () => i18n.t('settings:page.saved'));
  const reset = () => {
    const own = section.keys.filter((key) => byKey.get(key)?.inheritedFrom === null);
    send(
      own.map((key) => ({ key, value: null })),
      () =>
        i18n.t('settings:page.cleared', { section: i18n.t(`settings:tree.sections.${section.labelKey}`) }),
    );
  };
  return {
    query,
    isSaving: update.isPending,
    draft,
    setDraft,
    locks,
    setLocks,
    failure,
    byKey,
    viewer,
    save,
    reset,
  };
}

/**
 * Sending changes. The message is worded once the save is done: in the new Language when the save
 * changed it. A promise rather than mutate's callbacks, which are dropped if the page re-mounts
 * meanwhile (the switch of language may suspend it while its words load).
 */
function useSend(
  mutateAsync: (list: { key: string; value: unknown }[]) => Promise<unknown>,
  setFailure: (failure: string | null) => void,
) {
  const queryClient = useQueryClient();

  /**
   * My Language as the save left it (whichever level was saved), made the interface language
   * before anything is said: LanguageFromSettings would switch too, but only after the notice.
   */
  const applyNewLanguage = async () => {
    await queryClient.refetchQueries({ queryKey: settingsQueryKey('user') });
    const mine = queryClient.getQueryData<Setting[]>(settingsQueryKey('user'));
    const language = interfaceLanguageOf(
      String(mine?.find((setting) => setting.key === 'localization.language')?.value ?? ''),
    );
    if (language && language !== i18n.language) await switchLanguage(language);
  };

  return (list: { key: string; value: unknown }[], message: () => string) => {
    setFailure(null);
    mutateAsync(list)
      .then(async () => {
        if (list.some((change) => change.key === 'localization.language')) await applyNewLanguage();
        notifySuccess(message());
      })
      .catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  };
}
