import {
  Component,
  type ComponentType,
  createContext,
  lazy,
  type ReactNode,
  Suspense,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useTransition,
} from 'react';
import { type Location, NavigationType, Outlet, Router, useLocation, useNavigationType } from 'react-router';
import { PageLoader } from '../ui/page-loader';
import { ErrorPage } from './error-page';
import type { AppHistory, BlockerArgs } from './history';

/**
 * What the data router (createBrowserRouter) gave the app, on react-router's declarative
 * `<Router>` and React itself, which is about 15 KB lighter on every first page (issue 11 item 12):
 * - `AppRouter`: the location from web/app/history.ts; each navigation is a transition, so the
 *   page on screen stays while the next page's code loads, and `useNavigationPending` says so;
 * - `lazyPage`: a route's page loaded on its first visit (React.lazy; `RouteOutlet`'s Suspense);
 * - `RouteOutlet`: the error page in place of a page that failed to load or render;
 * - `useBlocker`: the unsaved-changes question before leaving a page, Back button included;
 * - `ScrollRestoration`: top of the page on a new page, the old position on Back and Forward.
 */

const HistoryContext = createContext<AppHistory | null>(null);
const PendingContext = createContext(false);

export function AppRouter({ history, children }: { history: AppHistory; children: ReactNode }) {
  const [state, setState] = useState({ action: history.action, location: history.location });
  const [isPending, startTransition] = useTransition();
  useLayoutEffect(() => history.listen((update) => startTransition(() => setState(update))), [history]);
  return (
    <HistoryContext value={history}>
      <PendingContext value={isPending}>
        <Router location={state.location} navigationType={state.action} navigator={history}>
          {children}
        </Router>
      </PendingContext>
    </HistoryContext>
  );
}

/** True while a navigation waits for the next page (its code): the progress indicator shows. */
export function useNavigationPending(): boolean {
  return useContext(PendingContext);
}

/** A route's element whose page module loads on the route's first visit. */
export function lazyPage(load: () => Promise<ComponentType>): ReactNode {
  const Page = lazy(async () => ({ default: await load() }));
  return <Page />;
}

/**
 * The child route, with a spinner while its page's code loads (on a first load; a navigation keeps
 * the previous page meanwhile) and the error page if that code fails to load or render. The error
 * is forgotten when the path changes, so the app's links still lead elsewhere.
 */
export function RouteOutlet() {
  const { pathname } = useLocation();
  return (
    <RouteErrorBoundary pathname={pathname}>
      <Suspense fallback={<PageLoader />}>
        <Outlet />
      </Suspense>
    </RouteErrorBoundary>
  );
}

type ErrorState = { failure: { error: unknown } | null; pathname: string };

class RouteErrorBoundary extends Component<{ pathname: string; children: ReactNode }, ErrorState> {
  override state: ErrorState = { failure: null, pathname: this.props.pathname };

  static getDerivedStateFromError(error: unknown): Partial<ErrorState> {
    return { failure: { error } };
  }

  static getDerivedStateFromProps(
    props: { pathname: string },
    state: ErrorState,
  ): Partial<ErrorState> | null {
    return props.pathname === state.pathname ? null : { failure: null, pathname: props.pathname };
  }

  override render() {
    return this.state.failure ? <ErrorPage error={this.state.failure.error} /> : this.props.children;
  }
}

export type Blocker =
  | { state: 'unblocked'; proceed?: undefined; reset?: undefined }
  | { state: 'blocked'; proceed: () => void; reset: () => void };

/**
 * Holds back navigations `shouldBlock` answers true for (links, `navigate`, Back and Forward) until
 * the page calls `proceed` or `reset`, as react-router's data-router hook of the same name did.
 */
export function useBlocker(shouldBlock: (args: BlockerArgs) => boolean): Blocker {
  const history = useContext(HistoryContext);
  const [held, setHeld] = useState<{ proceed: () => void } | null>(null);
  const latest = useRef(shouldBlock);
  useLayoutEffect(() => {
    latest.current = shouldBlock;
  });
  useEffect(
    () =>
      history?.block({
        shouldBlock: (args) => latest.current(args),
        onBlock: (proceed) => setHeld({ proceed }),
      }),
    [history],
  );
  if (!held) return { state: 'unblocked' };
  return {
    state: 'blocked',
    proceed: () => {
      setHeld(null);
      held.proceed();
    },
    reset: () => setHeld(null),
  };
}

const SCROLL_KEY = 'atrium:scroll-positions';

function savedPositions(): Record<string, number> {
  try {
    return JSON.parse(sessionStorage.getItem(SCROLL_KEY) ?? '{}') as Record<string, number>;
  } catch {
    return {};
  }
}

/**
 * The scroll position the browser would keep with full page loads: a new page (link, `navigate`)
 * starts at its top, or at the element its `#hash` names; Back and Forward, and a reload, return
 * to where that entry was left. Positions are kept by history entry for the tab's session.
 */
export function ScrollRestoration() {
  const location = useLocation();
  const action = useNavigationType();
  const positions = useRef<Record<string, number> | null>(null);
  positions.current ??= savedPositions();

  useEffect(() => {
    window.history.scrollRestoration = 'manual';
    const save = () => sessionStorage.setItem(SCROLL_KEY, JSON.stringify(positions.current));
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('pagehide', save);
      window.history.scrollRestoration = 'auto';
    };
  }, []);

  useLayoutEffect(() => {
    restoreScroll(location, action, positions.current?.[location.key]);
    const remember = () => {
      if (positions.current) positions.current[location.key] = window.scrollY;
    };
    window.addEventListener('scroll', remember, { passive: true });
    return () => window.removeEventListener('scroll', remember);
  }, [location, action]);
  return null;
}

function restoreScroll(location: Location, action: NavigationType, saved: number | undefined) {
  if (action === NavigationType.Pop && saved !== undefined) {
    window.scrollTo(0, saved);
    return;
  }
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (target) target.scrollIntoView();
  else if (action !== NavigationType.Pop) window.scrollTo(0, 0);
}
