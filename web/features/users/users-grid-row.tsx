import { ActionIcon, Anchor, Badge, Checkbox, Menu, Table, Text } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatter } from '../../ui/format';
import type { UserRow } from './admin-api';
import '../../i18n/lazy/users';
import { paths, pathTo } from '../../../common/paths';

type UserGridRowProps = {
  user: UserRow;
  roleNames: ReadonlyMap<string, string>;
  /** Show the selection checkbox (some bulk action applies). */
  selectable: boolean;
  selected: boolean;
  onSelect: (checked: boolean) => void;
  onOpen: () => void;
  /** Enable/Disable from the row's menu; `null`: an empty actions cell; `undefined`: no cell. */
  onSetEnabled: (() => void) | null | undefined;
};

/** One user in the users grid. Clicking the row opens the user; its controls keep their clicks. */
export function UserGridRow({
  user,
  roleNames,
  selectable,
  selected,
  onSelect,
  onOpen,
  onSetEnabled,
}: UserGridRowProps) {
  const { t } = useTranslation('users');
  const format = useFormatter();
  return (
    <Table.Tr
      onClick={(event) => {
        if ((event.target as HTMLElement).closest('a, button, input, [role="menu"]')) return;
        onOpen();
      }}
      style={{ cursor: 'pointer' }}
      bg={selected ? 'var(--mantine-color-indigo-0)' : undefined}
    >
      {selectable ? (
        <Table.Td>
          <Checkbox
            aria-label={t('grid.row.select', { username: user.username })}
            checked={selected}
            onChange={(event) => onSelect(event.currentTarget.checked)}
          />
        </Table.Td>
      ) : null}
      <Table.Td>
        <Anchor component={Link} to={pathTo(paths.user, { id: user.id })} fw={500}>
          {user.username}
        </Anchor>
      </Table.Td>
      {/* In the viewer's Name Format (Configuration → Localization), not the server's Western order. */}
      <Table.Td>{format.personName(user)}</Table.Td>
      <Table.Td>
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {user.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge
          variant={user.status === 'active' ? 'light' : 'outline'}
          color={user.status === 'disabled' ? 'red' : user.status === 'reset' ? 'violet' : 'indigo'}
        >
          {t(`status.${user.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {user.roleIds.map((id, index) => (
          <Fragment key={id}>
            {index > 0 ? ', ' : ''}
            {roleNames.get(id) ?? '…'}
          </Fragment>
        ))}
      </Table.Td>
      <Table.Td>
        {user.lastSignInAt ? (
          <time dateTime={user.lastSignInAt}>{format.dateTime(user.lastSignInAt)}</time>
        ) : (
          <Text span size="sm" c="dimmed">
            {t('grid.row.never')}
          </Text>
        )}
      </Table.Td>
      {onSetEnabled === undefined ? null : (
        <Table.Td>
          {onSetEnabled ? (
            <Menu position="bottom-end" width={160}>
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  color="gray.8"
                  aria-label={t('grid.row.actionsFor', { username: user.username })}
                >
                  <IconDots size={18} aria-hidden="true" />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={onSetEnabled}>
                  {user.enabled ? t('grid.row.disable') : t('grid.row.enable')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Table.Td>
      )}
    </Table.Tr>
  );
}
