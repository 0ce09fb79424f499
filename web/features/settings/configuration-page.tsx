import { Alert, Button, Group, Loader, Modal, NavLink, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { configurationLevels } from '../../../common/abilities';
import { createFormatter, formatSettingsOf } from '../../../common/format';
import type { ResolvedSettings } from '../../../common/settings';
import {
  isSettingKey,
  type SettingScope,
  settingDefinitions,
  userSettingKeys,
} from '../../../common/settings';
import { useCurrentUser } from '../../app/api';
import { Page } from '../../ui/page';
import { CalendarFeedField } from './calendar-feed';
import { type ConfigurationDraft, LOCKED_KEYS, useConfigurationDraft } from './configuration-state';
import { type ConfigurationSection, configurationPaths, configurationSections } from './configuration-tree';
import { SettingField } from './setting-field';
import '../../i18n/lazy/settings';

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

/**
 * The Configuration page of one level — mine in the current organization ("My Configuration"),
 * the organization's or the system's — with the same tree and fields: each value either set here
 * or inherited from the level above, which the field names. **Save Settings** sends what changed;
 * **Reset** (after a confirmation) clears every value set here on the shown page.
 */
export function ConfigurationPage({ scope }: { scope: SettingScope }) {
  const { t } = useTranslation('settings');
  const { data: user } = useCurrentUser();
  const allowed = user?.abilities.configure[scope] ?? false;
  const sections = sectionsOf(scope);
  const [searchParams] = useSearchParams();
  const section =
    sections.find((s) => s.id === searchParams.get('section')) ?? (sections[0] as ConfigurationSection);
  const title = t(`page.titles.${scope}`);
  const sectionLabel = t(`tree.sections.${section.labelKey}`);
  const formId = useId();
  const state = useConfigurationDraft(scope, allowed, section);
  const { query, isSaving, reset } = state;
  const [confirmingReset, setConfirmingReset] = useState(false);

  return (
    <Page
      title={title}
      actions={
        allowed ? (
          <>
            <Button type="submit" form={formId} loading={isSaving} disabled={!query.data}>
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
      <LevelLinks scope={scope} section={section} />
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
          <ConfigurationTreeNav sections={sections} section={section} />
          <SectionForm
            formId={formId}
            sectionLabel={sectionLabel}
            section={section}
            scope={scope}
            state={state}
          />
        </div>
      )}
      <Modal opened={confirmingReset} onClose={() => setConfirmingReset(false)} title={t('page.resetTitle')}>
        <Stack gap="md">
          <Text>{t(`page.resetText.${scope}`, { section: sectionLabel })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmingReset(false)}>
              {t('page.cancel')}
            </Button>
            <Button
              color="red.8"
              onClick={() => {
                setConfirmingReset(false);
                reset();
              }}
            >
              {t('page.reset')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Page>
  );
}

/** The shown page of the tree: its fields (with the users' override switches), and Save's failure. */
function SectionForm({
  formId,
  sectionLabel,
  section,
  scope,
  state,
}: {
  formId: string;
  sectionLabel: string;
  section: ConfigurationSection;
  scope: SettingScope;
  state: ConfigurationDraft;
}) {
  const { t } = useTranslation('settings');
  const { query, draft, setDraft, locks, setLocks, failure, byKey, viewer, save } = state;
  return (
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
          <Alert color="red" variant="outline" role="alert" icon={<IconAlertTriangle aria-hidden="true" />}>
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
                    entry={draft[key] ?? { value: setting.value, inherit: setting.inheritedFrom !== null }}
                    onChange={(entry) => setDraft((current) => ({ ...current, [key]: entry }))}
                    viewerValue={viewer?.[key as keyof ResolvedSettings]}
                    {...(canLock
                      ? {
                          userOverride: {
                            checked: !lockList.includes(key),
                            onChange: (checked: boolean) =>
                              setLocks(checked ? lockList.filter((k) => k !== key) : [...lockList, key]),
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
  );
}

/** The tree of the level's pages, grouped, with the shown one current. */
function ConfigurationTreeNav({
  sections,
  section,
}: {
  sections: ConfigurationSection[];
  section: ConfigurationSection;
}) {
  const { t } = useTranslation('settings');
  return (
    <Paper
      withBorder
      p="xs"
      component="nav"
      aria-label={t('tree.label')}
      style={{ flex: '1 1 220px', maxWidth: 300 }}
    >
      <NavLink component={Link} to={`?section=${sections[0]?.id ?? ''}`} label={t('tree.root')} fw={600} />
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
  );
}

/** The same page at the other levels the viewer may configure (when there is more than one). */
function LevelLinks({ scope, section }: { scope: SettingScope; section: ConfigurationSection }) {
  const { t } = useTranslation('settings');
  const { data: user } = useCurrentUser();
  const levelLinks = configurationLevels.filter((level) => user?.abilities.configure[level]);
  if (levelLinks.length <= 1) return null;
  return (
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
