import { Button, Group, Menu, Skeleton, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconLogin, IconLogout } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { paths, signInPath } from '../../common/paths';
import { useMenus, visibleItems } from '../features/menus/api';
import { DropdownItems } from '../features/menus/menu-items';
import { errorText } from '../i18n/error-text';
import { i18n } from '../i18n/index';
import { useFormatter } from '../ui/format';
import { UserAvatar } from '../ui/user-avatar';
import { ApiError, apiFetch, type CurrentUser, setCsrfToken, useCurrentUser } from './api';
import { apiPaths } from './api-paths';
import classes from './layout.module.css';
import { userMenuIcons } from './user-menu-items';

/** The upper-right corner: the signed-in user's menu, or a "Sign in" link. */
export function UserMenu() {
  const { t } = useTranslation('app');
  const { data: user, isPending } = useCurrentUser();
  const location = useLocation();

  if (isPending) {
    return (
      <Group gap="xs" role="status">
        <Skeleton height={32} circle />
        <Skeleton height={12} width={96} radius="xl" />
        <VisuallyHidden>{t('layout.loadingProfile')}</VisuallyHidden>
      </Group>
    );
  }
  if (!user) {
    return (
      <Button
        component={Link}
        to={signInPath(`${location.pathname}${location.search}`)}
        variant="white"
        size="sm"
        leftSection={<IconLogin size={16} aria-hidden="true" />}
      >
        {t('userMenu.signIn')}
      </Button>
    );
  }
  return <SignedInMenu user={user} />;
}

function SignedInMenu({ user }: { user: CurrentUser }) {
  const { t } = useTranslation('app');
  const formatter = useFormatter();
  // In the viewer's Name format, as every other place names a person (Edit User's heading).
  const name = formatter.personName(user);
  const { data: menus } = useMenus();
  const items = visibleItems(menus?.usermenu ?? []);
  const signOut = useSignOut();

  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        {/* Named by its text, the person's name (the initials are hidden from it): an aria-label
            would differ from the visible "BB Bob Builder" (axe label-content-name-mismatch). On a
            narrow screen the name is still there for assistive technology, only not shown. */}
        <UnstyledButton className={classes.userButton}>
          <Group gap="xs" wrap="nowrap">
            <UserAvatar person={user} src={user.avatarUrl} size={32} />
            <Text component="span" size="sm" fw={500} visibleFrom="sm" truncate maw={220}>
              {name}
            </Text>
            <VisuallyHidden hiddenFrom="sm">{name}</VisuallyHidden>
            <IconChevronDown size={16} aria-hidden="true" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <DropdownItems items={items} parent={null} icons={userMenuIcons} />
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden="true" />}
          onClick={() => signOut.mutate()}
          disabled={signOut.isPending}
        >
          {t('userMenu.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * Ends the session on the server, then loads the sign-in page afresh: a full page load drops
 * everything the SPA held in memory (cached records, the CSRF token).
 */
function useSignOut() {
  return useMutation({
    mutationFn: async () => {
      try {
        await apiFetch(apiPaths.currentSession, { method: 'DELETE' });
      } catch (error) {
        // Already signed out: nothing to end.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: () => {
      setCsrfToken(null);
      window.location.assign(paths.signIn);
    },
    onError: (error) => {
      notifications.show({
        color: 'red',
        title: i18n.t('app:userMenu.signOutFailed'),
        message: errorText(error),
      });
    },
  });
}
