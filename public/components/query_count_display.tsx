// A query's live count as the answer to its question: "12 sources · 2,350 flows" for "top
// talkers", "1,024 flows" for a conversation; a spinner while counting, a dash while a parameter
// is invalid, or a badge when the count failed (the card shows the server's message).
// data-count is always the matching documents (what Elasticsearch's _count of the query says);
// data-value is the number shown large.
import React from 'react';
import { EuiBadge, EuiLoadingSpinner, EuiText, EuiToolTip } from '@elastic/eui';
import type { CountHeadline } from '../../common/queries';
import { formatNumber } from '../lib/format';

export type QueryCountDisplayProps = {
  queryId: string;
} & (
  | { state: 'waiting' }
  | { state: 'invalid' }
  | { state: 'failed'; error: string }
  | { state: 'counted'; headline: CountHeadline; updating: boolean }
);

export function QueryCountDisplay(props: QueryCountDisplayProps) {
  const testSubj = `query-count-${props.queryId}`;
  switch (props.state) {
    case 'failed':
      return (
        <EuiToolTip content={props.error}>
          <EuiBadge
            color="danger"
            data-test-subj={testSubj}
            data-state="failed"
            data-error={props.error}
            tabIndex={0}
          >
            Count failed
          </EuiBadge>
        </EuiToolTip>
      );
    case 'invalid':
      return (
        <EuiText size="s" color="subdued" data-test-subj={testSubj} data-state="invalid">
          <span title="Not counted until the parameters are valid">—</span>
        </EuiText>
      );
    case 'waiting':
      return (
        <EuiLoadingSpinner
          size="m"
          aria-label="Counting"
          data-test-subj={testSubj}
          data-state="waiting"
        />
      );
    case 'counted': {
      const { headline, updating } = props;
      return (
        <EuiText size="s" aria-live="polite" aria-busy={updating} textAlign="right">
          <span
            data-test-subj={testSubj}
            data-state="counted"
            data-value={headline.value}
            data-count={headline.documents?.value ?? headline.value}
            data-loading={updating}
          >
            <strong>{formatNumber(headline.value)}</strong> {headline.noun}
            {headline.documents && (
              <EuiText size="xs" color="subdued" component="span">
                {' · '}
                {formatNumber(headline.documents.value)} {headline.documents.noun}
              </EuiText>
            )}
          </span>
          {updating && <EuiLoadingSpinner size="s" aria-label="Updating count" />}
        </EuiText>
      );
    }
  }
}
