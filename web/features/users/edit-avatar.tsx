import { Button, FileButton, Group, Input, Text } from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import { IconPhoto, IconTrash } from '@tabler/icons-react';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/index';
import { UserAvatar } from '../../ui/user-avatar';
import '../../i18n/lazy/users';

/** A pending avatar change, applied on Save. */
export type AvatarChange = { kind: 'upload'; file: File } | { kind: 'remove' } | null;

const MAX_AVATAR_BYTES = 5 * 1024 * 1024;
const AVATAR_TYPES = 'image/png,image/jpeg,image/webp,image/gif';

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

/**
 * **Avatar** of Edit My User: the picture (the chosen one before Save), **Choose File** and
 * **Remove Avatar**. A file that cannot be an avatar is refused as it is chosen.
 */
export function AvatarField({
  avatar,
  setAvatar,
  currentAvatarUrl,
  person,
  errors,
}: {
  avatar: AvatarChange;
  setAvatar: (change: AvatarChange) => void;
  currentAvatarUrl: string | null;
  person: { firstName: string; lastName: string };
  errors: FormErrors;
}) {
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
