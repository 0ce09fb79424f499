import { Navigate } from 'react-router';
import { configurationPaths } from './configuration-tree';

/**
 * "Password policy" (user menu) joined the Configuration tree: it opens the organization's
 * Configuration on its Password Policy page, where the system level is one click away.
 */
export function PasswordPolicySettingsPage() {
  return <Navigate to={`${configurationPaths.organization}?section=password-policy`} replace />;
}
