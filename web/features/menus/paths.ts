/** Client-side URLs of the menus feature (mounted in web/app/router.tsx). */
export const menuPaths = {
  /** The Menus page: More Actions → Edit Menus on My User, or My Menus in the user menu. */
  myMenus: '/my-menus',
} as const;
