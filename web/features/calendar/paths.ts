/** Client-side URLs of the calendar feature (mounted in web/app/router.tsx). */
export const calendarPaths = {
  /** **My Calendar** in the user menu. */
  myCalendar: '/my-calendar',
} as const;
