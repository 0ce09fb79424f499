import { ActionIcon, Group, List, Loader, Popover, Progress, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkPassword,
  estimatePasswordStrength,
  loadPasswordBlocklist,
  type PasswordBlocklist,
  type PasswordContext,
  type PasswordFailure,
  type PasswordStrength,
} from '../../../common/password-policy';
import { passwords } from '../../i18n/en/passwords';
import { errorObjectText } from '../../i18n/error-text';
import { type PasswordPolicyInForce, usePasswordPolicy } from './api';
import '../../i18n/lazy/passwords';

/**
 * The "tooltip" of the New Password field: a button that opens the rules in force (from
 * `GET /api/password-policy`). A popover rather than a hover tooltip, so that keyboard and touch
 * users can open it, and screen readers read the list.
 */
export function PasswordRulesButton({ label: givenLabel }: { label?: string }) {
  const { t } = useTranslation('passwords');
  const label = givenLabel ?? t('rules.button');
  const policy = usePasswordPolicy();
  return (
    <Popover width={340} position="bottom-start" withArrow shadow="md" trapFocus={false} returnFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray.8" size="sm" aria-label={label}>
          <IconInfoCircle size={18} aria-hidden="true" />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown aria-label={label}>
        <Text fw={600} size="sm" mb={4}>
          {t('rules.heading')}
        </Text>
        {policy.isPending ? (
          <Group gap="xs" role="status">
            <Loader size="xs" aria-hidden="true" />
            <Text size="sm">{t('rules.loading')}</Text>
          </Group>
        ) : policy.isError ? (
          <Text size="sm" c="red.9" role="alert">
            {t('rules.loadFailed', { reason: policy.error.message })}
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {policy.data.rules.map((rule) => (
              <List.Item key={rule.rule}>
                {rule.rule === 'length'
                  ? t('rules.items.length', { count: rule.min, max: rule.max })
                  : t(`rules.items.${rule.rule}`)}
              </List.Item>
            ))}
          </List>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

/**
 * A broken rule in the interface language: the same words as the server's 422 for it
 * (`password_<rule>` with the rule's numbers as meta), so typing and saving say the same thing.
 */
export function passwordFailureText(failure: PasswordFailure): string {
  return errorObjectText({
    code: `password_${failure.rule}`,
    detail: failure.message,
    meta: { rule: failure.rule, ...failure.params },
  });
}

/** The common-password list, fetched on first use (a separate chunk of ~400 kB). */
export function usePasswordBlocklist(): PasswordBlocklist | undefined {
  const [blocklist, setBlocklist] = useState<PasswordBlocklist>();
  useEffect(() => {
    let live = true;
    loadPasswordBlocklist()
      .then((loaded) => {
        if (live) setBlocklist(loaded);
      })
      .catch(() => {
        // The server checks anyway.
      });
    return () => {
      live = false;
    };
  }, []);
  return blocklist;
}

/**
 * The same check the server makes, as the person types: the rules of the policy in force, the
 * blocklist once loaded, and the context words. Empty while the password is empty.
 */
export function usePasswordProblems(
  password: string,
  context: PasswordContext,
  policy: PasswordPolicyInForce | undefined,
): PasswordFailure[] {
  const blocklist = usePasswordBlocklist();
  if (!password || !policy) return [];
  return checkPassword(password, policy, context, { blocklist });
}

const strengthColors = ['red.8', 'orange.8', 'yellow.8', 'teal.8', 'green.8'] as const;
/** zxcvbn's warnings the catalog words: the keys of `strength.warnings` (of @zxcvbn-ts's translations) */
type StrengthWarning = keyof typeof passwords.strength.warnings;
const isStrengthWarning = (key: string | null): key is StrengthWarning =>
  key !== null && Object.hasOwn(passwords.strength.warnings, key);
/** The meter's words for zxcvbn's scores 0 … 4 */
const strengthLabels = [
  'strength.scores.veryWeak',
  'strength.scores.weak',
  'strength.scores.fair',
  'strength.scores.strong',
  'strength.scores.veryStrong',
] as const;

/**
 * The strength meter: zxcvbn, loaded lazily (its dictionaries are large), estimating how hard the
 * password is to guess. Advisory: the policy decides what is accepted.
 */
export function PasswordStrengthMeter({
  password,
  context,
}: {
  password: string;
  context?: PasswordContext;
}) {
  const { t } = useTranslation('passwords');
  const [strength, setStrength] = useState<PasswordStrength | null>(null);
  const [loading, setLoading] = useState(false);
  const contextKey = JSON.stringify(context ?? {});
  useEffect(() => {
    if (!password) {
      setStrength(null);
      return;
    }
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      estimatePasswordStrength(password, JSON.parse(contextKey) as PasswordContext)
        .then((result) => {
          if (live) setStrength(result);
        })
        .finally(() => {
          if (live) setLoading(false);
        });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [password, contextKey]);

  if (!password) return null;
  const score = strength?.score ?? 0;
  return (
    <div>
      {/* Compound form: Progress would put aria-valuetext on its root, which has no role (axe). */}
      <Progress.Root size="sm">
        <Progress.Section
          value={strength ? ((score + 1) / 5) * 100 : 0}
          color={strengthColors[score]}
          aria-label={t('strength.label')}
          aria-valuetext={strength ? t(strengthLabels[score]) : t('strength.estimating')}
        />
      </Progress.Root>
      <Group gap={6} mt={4} aria-live="polite">
        {loading && !strength ? <Loader size={12} aria-hidden="true" /> : null}
        <Text size="xs" c="gray.8">
          {strength ? t('strength.shown', { label: t(strengthLabels[score]) }) : t('strength.estimatingLong')}
          {isStrengthWarning(strength?.warningKey ?? null)
            ? ` — ${t(`strength.warnings.${strength?.warningKey as StrengthWarning}`)}`
            : ''}
        </Text>
      </Group>
    </div>
  );
}
