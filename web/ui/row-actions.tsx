import { Button, Group } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';

/**
 * A table row's Edit and Delete buttons, each shown only when the list's `meta.abilities` allow it
 * (`update`, `delete`). `editLabel`/`deleteLabel` name the row for a screen reader ("Edit Birthday
 * card"); `editText`/`deleteText` are the visible words.
 */
export function EditDeleteButtons({
  abilities,
  editText,
  editLabel,
  onEdit,
  deleteText,
  deleteLabel,
  onDelete,
}: {
  abilities: { update: boolean; delete: boolean };
  editText: string;
  editLabel: string;
  onEdit: () => void;
  deleteText: string;
  deleteLabel: string;
  onDelete: () => void;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      {abilities.update ? (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPencil size={14} aria-hidden="true" />}
          onClick={onEdit}
          aria-label={editLabel}
        >
          {editText}
        </Button>
      ) : null}
      {abilities.delete ? (
        <Button
          size="xs"
          variant="default"
          color="red"
          leftSection={<IconTrash size={14} aria-hidden="true" />}
          onClick={onDelete}
          aria-label={deleteLabel}
        >
          {deleteText}
        </Button>
      ) : null}
    </Group>
  );
}
