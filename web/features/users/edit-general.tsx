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
import { DateInput } from '@mantine/dates';
import { IconPhoto, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useEffect, useId, useMemo } from 'react';
import { isoDateOf, localeDateFormat, parseLocaleDate, subtractYears } from '../../../common/dates';
import { BIRTHDAY_MAX_YEARS } from '../../../common/profile';
import { UserAvatar } from '../../ui/user-avatar';
import type { ProfileValues } from './edit-values';

/** A pending avatar change, applied on Save. */
export type AvatarChange = { kind: 'upload'; file: File } | { kind: 'remove' } | null;

const MAX_AVATAR_BYTES = 5 * 1024 * 1024;
const AVATAR_TYPES = 'image/png,image/jpeg,image/webp,image/gif';

type Props = {
  values: ProfileValues;
  baseline: ProfileValues;
  errors: Record<string, string>;
  setField: <K extends keyof ProfileValues>(field: K, value: ProfileValues[K]) => void;
  isSelf: boolean;
  locale: string;
  avatar: AvatarChange;
  setAvatar: (change: AvatarChange) => void;
  currentAvatarUrl: string | null;
  person: { firstName: string; lastName: string };
  /** Whether each known additional address (lower case) is verified. */
  verified: ReadonlyMap<string, boolean>;
};

/** The **General** section of Edit My User. */
export function GeneralSection(props: Props) {
  const { values, errors, setField, locale } = props;
  const dateFormat = localeDateFormat(locale);
  const today = isoDateOf(new Date());
  const emailChanged = values.email.trim().toLowerCase() !== props.baseline.email.toLowerCase();
  return (
    <Stack gap="md" maw={720}>
      <TextInput
        label="Username"
        required
        autoComplete="username"
        value={values.username}
        onChange={(event) => setField('username', event.currentTarget.value)}
        error={errors.username}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Name Prefix"
          autoComplete="honorific-prefix"
          value={values.namePrefix}
          onChange={(event) => setField('namePrefix', event.currentTarget.value)}
          error={errors.namePrefix}
        />
        <TextInput
          label="First Name"
          required
          autoComplete="given-name"
          value={values.firstName}
          onChange={(event) => setField('firstName', event.currentTarget.value)}
          error={errors.firstName}
        />
        <TextInput
          label="Middle Name"
          autoComplete="additional-name"
          value={values.middleName}
          onChange={(event) => setField('middleName', event.currentTarget.value)}
          error={errors.middleName}
        />
        <TextInput
          label="Last Name"
          required
          autoComplete="family-name"
          value={values.lastName}
          onChange={(event) => setField('lastName', event.currentTarget.value)}
          error={errors.lastName}
        />
        <TextInput
          label="Name Suffix"
          autoComplete="honorific-suffix"
          value={values.nameSuffix}
          onChange={(event) => setField('nameSuffix', event.currentTarget.value)}
          error={errors.nameSuffix}
        />
        <DateInput
          label="Birthday"
          description={`Pick a date or type it as ${dateFormat.placeholder}`}
          placeholder={dateFormat.placeholder}
          valueFormat={dateFormat.pattern}
          dateParser={(input) => parseLocaleDate(input, locale)}
          value={values.birthday}
          onChange={(value) => setField('birthday', value)}
          maxDate={today}
          minDate={subtractYears(today, BIRTHDAY_MAX_YEARS)}
          defaultDate={values.birthday ?? subtractYears(today, 30)}
          clearable
          clearButtonProps={{ 'aria-label': 'Clear the birthday' }}
          error={errors.birthday}
          autoComplete="bday"
        />
      </SimpleGrid>
      <AvatarField {...props} />
      <TextInput
        label="Primary Email"
        required
        type="email"
        autoComplete="email"
        value={values.email}
        onChange={(event) => setField('email', event.currentTarget.value)}
        error={errors.email}
      />
      {props.isSelf && emailChanged ? (
        <PasswordInput
          label="Current Password"
          description="To change your primary email, confirm it is you with your current password."
          autoComplete="current-password"
          required
          value={values.currentPassword}
          onChange={(event) => setField('currentPassword', event.currentTarget.value)}
          error={errors.currentPassword}
        />
      ) : null}
      <EmailsField {...props} />
      <TextInput
        label="Phone"
        type="tel"
        autoComplete="tel"
        description="With the country code (+49 …) for numbers abroad, an extension as ext. 123"
        value={values.phone}
        onChange={(event) => setField('phone', event.currentTarget.value)}
        error={errors.phone}
      />
    </Stack>
  );
}

function AvatarField({ avatar, setAvatar, currentAvatarUrl, person, errors }: Props) {
  const labelId = useId();
  const previewUrl = useMemo(
    () => (avatar?.kind === 'upload' ? URL.createObjectURL(avatar.file) : null),
    [avatar],
  );
  useEffect(() => () => (previewUrl ? URL.revokeObjectURL(previewUrl) : undefined), [previewUrl]);
  const shown = avatar?.kind === 'remove' ? null : (previewUrl ?? currentAvatarUrl);
  const localProblem =
    avatar?.kind === 'upload' && avatar.file.size > MAX_AVATAR_BYTES
      ? 'The picture is larger than 5 MB. Choose a smaller one.'
      : undefined;
  const error = localProblem ?? errors.avatar;
  return (
    <Input.Wrapper
      labelElement="div"
      label={<span id={labelId}>Avatar</span>}
      description="PNG, JPEG, WebP or GIF, up to 5 MB"
      error={error}
    >
      <Group gap="md" mt={4} role="group" aria-labelledby={labelId}>
        <UserAvatar person={person} src={shown} size={72} radius={72} />
        <FileButton
          onChange={(file) => setAvatar(file ? { kind: 'upload', file } : null)}
          accept={AVATAR_TYPES}
        >
          {(buttonProps) => (
            <Button
              variant="default"
              leftSection={<IconPhoto size={16} aria-hidden="true" />}
              {...buttonProps}
            >
              Choose File
            </Button>
          )}
        </FileButton>
        {avatar?.kind === 'upload' ? (
          <Text size="sm">{avatar.file.name} — saved when you click Save</Text>
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
            Remove Avatar
          </Button>
        ) : avatar?.kind === 'remove' ? (
          <Text size="sm">The avatar is removed when you click Save.</Text>
        ) : null}
      </Group>
    </Input.Wrapper>
  );
}

function EmailsField({ values, errors, setField, verified }: Props) {
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
        Emails
      </Text>
      <Stack gap="xs">
        {list.map((email, index) => {
          const known = verified.get(email.trim().toLowerCase());
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the position is the identity of a line being typed
            <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                aria-label={`Email ${index + 1}`}
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
                      {known ? 'Verified' : 'Unverified'}
                    </Badge>
                  )
                }
              />
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={`Remove email ${index + 1}${email ? ` (${email})` : ''}`}
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
            Add Another Email
          </Button>
        </Group>
        <Text size="xs" c="gray.8">
          Each new address gets an email with a link to confirm it.
        </Text>
      </Stack>
    </fieldset>
  );
}
