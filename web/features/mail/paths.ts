import { paths } from '../../app/paths';

/** Client-side URLs of the outbox pages (mounted in web/app/router.tsx). */
export const mailPaths = {
  outbox: paths.outbox,
  message: (id: string) => `${paths.outbox}/${encodeURIComponent(id)}`,
} as const;
