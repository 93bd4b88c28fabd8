// Page routing over the history given at mount (Kibana's ScopedHistory, or the shell's): the
// app only needs the current page and a way to go to another, so no router library.
import React, { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { SourceId } from '../../common/constants';
import type { PageId, Route } from '../lib/routes';
import { parseRoute, routePath } from '../lib/routes';
import type { AppHistory } from '../services';

export interface RouteState {
  route: Route;
  navigate(page: PageId, source?: SourceId): void;
}

const RouteContext = createContext<RouteState | undefined>(undefined);

export function RouteProvider({
  history,
  children,
}: {
  history: AppHistory;
  children: React.ReactNode;
}) {
  const [route, setRoute] = useState(() => parseRoute(history.location.pathname));
  useEffect(() => history.listen((location) => setRoute(parseRoute(location.pathname))), [history]);
  const navigate = useCallback(
    (page: PageId, source?: SourceId) => history.push(routePath(page, source)),
    [history]
  );
  const value = useMemo(() => ({ route, navigate }), [route, navigate]);
  return <RouteContext.Provider value={value}>{children}</RouteContext.Provider>;
}

export function useRoute(): RouteState {
  const state = useContext(RouteContext);
  if (!state) throw new Error('useRoute must be used inside <RouteProvider>');
  return state;
}
