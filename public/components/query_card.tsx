// One prebuilt query: what it answers, the fields it needs, its KQL with parameters filled in,
// a live hit count, and ways to take it elsewhere (Discover, clipboard).
import React, { useMemo, useState } from 'react';
import {
  EuiAccordion,
  EuiBadge,
  EuiButtonEmpty,
  EuiCodeBlock,
  EuiCopy,
  EuiFlexGroup,
  EuiFlexItem,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import type { PrebuiltQuery } from '../../common/queries';
import { renderQuery } from '../../common/queries';
import { useQueryState } from '../context/query_state_context';
import { useDebouncedValue } from '../hooks/use_debounced_value';
import { useQueryCount } from '../hooks/use_query_count';
import { queryTarget } from '../lib/discover_links';
import { DiscoverLink } from './discover_link';
import { QueryCountDisplay } from './query_count_display';
import { QueryParamsForm } from './query_params_form';
import { QueryResults } from './query_results';

/** Typing pauses this long before a count is requested. */
export const PARAM_DEBOUNCE_MS = 400;

function initialValues(query: PrebuiltQuery): Record<string, string> {
  return Object.fromEntries((query.params ?? []).map((p) => [p.name, p.example]));
}

/** An emptied field falls back to the example (as renderQuery does) rather than breaking KQL. */
function filledIn(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim()));
}

export function QueryCard({ query }: { query: PrebuiltQuery }) {
  const { range, kql: userKql } = useQueryState();
  const [values, setValues] = useState(() => initialValues(query));
  const debounced = useDebouncedValue(values, PARAM_DEBOUNCE_MS);
  const params = useMemo(
    () => (query.params ? filledIn(debounced) : undefined),
    [query.params, debounced]
  );
  const rendered = renderQuery(query, filledIn(values));
  const count = useQueryCount(query.id, params);
  const [showResults, setShowResults] = useState(false);
  const hasResults = Boolean(query.breakdown || query.histogram);

  return (
    <EuiPanel hasBorder paddingSize="m" data-test-subj={`query-${query.id}`}>
      <EuiFlexGroup justifyContent="spaceBetween" alignItems="flexStart" responsive={false}>
        <EuiFlexItem>
          <EuiTitle size="xs">
            <h3>{query.title}</h3>
          </EuiTitle>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <QueryCountDisplay
            queryId={query.id}
            count={count.data?.count}
            loading={count.loading}
            error={count.error}
          />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiText size="s">
        <p>{query.description}</p>
      </EuiText>
      <EuiSpacer size="xs" />
      <EuiFlexGroup gutterSize="xs" wrap responsive={false} aria-label="Fields used">
        <EuiFlexItem grow={false}>
          <EuiBadge color="hollow">
            {query.source === 'all' ? 'all sources' : query.source}
          </EuiBadge>
        </EuiFlexItem>
        {query.fields.map((field) => (
          <EuiFlexItem grow={false} key={field}>
            <EuiBadge color="default">{field}</EuiBadge>
          </EuiFlexItem>
        ))}
      </EuiFlexGroup>
      {query.params && (
        <>
          <EuiSpacer size="s" />
          <QueryParamsForm
            queryId={query.id}
            params={query.params}
            values={values}
            onChange={setValues}
          />
        </>
      )}
      <EuiSpacer size="s" />
      <EuiCodeBlock
        language="kql"
        fontSize="s"
        paddingSize="s"
        data-test-subj={`query-kql-${query.id}`}
      >
        {rendered}
      </EuiCodeBlock>
      <EuiSpacer size="s" />
      <EuiFlexGroup gutterSize="m" alignItems="center" responsive={false} wrap>
        <EuiFlexItem grow={false}>
          <DiscoverLink
            target={queryTarget(query.source, rendered, range, userKql)}
            data-test-subj={`query-discover-${query.id}`}
            hideWhenUnavailable
          />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiCopy textToCopy={rendered}>
            {(copy) => (
              <EuiButtonEmpty
                size="xs"
                iconType="copy"
                onClick={copy}
                data-test-subj={`query-copy-${query.id}`}
              >
                Copy KQL
              </EuiButtonEmpty>
            )}
          </EuiCopy>
        </EuiFlexItem>
      </EuiFlexGroup>
      {hasResults && (
        <EuiAccordion
          id={`query-results-${query.id}`}
          buttonContent={query.histogram ? 'Over time' : 'Breakdown'}
          forceState={showResults ? 'open' : 'closed'}
          onToggle={setShowResults}
          data-test-subj={`query-results-${query.id}`}
        >
          {/* Rendered only when open: 30+ charts at once would slow the page for nothing. */}
          {showResults && count.data && (
            <QueryResults query={query} result={count.data} range={range} userKql={userKql} />
          )}
        </EuiAccordion>
      )}
    </EuiPanel>
  );
}
