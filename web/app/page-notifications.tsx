import { Notifications } from '@mantine/notifications';

/**
 * The notifications' container (toasts), rendered in place inside <main> rather than through a
 * portal: a portal's target is looked up when it mounts, before the layout's <main> exists, and a
 * toast outside every landmark fails axe `region`. Loaded by layout.tsx with the first toast.
 */
export function NotificationsContainer() {
  return <Notifications position="top-right" withinPortal={false} />;
}
