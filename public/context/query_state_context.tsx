// The time range and KQL shared by every page: set in the header, read by whatever fetches,
// and kept in the URL (`_g`/`_a`, lib/url_state.ts) so a reload or a shared link shows the same
// view; Back and Forward restore it. `refreshKey` changes on "Refresh" so pages refetch even
// when the range string is unchanged (now-24h means a different window a minute later).
// What the last search said about the query (Elasticsearch refused it, or a field it names is
// not in the data) is kept here too, for the query bar to show under the field.
import React, {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { TimeRangeStrings } from '../lib/discover_links';
import { readUrlState, writeUrlState } from '../lib/url_state';
import { useRoute } from './route_context';

/** What a page learnt about the applied query from its last search. */
export interface QueryOutcome {
  /** Why the search refused the query (the server's 400 message). */
  error?: string;
  /** Sentences about the query that the results would hide (unknown fields). */
  warnings?: string[];
}

export interface QueryState {
  range: TimeRangeStrings;
  /** The applied KQL (only valid KQL is applied). */
  kql: string;
  refreshKey: number;
  setRange(range: TimeRangeStrings): void;
  setKql(kql: string): void;
  refresh(): void;
  outcome: QueryOutcome;
  reportOutcome(outcome: QueryOutcome): void;
}

const QueryStateContext = createContext<QueryState | undefined>(undefined);

const sameRange = (a: TimeRangeStrings, b: TimeRangeStrings) => a.from === b.from && a.to === b.to;

export function QueryStateProvider({
  initialRange,
  initialKql = '',
  children,
}: {
  /** The defaults, used where the URL says nothing. */
  initialRange: TimeRangeStrings;
  initialKql?: string;
  children: React.ReactNode;
}) {
  const { search, replaceSearch } = useRoute();
  const fromUrl = (text: string) => {
    const state = readUrlState(text);
    return { range: state.range ?? initialRange, kql: (state.kql ?? initialKql).trim() };
  };
  const [view, setView] = useState(() => fromUrl(search));
  const [refreshKey, setRefreshKey] = useState(0);
  const [outcome, setOutcome] = useState<QueryOutcome>({});
  // Set by the user's own changes: only those are written to the URL (an untouched view keeps
  // a clean URL, and state read from the URL is not written back).
  const changed = useRef(false);

  const refresh = useCallback(() => setRefreshKey((key) => key + 1), []);
  const setRange = useCallback((range: TimeRangeStrings) => {
    changed.current = true;
    setView((current) => ({ ...current, range }));
    setRefreshKey((key) => key + 1);
  }, []);
  const setKql = useCallback((next: string) => {
    changed.current = true;
    setView((current) => ({ ...current, kql: next.trim() }));
    setOutcome({});
    setRefreshKey((key) => key + 1);
  }, []);
  const reportOutcome = useCallback((next: QueryOutcome) => setOutcome(next), []);

  useEffect(() => {
    if (!changed.current) return;
    changed.current = false;
    replaceSearch(writeUrlState(search, view));
    // Only a change of the view writes; `search` is read, not watched.
  }, [view]);

  // Back, Forward or a pasted link: the URL leads, the view follows.
  useEffect(() => {
    const next = fromUrl(search);
    setView((current) =>
      sameRange(current.range, next.range) && current.kql === next.kql ? current : next
    );
  }, [search]);

  const value = useMemo(
    () => ({
      range: view.range,
      kql: view.kql,
      refreshKey,
      setRange,
      setKql,
      refresh,
      outcome,
      reportOutcome,
    }),
    [view, refreshKey, setRange, setKql, refresh, outcome, reportOutcome]
  );
  return <QueryStateContext.Provider value={value}>{children}</QueryStateContext.Provider>;
}

export function useQueryState(): QueryState {
  const state = useContext(QueryStateContext);
  if (!state) throw new Error('useQueryState must be used inside <QueryStateProvider>');
  return state;
}
