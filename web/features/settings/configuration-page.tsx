import { Alert, Button, Group, Loader, Modal, NavLink, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { createFormatter, formatSettingsOf } from '../../../common/format';
import type { ResolvedSettings } from '../../../common/settings';
import {
  isSettingKey,
  type SettingScope,
  settingDefinitions,
  userSettingKeys,
} from '../../../common/settings';
import { useCurrentUser } from '../../app/api';
import { i18n, switchLanguage } from '../../i18n';
import { interfaceLanguageOf } from '../../i18n/languages';
import { viewerSettings } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { Page } from '../../ui/page';
import { type Setting, settingsQueryKey, useSettings, useUpdateSettings } from './api';
import { CalendarFeedField } from './calendar-feed';
import { type ConfigurationSection, configurationPaths, configurationSections } from './configuration-tree';
import { type DraftEntry, SettingField } from './setting-field';
import '../../i18n/lazy/settings';

const permissionOf: Record<SettingScope, string> = {
  user: 'update_own_configuration',
  organization: 'organization.settings',
  system: 'system.settings',
};

const LOCKED_KEYS = 'configuration.locked_keys';

function showsAt(key: string, scope: SettingScope): boolean {
  return isSettingKey(key) && (settingDefinitions[key].scopes as readonly SettingScope[]).includes(scope);
}

/** The pages of the tree a level shows: those with at least one key that level may hold. */
function sectionsOf(scope: SettingScope): ConfigurationSection[] {
  return configurationSections
    .filter((section) => section.scopes.includes(scope))
    .map((section) => ({ ...section, keys: section.keys.filter((key) => showsAt(key, scope)) }))
    .filter((section) => section.keys.length > 0);
}

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

/**
 * The Configuration page of one level — mine in the current organization ("My Configuration"),
 * the organization's or the system's — with the same tree and fields: each value either set here
 * or inherited from the level above, which the field names. **Save Settings** sends what changed;
 * **Reset** (after a confirmation) clears every value set here on the shown page.
 */
export function ConfigurationPage({ scope }: { scope: SettingScope }) {
  const { t } = useTranslation('settings');
  const queryClient = useQueryClient();
  const { data: user } = useCurrentUser();
  const permissions = user?.permissions ?? [];
  const allowed = permissions.includes(permissionOf[scope]);
  const sections = sectionsOf(scope);
  const [searchParams] = useSearchParams();
  const section =
    sections.find((s) => s.id === searchParams.get('section')) ?? (sections[0] as ConfigurationSection);
  const title = t(`page.titles.${scope}`);
  const sectionLabel = t(`tree.sections.${section.labelKey}`);
  const formId = useId();
  const query = useSettings(scope, allowed);
  const update = useUpdateSettings(scope);
  const [draft, setDraft] = useState<Draft>({});
  const [locks, setLocks] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmingReset, setConfirmingReset] = useState(false);

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

  /**
   * The message is worded once the save is done: in the new Language when the save changed it.
   * A promise rather than mutate's callbacks, which are dropped if the page re-mounts meanwhile
   * (the switch of language may suspend it while its words load).
   */
  const send = (list: { key: string; value: unknown }[], message: () => string) => {
    setFailure(null);
    update
      .mutateAsync(list)
      .then(async () => {
        if (list.some((change) => change.key === 'localization.language')) await applyNewLanguage();
        notifySuccess(message());
      })
      .catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  };

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

  // i18n.t, not the render's t: that one keeps the language it was rendered in.
  const save = () => send(changes(), () => i18n.t('settings:page.saved'));
  const reset = () => {
    setConfirmingReset(false);
    const own = section.keys.filter((key) => byKey.get(key)?.inheritedFrom === null);
    send(
      own.map((key) => ({ key, value: null })),
      () =>
        i18n.t('settings:page.cleared', { section: i18n.t(`settings:tree.sections.${section.labelKey}`) }),
    );
  };

  const levelLinks = (['user', 'organization', 'system'] as const).filter((level) =>
    permissions.includes(permissionOf[level]),
  );

  return (
    <Page
      title={title}
      actions={
        allowed ? (
          <>
            <Button type="submit" form={formId} loading={update.isPending} disabled={!query.data}>
              {t('page.save')}
            </Button>
            <Button variant="default" onClick={() => setConfirmingReset(true)} disabled={!query.data}>
              {t('page.reset')}
            </Button>
          </>
        ) : null
      }
    >
      <Text>
        {scope === 'user'
          ? user?.organization
            ? t('page.appliesToMeIn', { organization: user.organization.name })
            : t('page.appliesToMe')
          : scope === 'organization'
            ? t('page.appliesToOrganization', {
                organization: user?.organization?.name ?? t('page.currentOrganization'),
              })
            : t('page.appliesToSystem')}
      </Text>
      {levelLinks.length > 1 ? (
        <Group gap="xs" component="nav" aria-label={t('page.levels')}>
          {levelLinks.map((level) => (
            <Button
              key={level}
              component={Link}
              to={`${configurationPaths[level]}?section=${section.id}`}
              variant={level === scope ? 'filled' : 'subtle'}
              size="xs"
              aria-current={level === scope ? 'page' : undefined}
            >
              {level === 'user' ? t('page.myConfiguration') : t(`page.titles.${level}`)}
            </Button>
          ))}
        </Group>
      ) : null}
      {!allowed ? (
        <Alert color="red" variant="outline" role="alert">
          {t('page.notAllowed')}
        </Alert>
      ) : (
        <div
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            gap: 'var(--mantine-spacing-lg)',
            alignItems: 'flex-start',
          }}
        >
          <Paper
            withBorder
            p="xs"
            component="nav"
            aria-label={t('tree.label')}
            style={{ flex: '1 1 220px', maxWidth: 300 }}
          >
            <NavLink
              component={Link}
              to={`?section=${sections[0]?.id ?? ''}`}
              label={t('tree.root')}
              fw={600}
            />
            {[...new Set(sections.map((s) => s.group))].map((group) => (
              <div key={group}>
                <Text size="sm" fw={600} pl="lg" py={4} c="gray.8">
                  {t(`tree.groups.${group}`)}
                </Text>
                {sections
                  .filter((s) => s.group === group)
                  .map((s) => (
                    <NavLink
                      key={s.id}
                      component={Link}
                      to={`?section=${s.id}`}
                      label={t(`tree.sections.${s.labelKey}`)}
                      pl="xl"
                      active={s.id === section.id}
                      aria-current={s.id === section.id ? 'page' : undefined}
                    />
                  ))}
              </div>
            ))}
          </Paper>
          <Paper
            withBorder
            p="lg"
            component="section"
            aria-labelledby={`${formId}-title`}
            style={{ flex: '999 1 320px', minWidth: 0 }}
          >
            <Stack gap="md">
              <Title order={2} size="h3" id={`${formId}-title`}>
                {sectionLabel}
              </Title>
              {query.isPending ? (
                <Group gap="xs" role="status">
                  <Loader size="sm" aria-hidden="true" />
                  <Text>{t('page.loading')}</Text>
                </Group>
              ) : query.isError ? (
                <Alert
                  color="red"
                  variant="outline"
                  role="alert"
                  icon={<IconAlertTriangle aria-hidden="true" />}
                >
                  {query.error.message}
                </Alert>
              ) : (
                <form
                  id={formId}
                  onSubmit={(event) => {
                    event.preventDefault();
                    save();
                  }}
                >
                  <Stack gap="lg">
                    {section.preview && viewer ? <LocalizationPreview viewer={viewer} /> : null}
                    {section.keys.map((key) => {
                      const setting = byKey.get(key);
                      if (!setting) return null;
                      const canLock =
                        scope !== 'user' &&
                        (userSettingKeys as readonly string[]).includes(key) &&
                        byKey.get(LOCKED_KEYS)?.settable;
                      const lockList = locks ?? (byKey.get(LOCKED_KEYS)?.value as string[] | undefined) ?? [];
                      return (
                        <SettingField
                          key={key}
                          setting={setting}
                          entry={
                            draft[key] ?? { value: setting.value, inherit: setting.inheritedFrom !== null }
                          }
                          onChange={(entry) => setDraft((current) => ({ ...current, [key]: entry }))}
                          viewerValue={viewer?.[key as keyof ResolvedSettings]}
                          {...(canLock
                            ? {
                                userOverride: {
                                  checked: !lockList.includes(key),
                                  onChange: (checked: boolean) =>
                                    setLocks(
                                      checked ? lockList.filter((k) => k !== key) : [...lockList, key],
                                    ),
                                },
                              }
                            : {})}
                        />
                      );
                    })}
                    {section.id === 'integrations' && scope === 'user' ? <CalendarFeedField /> : null}
                    {failure ? (
                      <Alert color="red" variant="outline" role="alert" title={t('page.notSaved')}>
                        {failure}
                      </Alert>
                    ) : null}
                  </Stack>
                </form>
              )}
            </Stack>
          </Paper>
        </div>
      )}
      <Modal opened={confirmingReset} onClose={() => setConfirmingReset(false)} title={t('page.resetTitle')}>
        <Stack gap="md">
          <Text>{t(`page.resetText.${scope}`, { section: sectionLabel })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmingReset(false)}>
              {t('page.cancel')}
            </Button>
            <Button color="red.8" onClick={reset}>
              {t('page.reset')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Page>
  );
}

/**
 * Today's date and the viewer's name as the Localization fields on the page (saved or not) write
 * them, with the locale and zone every page would take (a Locale no level sets follows the browser
 * and the Language: web/ui/format.ts viewerSettings).
 */
function LocalizationPreview({ viewer }: { viewer: ResolvedSettings }) {
  const { t } = useTranslation('settings');
  const { data: user } = useCurrentUser();
  const format = createFormatter(formatSettingsOf(viewer));
  const now = new Date().toISOString();
  return (
    <Paper bg="gray.0" p="sm" radius="sm" aria-label={t('preview.label')} role="group">
      <Text size="sm">
        {t('preview.today')} <strong data-testid="preview-date">{format.dateTime(now)}</strong>
      </Text>
      {user ? (
        <Text size="sm">
          {t('preview.yourName')} <strong data-testid="preview-name">{format.personName(user)}</strong>
        </Text>
      ) : null}
    </Paper>
  );
}
