import { ActionIcon, Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { uploadFile } from './api';

/** The largest attachment the dialog uploads (the server's default limit, issue 13 item 2). */
const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export type Attachment = {
  key: string;
  file: File;
  progress: number;
  id?: string;
  error?: string;
  controller: AbortController;
};

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The email's attachments, each uploaded as soon as it is added (with its progress; too large a
 * file or a failed upload shows its error). `current` reads them as they are now (a form's
 * validation runs outside the render); uploads still running stop when the dialog goes.
 * `onChange` runs whenever the list is changed by hand (the dialog clears its attachments error).
 */
export function useAttachments(onChange: () => void) {
  const { t } = useTranslation('activities');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const current = useRef(attachments);
  current.current = attachments;
  useEffect(
    () => () => {
      for (const item of current.current) item.controller.abort();
    },
    [],
  );
  const addFiles = (files: File[]) => {
    onChange();
    for (const file of files) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      const controller = new AbortController();
      const item: Attachment = { key, file, progress: 0, controller };
      if (file.size > MAX_ATTACHMENT_BYTES) {
        setAttachments((current) => [...current, { ...item, error: t('email.tooLarge') }]);
        continue;
      }
      setAttachments((current) => [...current, item]);
      const patch = (change: Partial<Attachment>) =>
        setAttachments((current) =>
          current.map((entry) => (entry.key === key ? { ...entry, ...change } : entry)),
        );
      uploadFile(file, (progress) => patch({ progress }), controller.signal)
        .then((uploaded) => patch({ id: uploaded.id, progress: 1 }))
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          patch({ error: error instanceof ApiError ? error.message : t('email.uploadFailed') });
        });
    }
  };

  const removeAttachment = (key: string) => {
    onChange();
    setAttachments((current) => {
      current.find((entry) => entry.key === key)?.controller.abort();
      return current.filter((entry) => entry.key !== key);
    });
  };

  const uploading = attachments.some((item) => !item.id && !item.error);
  return { attachments, current, uploading, addFiles, removeAttachment };
}

/** **Attachments**: the files with their state and a remove button each, and **Attach Files**. */
export function AttachmentsField(props: {
  attachments: Attachment[];
  addFiles: (files: File[]) => void;
  removeAttachment: (key: string) => void;
  error: string | undefined;
}) {
  const { attachments, addFiles, removeAttachment, error } = props;
  const { t } = useTranslation('activities');
  return (
    <div>
      <Group justify="space-between">
        <Text size="sm" fw={500} id="send-email-attachments">
          {t('email.attachments')}
        </Text>
        <FileButton onChange={addFiles} multiple>
          {(props) => (
            <Button
              {...props}
              size="xs"
              variant="default"
              leftSection={<IconPaperclip size={16} aria-hidden="true" />}
            >
              {t('email.attachFiles')}
            </Button>
          )}
        </FileButton>
      </Group>
      {attachments.length > 0 ? (
        <Stack
          gap={6}
          mt={6}
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-labelledby="send-email-attachments"
        >
          {attachments.map((item) => (
            <li key={item.key}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                  {item.file.name} ({formatSize(item.file.size)})
                  {item.error ? (
                    <Text component="span" c="red.8" size="sm">
                      {' '}
                      — {item.error}
                    </Text>
                  ) : item.id ? (
                    <Text component="span" c="teal.9" size="sm">
                      {' '}
                      — {t('email.uploaded')}
                    </Text>
                  ) : null}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="gray.8"
                  aria-label={t('email.remove', { name: item.file.name })}
                  onClick={() => removeAttachment(item.key)}
                >
                  <IconX size={16} aria-hidden="true" />
                </ActionIcon>
              </Group>
              {!item.id && !item.error ? (
                <Progress
                  value={item.progress * 100}
                  size="sm"
                  aria-label={t('email.uploading', { name: item.file.name })}
                />
              ) : null}
            </li>
          ))}
        </Stack>
      ) : null}
      {error ? (
        <Text size="xs" c="red.8" mt={4} role="alert">
          {error}
        </Text>
      ) : null}
    </div>
  );
}
