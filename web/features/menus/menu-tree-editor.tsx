import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Badge, Group, Paper, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowDown,
  IconArrowUp,
  IconEye,
  IconEyeOff,
  IconGripVertical,
  IconIndentDecrease,
  IconIndentIncrease,
  IconPencil,
  IconTrash,
  type TablerIcon,
} from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuItemUpdate } from '../../../common/menu-schemas';
import type { MenuItemView } from '../../../common/menus';
import { notifyFailure } from '../../ui/notify';
import type { useMenuChanges } from './api';
import { RenameDialog } from './menu-item-dialogs';
import classes from './menu-tree-editor.module.css';
import { dropFor, type MoveControl, moveFor } from './moves';

type Changes = ReturnType<typeof useMenuChanges>;
type Control = MoveControl | 'toggle' | 'rename' | 'remove' | 'reset' | 'handle';

/**
 * One menu as a tree editor (issue 15 item 5): every item a row, indented by level, reordered by
 * dragging its handle (dnd-kit, pointer or keyboard) or with the Move Up / Move Down / Indent /
 * Outdent buttons (the WCAG 2.2 2.5.7 alternative to dragging); Hide/Show, Rename, Delete (custom
 * items) and Reset per row. Each change goes to the server at once; focus stays on the control
 * used, and a live region says what moved.
 */
export function MenuTreeEditor({
  label,
  items,
  changes,
}: {
  label: string;
  items: readonly MenuItemView[];
  changes: Changes;
}) {
  const { t } = useTranslation('menus');
  const [renaming, setRenaming] = useState<MenuItemView | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusAfter = useRef<{ key: string; control: Control } | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  // After the server answers and the rows re-render, put focus back where it was (or on the
  // row's handle when that control is now disabled, e.g. Move Up on the first item).
  useEffect(() => {
    const target = focusAfter.current;
    if (!target || !listRef.current || items.length === 0) return;
    const row = listRef.current.querySelector(`[data-item="${window.CSS.escape(target.key)}"]`);
    if (!row) return;
    const control = row.querySelector<HTMLButtonElement>(`[data-control="${target.control}"]:not(:disabled)`);
    (control ?? row.querySelector<HTMLButtonElement>('[data-control="handle"]'))?.focus();
    focusAfter.current = null;
  }, [items]);

  const move = (item: MenuItemView, update: MenuItemUpdate, control: Control) => {
    focusAfter.current = { key: item.key, control };
    changes.update.mutate(
      { key: item.key, changes: update },
      {
        onSuccess: () => setAnnouncement(t('item.moved', { label: item.label || t('page.divider') })),
        onError: (error) => notifyFailure(t('item.failed'), error),
      },
    );
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    const item = items.find((candidate) => candidate.key === active.id);
    const update = dropFor(items, String(active.id), String(over.id));
    if (item && update) move(item, update, 'handle');
  };

  const act = (item: MenuItemView, control: Control) => {
    const onError = (error: unknown) => notifyFailure(t('item.failed'), error);
    focusAfter.current = { key: item.key, control };
    if (control === 'toggle')
      changes.update.mutate({ key: item.key, changes: { hidden: !item.hidden } }, { onError });
    else if (control === 'rename') setRenaming(item);
    else if (control === 'reset') changes.resetItem.mutate(item.key, { onError });
    else if (control === 'remove') {
      focusAfter.current = null;
      changes.remove.mutate(item.key, {
        onError,
        onSuccess: () =>
          listRef.current?.querySelector<HTMLButtonElement>('[data-control="handle"]')?.focus(),
      });
    } else if (control !== 'handle') {
      const update = moveFor(items, item, control);
      if (update) move(item, update, control);
    }
  };

  if (items.length === 0) return <Text>{t('page.empty')}</Text>;
  return (
    <>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={items.map((item) => item.key)} strategy={verticalListSortingStrategy}>
          <Paper withBorder component="ul" ref={listRef} className={classes.tree} aria-label={label}>
            {items.map((item) => (
              <TreeRow key={item.key} item={item} items={items} onAct={act} />
            ))}
          </Paper>
        </SortableContext>
      </DndContext>
      <VisuallyHidden role="status">{announcement}</VisuallyHidden>
      <RenameDialog item={renaming} onClose={() => setRenaming(null)} changes={changes} />
    </>
  );
}

function TreeRow({
  item,
  items,
  onAct,
}: {
  item: MenuItemView;
  items: readonly MenuItemView[];
  onAct: (item: MenuItemView, control: Control) => void;
}) {
  const { t } = useTranslation('menus');
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: item.key,
    });
  const name = item.label || t('page.divider');
  const style = {
    transform: CSS.Translate.toString(transform),
    transition,
    paddingInlineStart: `calc(var(--mantine-spacing-xs) + ${(item.level - 1) * 1.75}rem)`,
  };
  const button = (control: Control, labelText: string, Icon: TablerIcon, disabled = false) => (
    <Tooltip label={labelText} withinPortal={false}>
      <ActionIcon
        variant="subtle"
        color="gray.8"
        aria-label={`${labelText}: ${name}`}
        data-control={control}
        disabled={disabled}
        onClick={() => onAct(item, control)}
      >
        <Icon size={18} aria-hidden="true" />
      </ActionIcon>
    </Tooltip>
  );
  return (
    <li
      ref={setNodeRef}
      style={style}
      className={classes.row}
      data-item={item.key}
      data-dragging={isDragging || undefined}
    >
      <Group gap="xs" wrap="nowrap" className={classes.name}>
        <ActionIcon
          ref={setActivatorNodeRef}
          variant="subtle"
          color="gray.8"
          data-control="handle"
          className={classes.handle}
          {...attributes}
          {...listeners}
          aria-label={t('item.drag', { label: name })}
        >
          <IconGripVertical size={18} aria-hidden="true" />
        </ActionIcon>
        <Text
          component="span"
          fw={item.level === 1 ? 600 : 400}
          c={item.hidden ? 'gray.7' : undefined}
          td={item.hidden ? 'line-through' : undefined}
          fs={item.divider ? 'italic' : undefined}
          truncate
        >
          {item.divider && !item.label ? `— ${t('page.divider')} —` : item.label}
        </Text>
        {item.hidden ? (
          <Badge variant="outline" color="dark" size="sm">
            {t('page.hidden')}
          </Badge>
        ) : null}
        {item.custom ? (
          <Badge variant="outline" color="indigo.9" size="sm">
            {t('page.custom')}
          </Badge>
        ) : null}
      </Group>
      <Group gap={2} wrap="wrap" justify="flex-end">
        {button('moveUp', t('item.moveUp'), IconArrowUp, moveFor(items, item, 'moveUp') === null)}
        {button('moveDown', t('item.moveDown'), IconArrowDown, moveFor(items, item, 'moveDown') === null)}
        {button('indent', t('item.indent'), IconIndentIncrease, moveFor(items, item, 'indent') === null)}
        {button('outdent', t('item.outdent'), IconIndentDecrease, moveFor(items, item, 'outdent') === null)}
        {button('toggle', item.hidden ? t('item.show') : t('item.hide'), item.hidden ? IconEye : IconEyeOff)}
        {button('rename', t('item.rename'), IconPencil)}
        {item.deletable
          ? button('remove', t('item.delete'), IconTrash)
          : button('reset', t('item.reset'), IconArrowBackUp, !item.changed)}
      </Group>
    </li>
  );
}
