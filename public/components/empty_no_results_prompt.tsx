// Shown when the query bar's filter matches nothing in the time range while the source does
// have data: a different situation from "nothing has arrived yet" (EmptyNoDataPrompt), with
// the way out (clear the filter) one click away.
import React from 'react';
import { EuiButton, EuiEmptyPrompt, EuiText } from '@elastic/eui';

export function EmptyNoResultsPrompt({
  noun,
  kql,
  onClear,
}: {
  /** What the source's documents are, plural and lower case (flows, requests). */
  noun: string;
  kql: string;
  onClear(): void;
}) {
  return (
    <EuiEmptyPrompt
      data-test-subj="empty-no-results"
      iconType="search"
      title={<h2>No {noun} match this query</h2>}
      body={
        <EuiText size="s">
          <p>
            Nothing in this time range matches <code>{kql}</code>. Check the values (addresses,
            ports, actions are case-sensitive), widen the time range, or clear the query.
          </p>
        </EuiText>
      }
      actions={
        <EuiButton onClick={onClear} data-test-subj="empty-no-results-clear">
          Clear the query
        </EuiButton>
      }
    />
  );
}
