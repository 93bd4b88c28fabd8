// Page routing over the history given at mount (Kibana's ScopedHistory, or the shell's): the
// app only needs the current page, a way to go to another, and the URL's search part where the
// query state lives (lib/url_state.ts), so no router library.
import React, { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { SourceId } from '../../common/constants';
import type { PageId, Route } from '../lib/routes';
import { parseRoute, routePath } from '../lib/routes';
import type { AppHistory } from '../services';

export interface RouteState {
  route: Route;
  /** The URL's search part (`?_g=…&_a=…`, or empty). */
  search: string;
  /** Goes to a page, keeping the query and time range (the search part) with it. */
  navigate(page: PageId, source?: SourceId): void;
  /** Rewrites the search part in place (no new history entry). */
  replaceSearch(search: string): void;
}

const RouteContext = createContext<RouteState | undefined>(undefined);

export function RouteProvider({
  history,
  children,
}: {
  history: AppHistory;
  children: React.ReactNode;
}) {
  const [location, setLocation] = useState(() => ({ ...history.location }));
  useEffect(
    () =>
      history.listen((next) => setLocation({ pathname: next.pathname, search: next.search ?? '' })),
    [history]
  );
  const navigate = useCallback(
    (page: PageId, source?: SourceId) =>
      history.push(routePath(page, source) + (history.location.search ?? '')),
    [history]
  );
  const replaceSearch = useCallback(
    (search: string) => {
      if (search !== history.location.search) history.replace(history.location.pathname + search);
    },
    [history]
  );
  const route = useMemo(() => parseRoute(location.pathname), [location.pathname]);
  const value = useMemo(
    () => ({ route, search: location.search ?? '', navigate, replaceSearch }),
    [route, location.search, navigate, replaceSearch]
  );
  return <RouteContext.Provider value={value}>{children}</RouteContext.Provider>;
}

export function useRoute(): RouteState {
  const state = useContext(RouteContext);
  if (!state) throw new Error('useRoute must be used inside <RouteProvider>');
  return state;
}
