// The time range and KQL shared by every page: set in the header, read by whatever fetches.
// `refreshKey` changes on "Refresh" so pages refetch even when the range string is unchanged
// (now-24h means a different window a minute later).
import React, { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { TimeRangeStrings } from '../lib/discover_links';

export interface QueryState {
  range: TimeRangeStrings;
  /** The applied KQL (only valid KQL is applied). */
  kql: string;
  refreshKey: number;
  setRange(range: TimeRangeStrings): void;
  setKql(kql: string): void;
  refresh(): void;
}

const QueryStateContext = createContext<QueryState | undefined>(undefined);

export function QueryStateProvider({
  initialRange,
  initialKql = '',
  children,
}: {
  initialRange: TimeRangeStrings;
  initialKql?: string;
  children: React.ReactNode;
}) {
  const [range, setRangeState] = useState(initialRange);
  const [kql, setKqlState] = useState(initialKql);
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = useCallback(() => setRefreshKey((key) => key + 1), []);
  const setRange = useCallback((next: TimeRangeStrings) => {
    setRangeState(next);
    setRefreshKey((key) => key + 1);
  }, []);
  const setKql = useCallback((next: string) => {
    setKqlState(next.trim());
    setRefreshKey((key) => key + 1);
  }, []);
  const value = useMemo(
    () => ({ range, kql, refreshKey, setRange, setKql, refresh }),
    [range, kql, refreshKey, setRange, setKql, refresh]
  );
  return <QueryStateContext.Provider value={value}>{children}</QueryStateContext.Provider>;
}

export function useQueryState(): QueryState {
  const state = useContext(QueryStateContext);
  if (!state) throw new Error('useQueryState must be used inside <QueryStateProvider>');
  return state;
}
