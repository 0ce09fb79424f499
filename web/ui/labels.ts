import { useTranslation } from 'react-i18next';
import { auditActionWords, isAuditAction } from '../../common/audit-actions';
import type { Permission } from '../../common/permissions';
import '../i18n/lazy/access';
import '../i18n/lazy/audit';

/**
 * An audit action as the viewer reads it, in their language (`audit:actions`, one entry per
 * action of common/audit-actions.ts: the key is typed, so an action without words does not
 * compile). An action this build does not know (a newer server) is still shown in words
 * (`report.exported` → "Report exported"), never as its code.
 */
export function useAuditActionLabel(): (action: string) => string {
  const { t } = useTranslation('audit');
  return (action) => (isAuditAction(action) ? t(`actions.${action}`) : auditActionWords(action));
}

/** A permission as the viewer reads it, in their language (`access:permissions`, typed the same way). */
export function usePermissionLabel(): (permission: Permission) => string {
  const { t } = useTranslation('access');
  return (permission) => t(`permissions.${permission}`);
}
