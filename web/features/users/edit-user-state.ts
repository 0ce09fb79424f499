import { type FormErrors, useForm } from '@mantine/form';
import { useState } from 'react';
import { userProfileUpdateSchema } from '../../../common/profile';
import { ApiError } from '../../app/api';
import type { UserResource } from '../../app/user-resource';
import { errorText } from '../../i18n/error-text';
import { i18n } from '../../i18n/index';
import { validateWith } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { routeServerErrors } from '../../ui/server-errors';
import { usePasswordSectionForm } from '../passwords/password-section';
import { type CustomFieldDefinition, useRemoveAvatar, useUpdateUser, useUploadAvatar } from './api';
import type { AvatarChange } from './edit-avatar';
import { changedAttributes, customFieldErrors, type ProfileValues, valuesOf } from './edit-values';

export type Tab = 'general' | 'additional' | 'password';

/** The fields of the General tab: an error on one of them opens that tab. */
export const GENERAL_FIELDS = new Set([
  'username',
  'namePrefix',
  'firstName',
  'middleName',
  'lastName',
  'nameSuffix',
  'birthday',
  'avatar',
  'email',
  'currentPassword',
  'additionalEmails',
  'phone',
]);

export type ProfileForm = ReturnType<typeof useProfileForm>;

/**
 * The state of Edit User: the values as loaded or last saved (the form's initial values, what
 * Save compares against), the avatar change, the problems found while typing, the open tab and,
 * for oneself, the Password tab.
 */
export function useProfileForm(user: UserResource, isSelf: boolean, organizationName: string | undefined) {
  const form = useForm<ProfileValues>({ initialValues: valuesOf(user) });
  const values = form.values;
  const baseline = form.getInitialValues();
  const [etag, setEtag] = useState(user.meta.etag);
  const [avatarUrl, setAvatarUrl] = useState(user.links.avatar ?? null);
  const [avatar, setAvatar] = useState<AvatarChange>(null);
  // Problems found while typing (a date that is no date or out of range, a malformed phone), by
  // form key: Save is refused while any is here.
  const [fieldProblems, setFieldProblems] = useState<Record<string, string>>({});
  const setFieldProblem = (key: string, problem: string | null) => {
    setFieldProblems(({ [key]: _previous, ...rest }) => (problem ? { ...rest, [key]: problem } : rest));
    form.clearFieldError(key);
  };
  const [tab, setTab] = useState<Tab>('general');
  const password = usePasswordSectionForm({
    userId: 'me',
    context: {
      username: values.username,
      email: values.email,
      firstName: values.firstName,
      lastName: values.lastName,
      organizationName,
    },
  });
  const attributes = changedAttributes(values, baseline, isSelf);
  const isDirty = Object.keys(attributes).length > 0 || avatar !== null || (isSelf && password.isDirty);

  const setField = <K extends keyof ProfileValues>(field: K, value: ProfileValues[K]) => {
    form.setFieldValue(field, value as never);
    // The field's own error and those of its parts (`additionalEmails.1`).
    form.setErrors((current) =>
      Object.fromEntries(
        Object.entries(current).filter(([key]) => key !== field && !key.startsWith(`${String(field)}.`)),
      ),
    );
  };
  const setSaved = (saved: ProfileValues) => {
    form.setInitialValues(saved);
    form.setValues(saved);
  };
  const showErrors = (found: FormErrors) => {
    form.setErrors(found);
    const keys = Object.keys(found);
    if (keys.some((key) => GENERAL_FIELDS.has(key.split('.')[0] ?? ''))) setTab('general');
    else if (keys.some((key) => key.startsWith('customFields'))) setTab('additional');
  };
  return {
    form,
    values,
    baseline,
    attributes,
    isDirty,
    etag,
    setEtag,
    avatarUrl,
    setAvatarUrl,
    avatar,
    setAvatar,
    fieldProblems,
    setFieldProblem,
    tab,
    setTab,
    password,
    setField,
    setSaved,
    showErrors,
  };
}

/**
 * Save and Save and Close: the changed attributes (with the etag, so someone else's change in
 * between answers 412: `isStale`), then the avatar, then for oneself the password; and the reload
 * of the latest version after a 412.
 */
