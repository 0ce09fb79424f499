import { Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { menuItemCreateSchema, menuItemUpdateSchema } from '../../../common/menu-schemas';
import { MAX_MENU_LEVEL, type MenuItemView } from '../../../common/menus';
import { validateWith } from '../../ui/form';
import { FormDialog } from '../../ui/form-dialog';
import type { useMenuChanges } from './api';

type Changes = ReturnType<typeof useMenuChanges>;

type AddValues = { label: string; url: string; parent: string | null };

const toCreate = (values: AddValues) => ({
  label: values.label.trim(),
  url: values.url.trim(),
  parent: values.parent || null,
});

/** **Add Link**: a custom item with a label and a URL (a path in Atrium or an https: address). */
export function AddLinkDialog({
  opened,
  onClose,
  items,
  changes,
}: {
  opened: boolean;
  onClose: () => void;
  items: readonly MenuItemView[];
  changes: Changes;
}) {
  const { t } = useTranslation('menus');
  const form = useForm<AddValues>({
    initialValues: { label: '', url: '', parent: null },
    validate: validateWith(menuItemCreateSchema, toCreate),
  });
  const parents = items
    .filter((item) => !item.divider && item.level < MAX_MENU_LEVEL)
    .map((item) => ({ value: item.key, label: `${'— '.repeat(item.level - 1)}${item.label}` }));
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t('form.addTitle')}
      form={form}
      onSubmit={(values) => changes.create.mutateAsync(toCreate(values))}
      failureTitle={t('form.addFailed')}
      size="md"
    >
      <TextInput label={t('form.label')} required data-autofocus {...form.getInputProps('label')} />
      <TextInput
        label={t('form.url')}
        description={t('form.urlHint')}
        required
        inputMode="url"
        {...form.getInputProps('url')}
      />
      <Select
        label={t('form.parent')}
        placeholder={t('form.topLevel')}
        data={parents}
        clearable
        comboboxProps={{ withinPortal: false }}
        {...form.getInputProps('parent')}
      />
    </FormDialog>
  );
}

/** **Rename**: a new label; a default item keeps its defined one to go back to (Reset). */
export function RenameDialog({
  item,
  onClose,
  changes,
}: {
  item: MenuItemView | null;
  onClose: () => void;
  changes: Changes;
}) {
  const { t } = useTranslation('menus');
  const form = useForm<{ label: string }>({
    initialValues: { label: '' },
    validate: validateWith(menuItemUpdateSchema, (values) => ({ label: values.label.trim() })),
  });
  return (
    <FormDialog
      opened={item !== null}
      onClose={onClose}
      title={t('form.renameTitle', { label: item?.label || t('page.divider') })}
      form={form}
      onSubmit={(values) =>
        changes.update.mutateAsync({ key: item?.key ?? '', changes: { label: values.label.trim() } })
      }
      failureTitle={t('form.renameFailed')}
      size="md"
    >
      <TextInput
        label={t('form.label')}
        required
        data-autofocus
        placeholder={item?.label}
        description={item?.defaultLabel ? t('form.defaultLabel', { label: item.defaultLabel }) : undefined}
        {...form.getInputProps('label')}
      />
    </FormDialog>
  );
}
