import { AppShell, Container, Group, Loader, Text, VisuallyHidden } from '@mantine/core';
import { useNotifications } from '@mantine/notifications';
import { IconHexagonLetterA } from '@tabler/icons-react';
import { lazy, type RefObject, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { paths } from '../../common/paths';
import { ApplicationMenu, ShortcutsMenu } from '../features/menus/application-menu';
import { OrganizationSwitcher } from '../features/organizations/organization-switcher';
import classes from './layout.module.css';
import { useNavigationPending } from './navigation';
import { UserMenu } from './user-menu';

const MAIN_ID = 'main-content';

/**
 * The application frame: skip link, top bar (product, application menu, organization, shortcuts,
 * user menu — the menus from the server, web/features/menus), content. Below 768 px the
 * application menu folds into one Menu button; the user menu stays on screen.
 */
export function AppLayout() {
  const mainRef = useRef<HTMLElement>(null);
  useFocusMainOnNavigation(mainRef);

  return (
    <AppShell header={{ height: 56 }} padding="lg">
      <SkipLink />
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Brand />
            <ApplicationMenu />
            <NavigationProgress />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <OrganizationSwitcher />
            <ShortcutsMenu />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id={MAIN_ID} ref={mainRef} tabIndex={-1} className={classes.main}>
        <Container size="xl" px={0}>
          <Outlet />
        </Container>
        <PageNotifications />
      </AppShell.Main>
    </AppShell>
  );
}

/** The frame of the pages a visitor sees before signing in (sign-in, password reset). */
export function PublicLayout() {
  const mainRef = useRef<HTMLElement>(null);
  useFocusMainOnNavigation(mainRef);
  return (
    <>
      <SkipLink />
      <main id={MAIN_ID} ref={mainRef} tabIndex={-1} className={classes.publicMain}>
        <Text component="p" size="xl" fw={700} c="indigo.8">
          Atrium
        </Text>
        <Outlet />
        <PageNotifications />
      </main>
    </>
  );
}

const NotificationsContainer = lazy(() =>
  import('./page-notifications').then((module) => ({ default: module.NotificationsContainer })),
);

/**
 * The notifications (toasts). Their container and its animations (about 7 KB compressed) load
 * with the first toast rather than with the first page: `notifications.show` only fills the
 * store, which is global and small, and the container shows what the store holds when it
 * arrives. The store outlives a layout change, so the next layout shows the toasts still open.
 */
function PageNotifications() {
  const { notifications, queue } = useNotifications();
  const [isNeeded, setNeeded] = useState(false);
  if (!isNeeded && notifications.length + queue.length > 0) setNeeded(true);
  if (!isNeeded) return null;
  return (
    <Suspense fallback={null}>
      <NotificationsContainer />
    </Suspense>
  );
}

function SkipLink() {
  const { t } = useTranslation('app');
  return (
    <a
      href={`#${MAIN_ID}`}
      className={classes.skipLink}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(MAIN_ID)?.focus();
      }}
    >
      {t('layout.skipToContent')}
    </a>
  );
}

function Brand() {
  return (
    <Link to={paths.home} className={classes.brand}>
      <IconHexagonLetterA size={28} stroke={1.5} aria-hidden="true" />
      Atrium
    </Link>
  );
}

/** Shown while a route's code or data is on its way. */
function NavigationProgress() {
  const { t } = useTranslation('app');
  if (!useNavigationPending()) return null;
  return (
    <Group gap={6} role="status">
      <Loader size="xs" color="white" aria-hidden="true" />
      <VisuallyHidden>{t('layout.loadingPage')}</VisuallyHidden>
    </Group>
  );
}

/**
 * After a client-side navigation, move focus to the new page's content, as a full page load
 * would reset it; screen readers then start reading the new page. Not on the first load.
 */
function useFocusMainOnNavigation(mainRef: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname, mainRef]);
}
