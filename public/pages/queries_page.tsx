// Queries: the prebuilt KQL catalog, searchable and grouped, each with a live count. The list
// follows every keystroke, but cards a search brings in start counting only once typing pauses,
// so a word typed letter by letter does not fire (and cancel) dozens of counts; a card the
// search filters out unmounts, which aborts its request. Each card counts only once it comes
// near the screen (query_card.tsx).
import React, { useState } from 'react';
import {
  EuiEmptyPrompt,
  EuiFieldSearch,
  EuiFlexGroup,
  EuiFlexItem,
  EuiSpacer,
  EuiTitle,
} from '@elastic/eui';
import { QUERY_CATALOG } from '../../common/queries';
import { QueryCard } from '../components/query_card';
import { useDebouncedValue } from '../hooks/use_debounced_value';
import { groupQueries, searchQueries } from '../lib/query_search';

/** Typing in the search pauses this long before newly listed cards count. */
export const SEARCH_DEBOUNCE_MS = 250;

export function QueriesPage() {
  const [search, setSearch] = useState('');
  // Counts edits rather than comparing text: "ssh" typed and deleted is still typing.
  const [edits, setEdits] = useState(0);
  const settled = useDebouncedValue(edits, SEARCH_DEBOUNCE_MS) === edits;
  const groups = groupQueries(searchQueries(QUERY_CATALOG, search));
  return (
    <>
      <EuiFieldSearch
        fullWidth
        placeholder="Search queries by title, field or KQL (e.g. ssh, 5xx, destination.port)"
        aria-label="Search prebuilt queries"
        value={search}
        onChange={(event) => {
          setSearch(event.target.value);
          setEdits((n) => n + 1);
        }}
        incremental
        data-test-subj="query-search"
      />
      <EuiSpacer size="m" />
      {groups.length === 0 && (
        <EuiEmptyPrompt
          iconType="search"
          title={<h2>No query matches “{search}”</h2>}
          body={<p>Try a field name such as source.ip, or a word such as rejected.</p>}
          data-test-subj="empty-query-search"
        />
      )}
      {groups.map(([group, queries]) => (
        <section key={group} aria-label={group} data-test-subj={`query-group-${group}`}>
          <EuiTitle size="s">
            <h2>{group}</h2>
          </EuiTitle>
          <EuiSpacer size="s" />
          <EuiFlexGroup direction="column" gutterSize="m">
            {queries.map((query) => (
              <EuiFlexItem key={query.id}>
                <QueryCard query={query} holdCount={!settled} />
              </EuiFlexItem>
            ))}
          </EuiFlexGroup>
          <EuiSpacer size="l" />
        </section>
      ))}
    </>
  );
}
