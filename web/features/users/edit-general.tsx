import {
  ActionIcon,
  Badge,
  Button,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type DateRange, isoDateIn, subtractYears } from '../../../common/dates';
import { defaultPhoneCountry, parsePhone } from '../../../common/phone';
import { BIRTHDAY_MAX_YEARS } from '../../../common/profile';
import { DateField } from '../../ui/date-field';
import { type AvatarChange, AvatarField } from './edit-avatar';
import type { ProfileValues } from './edit-values';
import '../../i18n/lazy/users';

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
  const { values, errors, setField } = props;
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
      <NameAndBirthdayFields {...props} />
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

/** The name's parts and the birthday (in the past, at most BIRTHDAY_MAX_YEARS ago), two to a row. */
function NameAndBirthdayFields({
  values,
  errors,
  setField,
  locale,
  timeZone,
  setFieldProblem,
}: Pick<Props, 'values' | 'errors' | 'setField' | 'locale' | 'timeZone' | 'setFieldProblem'>) {
  const { t } = useTranslation('users');
  const today = isoDateIn(timeZone);
  const birthdayRange: DateRange = {
    min: {
      date: subtractYears(today, BIRTHDAY_MAX_YEARS),
      problem: t('fields.birthdayTooOld', { years: BIRTHDAY_MAX_YEARS }),
    },
    max: { date: today, problem: t('fields.birthdayInFuture') },
  };
  return (
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
          setFieldProblem('birthday', problem);
        }}
        defaultDate={values.birthday ?? subtractYears(today, 30)}
        clearLabel={t('fields.clearBirthday')}
        error={errors.birthday}
        autoComplete="bday"
      />
    </SimpleGrid>
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
