import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/api';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import '../../i18n/lazy/calendar';

const CalendarView = lazy(() => import('./calendar-view'));

/** A user's calendar, loaded (with FullCalendar) only when shown. */
export function UserCalendar({
  owner,
  isSelf,
  canAssignEvent,
}: {
  owner: { id: string; name: string };
  isSelf: boolean;
  /** `meta.abilities.assignEvent` of the owner: the calendar offers to add events. */
  canAssignEvent: boolean;
}) {
  const { t } = useTranslation('calendar');
  return (
    <Suspense fallback={<PageLoader label={t('view.loading')} />}>
      <CalendarView owner={owner} isSelf={isSelf} canAdd={canAssignEvent} />
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
      <UserCalendar
        owner={{ id: me.id, name: me.username }}
        isSelf
        canAssignEvent={me.abilities.assignEvent}
      />
    </Page>
  );
}
