import {
  ActionIcon,
  Badge,
  Button,
  FileButton,
  Group,
  Input,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import { IconPhoto, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DateRange, isoDateIn, subtractYears } from '../../../common/dates';
import { defaultPhoneCountry, parsePhone } from '../../../common/phone';
import { BIRTHDAY_MAX_YEARS } from '../../../common/profile';
import { i18n } from '../../i18n/index';
import { DateField } from '../../ui/date-field';
import { UserAvatar } from '../../ui/user-avatar';
import type { ProfileValues } from './edit-values';
import '../../i18n/lazy/users';

/** A pending avatar change, applied on Save. */
export type AvatarChange = { kind: 'upload'; file: File } | { kind: 'remove' } | null;

const MAX_AVATAR_BYTES = 5 * 1024 * 1024;
const AVATAR_TYPES = 'image/png,image/jpeg,image/webp,image/gif';

type Props = {
  values: ProfileValues;
  baseline: ProfileValues;
  errors: FormErrors;
  setField: <K extends keyof ProfileValues>(field: K, value: ProfileValues[K]) => void;
  isSelf: boolean;
  locale: string;
  /** The viewer's time zone (My Configuration), where "today" and so "the future" are judged. */
  timeZone: string | undefined;
  /** A problem found while typing (a date that is no date, a malformed phone), by form key: blocks Save. */
  setFieldProblem: (key: string, problem: string | null) => void;
  /** The problems found while typing, shown beside their fields. */
  fieldProblems: Record<string, string>;
  avatar: AvatarChange;
  setAvatar: (change: AvatarChange) => void;
  currentAvatarUrl: string | null;
  person: { firstName: string; lastName: string };
  /** Whether each known additional address (lower case) is verified. */
  verified: ReadonlyMap<string, boolean>;
};

/** The **General** section of Edit My User. */
export function GeneralSection(props: Props) {
  const { t } = useTranslation('users');
  const { values, errors, setField, locale } = props;
  const today = isoDateIn(props.timeZone);
  const birthdayRange: DateRange = {
    min: {
      date: subtractYears(today, BIRTHDAY_MAX_YEARS),
      problem: t('fields.birthdayTooOld', { years: BIRTHDAY_MAX_YEARS }),
    },
    max: { date: today, problem: t('fields.birthdayInFuture') },
  };
  const emailChanged = values.email.trim().toLowerCase() !== props.baseline.email.toLowerCase();
  return (
    <Stack gap="md" maw={720}>
      <TextInput
        label={t('fields.username')}
        required
        autoComplete="username"
        value={values.username}
        onChange={(event) => setField('username', event.currentTarget.value)}
        error={errors.username}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('fields.namePrefix')}
          autoComplete="honorific-prefix"
          value={values.namePrefix}
          onChange={(event) => setField('namePrefix', event.currentTarget.value)}
          error={errors.namePrefix}
        />
        <TextInput
          label={t('fields.firstName')}
          required
          autoComplete="given-name"
          value={values.firstName}
          onChange={(event) => setField('firstName', event.currentTarget.value)}
          error={errors.firstName}
        />
        <TextInput
          label={t('fields.middleName')}
          autoComplete="additional-name"
          value={values.middleName}
          onChange={(event) => setField('middleName', event.currentTarget.value)}
          error={errors.middleName}
        />
        <TextInput
          label={t('fields.lastName')}
          required
          autoComplete="family-name"
          value={values.lastName}
          onChange={(event) => setField('lastName', event.currentTarget.value)}
          error={errors.lastName}
        />
        <TextInput
          label={t('fields.nameSuffix')}
          autoComplete="honorific-suffix"
          value={values.nameSuffix}
          onChange={(event) => setField('nameSuffix', event.currentTarget.value)}
          error={errors.nameSuffix}
        />
        <DateField
          label={t('fields.birthday')}
          locale={locale}
          range={birthdayRange}
          value={values.birthday}
          onChange={(value, problem) => {
            if (value !== values.birthday) setField('birthday', value);
            props.setFieldProblem('birthday', problem);
          }}
          defaultDate={values.birthday ?? subtractYears(today, 30)}
          clearLabel={t('fields.clearBirthday')}
          error={errors.birthday}
          autoComplete="bday"
        />
      </SimpleGrid>
      <AvatarField {...props} />
      <TextInput
        label={t('fields.primaryEmail')}
        required
        type="email"
        autoComplete="email"
        value={values.email}
        onChange={(event) => setField('email', event.currentTarget.value)}
        error={errors.email}
      />
      {props.isSelf && emailChanged ? (
        <PasswordInput
          label={t('fields.currentPassword')}
          description={t('fields.currentPasswordDescription')}
          autoComplete="current-password"
          required
          value={values.currentPassword}
          onChange={(event) => setField('currentPassword', event.currentTarget.value)}
          error={errors.currentPassword}
        />
      ) : null}
      <EmailsField {...props} />
      <TextInput
        label={t('fields.phone')}
        type="tel"
        autoComplete="tel"
        description={t('fields.phoneDescription')}
        value={values.phone}
        onChange={(event) => {
          setField('phone', event.currentTarget.value);
          props.setFieldProblem('phone', null);
        }}
        onBlur={(event) => props.setFieldProblem('phone', phoneProblem(event.currentTarget.value, props))}
        error={errors.phone ?? props.fieldProblems.phone}
      />
    </Stack>
  );
}

