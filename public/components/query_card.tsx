// One prebuilt query: what it answers, the fields it needs, its KQL with parameters filled in,
// a live count that says what it counts, and ways to take it elsewhere (Discover, clipboard).
// The count is asked for only once the card is near the screen and its parameters are valid.
import React, { useMemo, useState } from 'react';
import {
  EuiAccordion,
  EuiBadge,
  EuiButtonEmpty,
  EuiCallOut,
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
import { checkQueryParams, countHeadline, renderQuery } from '../../common/queries';
import { useQueryState } from '../context/query_state_context';
import { useDebouncedValue } from '../hooks/use_debounced_value';
import { useQueryCount } from '../hooks/use_query_count';
import { useVisibleOnce } from '../hooks/use_visible_once';
import { queryTarget } from '../lib/discover_links';
import { DiscoverLink } from './discover_link';
import type { QueryCountDisplayProps } from './query_count_display';
import { QueryCountDisplay } from './query_count_display';
import { QueryParamsForm } from './query_params_form';
import { QueryResults } from './query_results';

/** Typing pauses this long before a value is checked and a count requested. */
export const PARAM_DEBOUNCE_MS = 400;

function initialValues(query: PrebuiltQuery): Record<string, string> {
  return Object.fromEntries((query.params ?? []).map((p) => [p.name, p.example]));
}

/** An emptied field falls back to the example (as renderQuery does) rather than breaking KQL. */
function filledIn(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim()));
}

export function QueryCard({
  query,
  holdCount = false,
}: {
  query: PrebuiltQuery;
  /** Do not start counting yet (the page's search is being typed); a count started goes on. */
  holdCount?: boolean;
}) {
  const { range, kql: userKql } = useQueryState();
  const [values, setValues] = useState(() => initialValues(query));
  const debounced = useDebouncedValue(values, PARAM_DEBOUNCE_MS);
  const params = useMemo(
    () => (query.params ? filledIn(debounced) : undefined),
    [query.params, debounced]
  );
  const problems = useMemo(() => checkQueryParams(query, params ?? {}), [query, params]);
  const valid = Object.keys(problems).length === 0;
  const [panelRef, seen] = useVisibleOnce<HTMLDivElement>();
  const [started, setStarted] = useState(false);
  // Derived during render (React's pattern for state that follows props): once started, a card
  // keeps counting through later searches, as its count does not depend on them.
  if (!started && seen && !holdCount) setStarted(true);
  const rendered = renderQuery(query, filledIn(values));
  const count = useQueryCount(query.id, params, started && valid);
  const [showResults, setShowResults] = useState(false);
  const hasResults = Boolean(query.breakdown || query.histogram);

  let display: QueryCountDisplayProps;
  if (!valid) display = { queryId: query.id, state: 'invalid' };
  else if (count.error) display = { queryId: query.id, state: 'failed', error: count.error };
  else if (count.data)
    display = {
      queryId: query.id,
      state: 'counted',
      headline: countHeadline(query, count.data),
      updating: count.loading,
    };
  else display = { queryId: query.id, state: 'waiting' };

  return (
    <EuiPanel hasBorder paddingSize="m" panelRef={panelRef} data-test-subj={`query-${query.id}`}>
      <EuiFlexGroup justifyContent="spaceBetween" alignItems="flexStart" responsive={false}>
        <EuiFlexItem>
          <EuiTitle size="xs">
            <h3>{query.title}</h3>
          </EuiTitle>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <QueryCountDisplay {...display} />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiText size="s">
        <p>{query.description}</p>
      </EuiText>
      {valid && count.error && (
        <>
          <EuiSpacer size="s" />
          <EuiCallOut
            size="s"
            color="danger"
            iconType="warning"
            title="The count failed"
            data-test-subj={`query-count-error-${query.id}`}
          >
            <p>{count.error}</p>
          </EuiCallOut>
        </>
      )}
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
            errors={problems}
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
          {showResults && valid && count.data && (
            <QueryResults query={query} result={count.data} range={range} userKql={userKql} />
          )}
        </EuiAccordion>
      )}
    </EuiPanel>
  );
}
