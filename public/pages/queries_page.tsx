// Queries: the prebuilt KQL catalog, searchable and grouped, each with a live hit count.
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
import { groupQueries, searchQueries } from '../lib/query_search';

export function QueriesPage() {
  const [search, setSearch] = useState('');
  const groups = groupQueries(searchQueries(QUERY_CATALOG, search));
  return (
    <>
      <EuiFieldSearch
        fullWidth
        placeholder="Search queries by title, field or KQL (e.g. ssh, 5xx, destination.port)"
        aria-label="Search prebuilt queries"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
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
                <QueryCard query={query} />
              </EuiFlexItem>
            ))}
          </EuiFlexGroup>
          <EuiSpacer size="l" />
        </section>
      ))}
    </>
  );
}
