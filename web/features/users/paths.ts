import { paths } from '../../app/paths';

/** The URLs of the user pages (view, edit) and the email verification page. */
export const userPaths = {
  myUser: paths.myUser,
  myUserEdit: `${paths.myUser}/edit`,
  view: (id: string) => `/users/${encodeURIComponent(id)}`,
  edit: (id: string) => `/users/${encodeURIComponent(id)}/edit`,
  verifyEmail: '/verify-email',
  customFieldSettings: '/settings/custom-fields',
} as const;