export function useSaveProfile({
  profile,
  userId,
  isSelf,
  definitions,
  reload,
  onSaved,
}: {
  profile: ProfileForm;
  userId: string;
  isSelf: boolean;
  definitions: CustomFieldDefinition[];
  reload: () => Promise<UserResource | undefined>;
  onSaved: (close: boolean) => void;
}) {
  const update = useUpdateUser(userId);
  const uploadAvatar = useUploadAvatar(userId);
  const removeAvatar = useRemoveAvatar(userId);
  const [formError, setFormError] = useState<string | null>(null);
  const [isStale, setIsStale] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const { attributes, avatar, password, values, showErrors } = profile;

  /** The avatar change, if any; false when it failed (its error is shown). */
  async function saveAvatar(): Promise<boolean> {
    if (!avatar) return true;
    try {
      if (avatar.kind === 'upload') {
        const answer = (await uploadAvatar.mutateAsync(avatar.file)) as
          | { links?: { avatar?: string } }
          | undefined;
        profile.setAvatarUrl(answer?.links?.avatar ?? null);
      } else {
        await removeAvatar.mutateAsync();
        profile.setAvatarUrl(null);
      }
      profile.setAvatar(null);
      return true;
    } catch (error) {
      showErrors({ avatar: errorText(error) });
      return false;
    }
  }

  async function save(close: boolean) {
    setFormError(null);
    setIsStale(false);
    const local = { ...validate(attributes, definitions, values), ...profile.fieldProblems };
    if (Object.keys(local).length > 0) {
      showErrors(local);
      return;
    }
    setIsSaving(true);
    const profileChanged = Object.keys(attributes).length > 0 || avatar !== null;
    const passwordChanging = isSelf && !password.isEmpty;
    try {
      if (Object.keys(attributes).length > 0) {
        const updated = await update.mutateAsync({ attributes, etag: profile.etag });
        profile.setSaved(valuesOf(updated));
        profile.setEtag(updated.meta.etag);
      }
      if (!(await saveAvatar())) return;
      // The password's problems show on its tab; after the change the person stays where they are.
      if (passwordChanging && !(await password.submit())) {
        profile.setTab('password');
        return;
      }
      // No title: Mantine greys the message under a title below AA contrast.
      notifySuccess(null, savedMessage({ isSelf, profileChanged, passwordChanged: passwordChanging }));
      onSaved(close);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setIsStale(true);
      } else {
        const routed = routeServerErrors(error, [...Object.keys(values), 'avatar']);
        showErrors(routed.fields);
        setFormError(routed.form);
      }
    } finally {
      setIsSaving(false);
    }
  }

  async function reloadLatest() {
    const latest = await reload();
    if (!latest) return;
    profile.setSaved(valuesOf(latest));
    profile.setEtag(latest.meta.etag);
    profile.setAvatarUrl(latest.links.avatar ?? null);
    profile.form.clearErrors();
    setIsStale(false);
  }

  return { save, reloadLatest, formError, isStale, isSaving };
}

/** What Save did, in words: the profile, the password (the other sessions are signed out), or both. */
function savedMessage({
  isSelf,
  profileChanged,
  passwordChanged,
}: {
  isSelf: boolean;
  profileChanged: boolean;
  passwordChanged: boolean;
}): string {
  if (!isSelf) return i18n.t('users:edit.savedOther');
  if (passwordChanged && profileChanged) return i18n.t('users:edit.savedProfileAndPassword');
  if (passwordChanged) return i18n.t('users:edit.savedPassword');
  return i18n.t('users:edit.savedProfile');
}

const checkProfile = validateWith<Record<string, unknown>>(userProfileUpdateSchema);

/** The same rules as the server (the shared zod schema and the custom field checks), before sending. */
function validate(
  attributes: Record<string, unknown>,
  definitions: CustomFieldDefinition[],
  values: ProfileValues,
): FormErrors {
  const found = checkProfile(attributes);
  if ('customFields' in attributes) Object.assign(found, customFieldErrors(definitions, values.customFields));
  if ('email' in attributes && 'currentPassword' in attributes && !attributes.currentPassword) {
    found.currentPassword = i18n.t('users:edit.currentPasswordRequired');
  }
  return found;
}
