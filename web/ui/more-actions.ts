import type { ReactNode } from 'react';
import type { UserAbilities } from '../../common/abilities';

/** Who the page is about and who is looking: what every More Actions entry decides from. */
export type MoreActionContext = {
  user: { id: string; name: string; email: string; phone: string | null };
  isSelf: boolean;
  currentUserId: string;
  /** What the viewer may do to the user, as the server's policies say (`meta.abilities`). */
  abilities: UserAbilities;
};

/**
 * One entry of the **More Actions** menu on a user's page. Features contribute entries (Send
 * Email, Log Call, Assign Event, Assign Task, Configure Menus …) by adding them to
 * `moreActionEntries`, or — when they need state or a dialog — a hook to `moreActionProviders`.
 */
export type MoreActionEntry = {
  key: string;
  label: string;
  onClick: (context: MoreActionContext) => void;
  visible: (context: MoreActionContext) => boolean;
};

/** A hook contributing entries plus the dialogs they open (rendered by the page). */
export type MoreActionProvider = (context: MoreActionContext) => {
  actions: { key: string; label: string; onSelect: () => void }[];
  dialogs?: ReactNode;
};
