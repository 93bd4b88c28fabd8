// The live hit count of a query: the number, a spinner while counting, or why it failed.
import React from 'react';
import { EuiBadge, EuiLoadingSpinner, EuiText, EuiToolTip } from '@elastic/eui';
import { formatNumber } from '../lib/format';

export function QueryCountDisplay({
  queryId,
  count,
  loading,
  error,
}: {
  queryId: string;
  count?: number;
  loading: boolean;
  error?: string;
}) {
  const testSubj = `query-count-${queryId}`;
  if (error) {
    return (
      <EuiToolTip content={error}>
        <EuiBadge color="danger" data-test-subj={testSubj} data-error={error} tabIndex={0}>
          Count failed
        </EuiBadge>
      </EuiToolTip>
    );
  }
  if (count === undefined) {
    return <EuiLoadingSpinner size="m" aria-label="Counting hits" data-test-subj={testSubj} />;
  }
  return (
    <EuiText size="s" aria-live="polite" aria-busy={loading}>
      <strong data-test-subj={testSubj} data-count={count} data-loading={loading}>
        {formatNumber(count)}
      </strong>{' '}
      {count === 1 ? 'hit' : 'hits'}
      {loading && <EuiLoadingSpinner size="s" aria-label="Updating count" />}
    </EuiText>
  );
}
