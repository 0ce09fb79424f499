/**
 * The menus a user can configure (issue 15 items 5, 6, 8), named as OroCRM names them:
 * `application_menu` (the top bar), `usermenu` (upper right), `shortcuts`, and `more_actions`
 * (the More Actions list of a user's page). Their items are defined in server code
 * (server/features/menus/definitions.ts); organizations and users layer updates over them.
 */
export const menuNames = ['application_menu', 'usermenu', 'shortcuts', 'more_actions'] as const;

export type MenuName = (typeof menuNames)[number];

export function isMenuName(value: string): value is MenuName {
  return (menuNames as readonly string[]).includes(value);
}

export const menuLabels: Record<MenuName, string> = {
  application_menu: 'Application Menu',
  usermenu: 'User Menu',
  shortcuts: 'Shortcuts',
  more_actions: 'More Actions',
};

/** A menu is at most this deep: top level, a child, a grandchild (issue 15 item 5). */
export const MAX_MENU_LEVEL = 3;

export const MAX_MENU_LABEL_LENGTH = 100;
export const MAX_MENU_URL_LENGTH = 2048;

/**
 * What an item of More Actions does: the SPA maps each key to a dialog or a page. Adding an entry
 * is one line here and one in the definition.
 */
export const menuActions = [
  'send_email',
  'log_call',
  'assign_event',
  'assign_task',
  'change_password',
  'reset_password',
  'edit_menus',
] as const;
export type MenuAction = (typeof menuActions)[number];

const appOrigin = 'http://atrium.invalid';

/**
 * Whether a custom item's URL may be stored: a path inside the app (`/users`, `/my-user?tab=x`)
 * or an `https:` address. Anything else is refused — `javascript:`, `data:`, `http:` (an external
 * address without TLS), protocol-relative `//host` and `/\host` (browsers read `\` as `/`)
 * — as OroCRM's NotDangerousProtocol and SECURITY.md ("links only http(s), mailto, tel") ask.
 */
export function isAllowedMenuUrl(url: string): boolean {
  if (url.length === 0 || url.length > MAX_MENU_URL_LENGTH) return false;
  // Whitespace and control characters: browsers drop some of them (`java\tscript:`).
  for (const character of url) {
    const code = character.codePointAt(0) ?? 0;
    if (code <= 0x20 || code === 0x7f || /\s/u.test(character)) return false;
  }
  if (url.startsWith('/')) {
    try {
      return new URL(url, appOrigin).origin === appOrigin && !url.startsWith('//') && !url.startsWith('/\\');
    } catch {
      return false;
    }
  }
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' &&
      parsed.hostname !== '' &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}

/** Whether a URL is a path inside the app (rendered as a client-side link) rather than an address. */
export function isAppPath(url: string): boolean {
  return url.startsWith('/');
}

/** One item of a merged menu, as `GET /api/menus` lists them: depth first, `position` among its siblings. */
export type MenuItemView = {
  key: string;
  parent: string | null;
  position: number;
  /** 1 = top level. */
  level: number;
  label: string;
  /** The definition's label; null for a custom item. */
  defaultLabel: string | null;
  url: string | null;
  action: MenuAction | null;
  divider: boolean;
  hidden: boolean;
  /** Added by an organization or a user (not in the definition). */
  custom: boolean;
  /** A custom item of the level being viewed: it may be deleted there. */
  deletable: boolean;
  /** The level being viewed has changed this item (Reset applies). */
  changed: boolean;
};

export type MenuScope = 'user' | 'organization';

/**
 * The keys of an item's descendants in a merged menu (as `GET /api/menus` lists it). The server
 * refuses a move under one of them; the SPA does not offer it.
 */
export function descendantsOf(items: readonly MenuItemView[], key: string): Set<string> {
  const found = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of items) {
      if (item.parent !== null && (item.parent === key || found.has(item.parent)) && !found.has(item.key)) {
        found.add(item.key);
        grew = true;
      }
    }
  }
  return found;
}

/** How many levels an item and its descendants span in a merged menu (1 for a leaf, 0 for no such item). */
export function heightOf(items: readonly MenuItemView[], key: string): number {
  const item = items.find((candidate) => candidate.key === key);
  if (!item) return 0;
  let deepest = item.level;
  for (const descendant of descendantsOf(items, key)) {
    const level = items.find((candidate) => candidate.key === descendant)?.level ?? 0;
    deepest = Math.max(deepest, level);
  }
  return deepest - item.level + 1;
}
