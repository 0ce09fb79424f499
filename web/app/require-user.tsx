import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { paths, signInPath } from '../../common/paths';
import { PageLoader } from '../ui/page-loader';
import { useCurrentUser } from './api';
import { LanguageFromSettings } from './language';

/**
 * Guards the routes below it: a signed-out visitor (401) goes to the sign-in page, which brings
 * them back here afterwards. Any other failure to read the profile lets the page render; its own
 * requests will show what is wrong.
 */
export function RequireUser() {
  const { t } = useTranslation('app');
  const { data: user, isPending } = useCurrentUser();
  const location = useLocation();
  if (isPending) return <PageLoader label={t('layout.loadingProfile')} />;
  if (user === null) {
    return <Navigate to={signInPath(`${location.pathname}${location.search}${location.hash}`)} replace />;
  }
  // The server refuses everything else until the user has chosen their own password.
  if (user?.mustChangePassword && location.pathname !== paths.passwordChangeRequired) {
    return <Navigate to={paths.passwordChangeRequired} replace />;
  }
  return (
    <>
      {user && !user.mustChangePassword && <LanguageFromSettings />}
      <Outlet />
    </>
  );
}
