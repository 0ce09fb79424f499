import {
  type Location,
  NavigationType,
  type Navigator,
  type To,
  UNSAFE_createBrowserHistory,
} from 'react-router';

/** What a blocker is asked: may the app leave `currentLocation` for `nextLocation`? */
export type BlockerArgs = {
  currentLocation: Location;
  nextLocation: Location;
  historyAction: NavigationType;
};

/** Asked before each navigation; `onBlock` receives the held navigation's `proceed`. */
type Blocker = { shouldBlock: (args: BlockerArgs) => boolean; onBlock: (proceed: () => void) => void };

export type HistoryUpdate = { action: NavigationType; location: Location };

/**
 * The browser's history for react-router's declarative `<Router>`, with one thing the plain
 * `<BrowserRouter>` lacks: a blocker that can hold a navigation back, both the app's own (links,
 * `navigate`) and the browser's Back and Forward buttons (undone with `history.go` and redone on
 * `proceed`), as the data router's `useBlocker` did. The data router cost about 15 KB of compressed
 * JavaScript on every first page (issue 11 item 12); lazy routes, error pages, scroll restoration and
 * the progress indicator are rebuilt on React itself in web/app/navigation.tsx.
 */
export type AppHistory = Navigator & {
  readonly action: NavigationType;
  readonly location: Location;
  listen(listener: (update: HistoryUpdate) => void): () => void;
  /** Registers the one blocker (the page with unsaved changes); returns its removal. */
  block(blocker: Blocker): () => void;
};

export function createAppHistory(): AppHistory {
  const history = UNSAFE_createBrowserHistory({ v5Compat: true });
  let blocker: Blocker | null = null;
  // The location the app shows: a Back the blocker undoes never reaches it.
  let current = history.location;
  // Pops caused by the blocker itself: undoing a held Back, or redoing it on proceed.
  let undoing = false;
  let redoing = false;
  let listener: ((update: HistoryUpdate) => void) | null = null;

  const nextOf = (to: To, state: unknown): Location => ({
    ...history.encodeLocation(to),
    state: state ?? null,
    key: 'next',
  });
  const isBlocked = (nextLocation: Location, historyAction: NavigationType) =>
    blocker?.shouldBlock({ currentLocation: current, nextLocation, historyAction }) ?? false;

  const hold = (proceed: () => void) => blocker?.onBlock(proceed);

  history.listen(({ action, location, delta }) => {
    if (action === NavigationType.Pop) {
      if (undoing) {
        undoing = false;
        return;
      }
      if (redoing) redoing = false;
      else if (delta != null && delta !== 0 && isBlocked(location, action)) {
        undoing = true;
        history.go(-delta);
        hold(() => {
          redoing = true;
          history.go(delta);
        });
        return;
      }
    }
    current = location;
    listener?.({ action, location });
  });

  return {
    get action() {
      return history.action;
    },
    get location() {
      return current;
    },
    createHref: (to) => history.createHref(to),
    encodeLocation: (to) => history.encodeLocation(to),
    go: (delta) => history.go(delta),
    push: (to, state) => {
      if (isBlocked(nextOf(to, state), NavigationType.Push)) hold(() => history.push(to, state));
      else history.push(to, state);
    },
    replace: (to, state) => {
      if (isBlocked(nextOf(to, state), NavigationType.Replace)) hold(() => history.replace(to, state));
      else history.replace(to, state);
    },
    listen(next) {
      listener = next;
      return () => {
        if (listener === next) listener = null;
      };
    },
    block(next) {
      blocker = next;
      return () => {
        if (blocker === next) blocker = null;
      };
    },
  };
}