/**
 * What is wrong with a typed phone number, checked with libphonenumber when the field is left.
 * A number without `+` is read in the country of the viewer's locale, which is the server's rule
 * for one's own profile; for someone else's (read in their locale), only `+` numbers are checked.
 */
function phoneProblem(text: string, { isSelf, locale }: Pick<Props, 'isSelf' | 'locale'>): string | null {
  const typed = text.trim();
  if (typed === '' || (!isSelf && !typed.startsWith('+'))) return null;
  const parsed = parsePhone(typed, defaultPhoneCountry(locale));
  return parsed.ok ? null : parsed.message;
}

/** What can be told about a chosen picture before uploading it: its type, its size, whether it decodes. */
async function avatarFileProblem(file: File): Promise<string | null> {
  if (!AVATAR_TYPES.split(',').includes(file.type)) {
    return i18n.t('users:avatar.wrongType', { file: file.name });
  }
  if (file.size > MAX_AVATAR_BYTES) return i18n.t('users:avatar.tooLarge', { file: file.name });
  if (typeof createImageBitmap === 'function') {
    try {
      (await createImageBitmap(file)).close();
    } catch {
      return i18n.t('users:avatar.unreadable', { file: file.name });
    }
  }
  return null;
}

function AvatarField({ avatar, setAvatar, currentAvatarUrl, person, errors }: Props) {
  const { t } = useTranslation('users');
  const labelId = useId();
  const previewUrl = useMemo(
    () => (avatar?.kind === 'upload' ? URL.createObjectURL(avatar.file) : null),
    [avatar],
  );
  useEffect(() => () => (previewUrl ? URL.revokeObjectURL(previewUrl) : undefined), [previewUrl]);
  const shown = avatar?.kind === 'remove' ? null : (previewUrl ?? currentAvatarUrl);
  // A file that cannot be an avatar is refused when chosen, beside the field, not after Save.
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const choose = async (file: File | null) => {
    setFileProblem(null);
    if (!file) return setAvatar(null);
    const problem = await avatarFileProblem(file);
    setFileProblem(problem);
    setAvatar(problem ? null : { kind: 'upload', file });
  };
  const error = fileProblem ?? errors.avatar;
  return (
    <Input.Wrapper
      labelElement="div"
      label={<span id={labelId}>{t('avatar.label')}</span>}
      description={t('avatar.description')}
      error={error}
    >
      <Group gap="md" mt={4} role="group" aria-labelledby={labelId}>
        <UserAvatar person={person} src={shown} size={72} radius={72} />
        <FileButton onChange={(file) => void choose(file)} accept={AVATAR_TYPES}>
          {(buttonProps) => (
            <Button
              variant="default"
              leftSection={<IconPhoto size={16} aria-hidden="true" />}
              {...buttonProps}
            >
              {t('avatar.choose')}
            </Button>
          )}
        </FileButton>
        {avatar?.kind === 'upload' ? (
          <Text size="sm">{t('avatar.chosen', { file: avatar.file.name })}</Text>
        ) : null}
        {shown ? (
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden="true" />}
            onClick={() =>
              setAvatar(avatar?.kind === 'upload' && !currentAvatarUrl ? null : { kind: 'remove' })
            }
          >
            {t('avatar.remove')}
          </Button>
        ) : avatar?.kind === 'remove' ? (
          <Text size="sm">{t('avatar.removedOnSave')}</Text>
        ) : null}
      </Group>
    </Input.Wrapper>
  );
}

function EmailsField({ values, errors, setField, verified }: Props) {
  const { t } = useTranslation('users');
  const legendId = useId();
  const list = values.additionalEmails;
  const setAt = (index: number, email: string) =>
    setField(
      'additionalEmails',
      list.map((e, i) => (i === index ? email : e)),
    );
  return (
    <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }} aria-labelledby={legendId}>
      <Text id={legendId} component="legend" size="sm" fw={500} mb={4}>
        {t('fields.emails')}
      </Text>
      <Stack gap="xs">
        {list.map((email, index) => {
          const known = verified.get(email.trim().toLowerCase());
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the position is the identity of a line being typed
            <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                aria-label={t('fields.emailNumbered', { number: index + 1 })}
                type="email"
                autoComplete="off"
                value={email}
                onChange={(event) => setAt(index, event.currentTarget.value)}
                error={errors[`additionalEmails.${index}`]}
                style={{ flex: 1 }}
                rightSectionWidth={96}
                rightSection={
                  known === undefined ? null : (
                    <Badge size="xs" variant="light" color={known ? 'indigo' : 'red'}>
                      {known ? t('fields.verified') : t('fields.unverified')}
                    </Badge>
                  )
                }
              />
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={
                  email
                    ? t('fields.removeEmailNamed', { number: index + 1, email })
                    : t('fields.removeEmail', { number: index + 1 })
                }
                onClick={() =>
                  setField(
                    'additionalEmails',
                    list.filter((_, i) => i !== index),
                  )
                }
              >
                <IconX size={16} aria-hidden="true" />
              </ActionIcon>
            </Group>
          );
        })}
        {errors.additionalEmails ? (
          <Text size="sm" c="red.9" role="alert">
            {errors.additionalEmails}
          </Text>
        ) : null}
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => setField('additionalEmails', [...list, ''])}
          >
            {t('fields.addEmail')}
          </Button>
        </Group>
        <Text size="xs" c="gray.8">
          {t('fields.addEmailHint')}
        </Text>
      </Stack>
    </fieldset>
  );
}
