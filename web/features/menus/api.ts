import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuItemCreate, MenuItemUpdate } from '../../../common/menu-schemas';
import type { MenuItemView, MenuName, MenuScope } from '../../../common/menus';
import { apiFetch, useCurrentUser } from '../../app/api';
import { apiPaths } from '../../app/api-paths';
import type { ApiResource } from '../../app/api-types';
import type { menus } from '../../i18n/en/menus';

/** A `menus` resource of `GET /api/menus`: a merged menu, its items depth first. */
export type MenuResource = ApiResource<'Menu'>;

export const menusQueryKey = (scope: MenuScope) => ['menus', scope] as const;

const scopeParameter = (scope: MenuScope) => (scope === 'organization' ? '?scope=organization' : '');

/**
 * Every menu merged for the signed-in user (`GET /api/menus`), by name. Only while signed in;
 * the shell, the user menu and More Actions all read this one query. A shipped item nobody
 * renamed shows its label in the viewer's language (`menus:items.<key>`); a renamed or custom
 * item shows what its author typed.
 */
export function useMenus(scope: MenuScope = 'user') {
  const { data: user } = useCurrentUser();
  const { t, i18n } = useTranslation('menus');
  const language = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new language must translate again
  const translated = useCallback(
    (byName: Record<MenuName, MenuItemView[]>) =>
      Object.fromEntries(
        Object.entries(byName).map(([name, items]) => [
          name,
          items.map((item) => {
            const key = `items.${item.key}` as `items.${keyof typeof menus.items}`;
            return !item.custom && item.label === item.defaultLabel && i18n.exists(`menus:${key}`)
              ? { ...item, label: t(key) }
              : item;
          }),
        ]),
      ) as Record<MenuName, MenuItemView[]>,
    [t, i18n, language],
  );
  return useQuery({
    select: translated,
    queryKey: menusQueryKey(scope),
    enabled: Boolean(user) && !user?.mustChangePassword,
    queryFn: async () => {
      const { data } = await apiFetch<{ data: MenuResource[] }>(`${apiPaths.menus}${scopeParameter(scope)}`);
      return Object.fromEntries(data.map((menu) => [menu.id, menu.attributes.items])) as Record<
        MenuName,
        MenuItemView[]
      >;
    },
    staleTime: 60_000,
  });
}

/** The items of a menu a person sees: hidden ones (and everything under them) left out. */
export function visibleItems(items: readonly MenuItemView[]): MenuItemView[] {
  const hidden = new Set<string>();
  return items.filter((item) => {
    if (item.hidden || (item.parent !== null && hidden.has(item.parent))) {
      hidden.add(item.key);
      return false;
    }
    return true;
  });
}

type Target = { scope: MenuScope; menu: MenuName };

/**
 * The changes of the Menus page. Each refetches both levels' menus when done, so the top bar, the
 * user menu and More Actions change at once, without a reload.
 */
export function useMenuChanges({ scope, menu }: Target) {
  const queryClient = useQueryClient();
  const query = scopeParameter(scope);
  const onSettled = () => queryClient.invalidateQueries({ queryKey: ['menus'] });
  return {
    update: useMutation({
      mutationFn: ({ key, changes }: { key: string; changes: MenuItemUpdate }) =>
        apiFetch(`${apiPaths.menuItem(menu, key)}${query}`, {
          method: 'PATCH',
          body: { data: { type: 'menu-items', id: key, attributes: changes } },
        }),
      onSettled,
    }),
    create: useMutation({
      mutationFn: (item: MenuItemCreate) =>
        apiFetch(`${apiPaths.menuItems(menu)}${query}`, {
          method: 'POST',
          body: { data: { type: 'menu-items', attributes: item } },
        }),
      onSettled,
    }),
    remove: useMutation({
      mutationFn: (key: string) => apiFetch(`${apiPaths.menuItem(menu, key)}${query}`, { method: 'DELETE' }),
      onSettled,
    }),
    resetItem: useMutation({
      mutationFn: (key: string) =>
        apiFetch(`${apiPaths.menuUpdate(menu, key)}${query}`, { method: 'DELETE' }),
      onSettled,
    }),
    resetMenu: useMutation({
      mutationFn: () => apiFetch(`${apiPaths.menuUpdates(menu)}${query}`, { method: 'DELETE' }),
      onSettled,
    }),
  };
}
