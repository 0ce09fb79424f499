import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/api';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { ASSIGN_EVENT } from './calendar-actions';
import '../../i18n/lazy/calendar';

const CalendarView = lazy(() => import('./calendar-view'));

/** A user's calendar, loaded (with FullCalendar) only when shown. */
export function UserCalendar({
  owner,
  isSelf,
  permissions,
}: {
  owner: { id: string; name: string };
  isSelf: boolean;
  permissions: readonly string[];
}) {
  const { t } = useTranslation('calendar');
  return (
    <Suspense fallback={<PageLoader label={t('view.loading')} />}>
      <CalendarView owner={owner} isSelf={isSelf} canAdd={isSelf || permissions.includes(ASSIGN_EVENT)} />
    </Suspense>
  );
}

/** **My Calendar** (`/my-calendar`, from the user menu): the viewer's own calendar. */
export function MyCalendarPage() {
  const { t } = useTranslation('calendar');
  const { data: me } = useCurrentUser();
  if (!me) return <PageLoader label={t('view.loading')} />;
  return (
    <Page title={t('view.myCalendar')}>
      <UserCalendar owner={{ id: me.id, name: me.username }} isSelf permissions={me.permissions} />
    </Page>
  );
}
