import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserAbilities } from '../../../common/abilities';
import '../../i18n/lazy/passwords';

// The dialogs load when first opened: a user page that never opens them does not download them.
const ChangePasswordDialog = lazy(async () => ({
  default: (await import('./admin-password-dialogs')).ChangePasswordDialog,
}));
const ResetPasswordDialog = lazy(async () => ({
  default: (await import('./admin-password-dialogs')).ResetPasswordDialog,
}));

/** An entry of the user page's **More Actions** menu. */
export type MoreAction = { key: string; label: string; onSelect: () => void };

/**
 * The password entries of a user page's **More Actions** menu, and their dialogs: **Change
 * Password** and **Reset Password**, each when the server allows it (`meta.abilities` of the user).
 *
 * ```tsx
 * const password = usePasswordActions({ user: { id, name }, currentUserId: me.id, abilities: user.meta.abilities });
 * // menu:   password.actions.map((a) => <Menu.Item key={a.key} onClick={a.onSelect}>{a.label}</Menu.Item>)
 * // page:   {password.dialogs}
 * ```
 */
export function usePasswordActions({
  user,
  currentUserId,
  abilities,
}: {
  user: { id: string; name?: string };
  currentUserId?: string;
  abilities: Pick<UserAbilities, 'changePassword' | 'resetPassword'>;
}): { actions: MoreAction[]; dialogs: ReactNode } {
  const { t } = useTranslation('passwords');
  const [open, setOpen] = useState<'change' | 'reset' | null>(null);
  // Each dialog mounts once first opened and stays mounted, so closing animates as usual.
  const [used, setUsed] = useState<{ change?: true; reset?: true }>({});
  if (!abilities.changePassword && !abilities.resetPassword) return { actions: [], dialogs: null };
  const isSelf = user.id === 'me' || user.id === currentUserId;
  const props = { userId: user.id, userName: user.name, onClose: () => setOpen(null), isSelf };
  const show = (dialog: 'change' | 'reset') => {
    setUsed((current) => ({ ...current, [dialog]: true }));
    setOpen(dialog);
  };
  return {
    actions: [
      ...(abilities.changePassword
        ? [{ key: 'change_password', label: t('change.title'), onSelect: () => show('change') }]
        : []),
      ...(abilities.resetPassword
        ? [{ key: 'reset_password', label: t('reset.title'), onSelect: () => show('reset') }]
        : []),
    ],
    dialogs: (
      <Suspense fallback={null}>
        {used.change ? <ChangePasswordDialog {...props} opened={open === 'change'} /> : null}
        {used.reset ? <ResetPasswordDialog {...props} opened={open === 'reset'} /> : null}
      </Suspense>
    ),
  };
}
