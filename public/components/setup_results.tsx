// What the last install, upgrade or removal did. The summary sits above the asset table; each
// asset's own result (with its error, the privileges that would have let it succeed, or a note
// such as where a pipeline went) is a cell of that asset's row, so the page has one table.
import React from 'react';
import { EuiBadge, EuiCallOut, EuiCode, EuiText } from '@elastic/eui';
import type { SetupResponse, SetupResult } from '../../common/api_types';
import { SETUP_ACTION_COLORS } from '../lib/asset_labels';

/** The order actions are counted in: what changed first, what the user must act on last. */
const ACTION_ORDER: SetupResult['action'][] = [
  'installed',
  'updated',
  'removed',
  'unchanged',
  'skipped',
  'failed',
];

/** "6 installed, 13 unchanged": how many assets each action touched, in a fixed order. */
export function summariseResults(results: SetupResult[]): string {
  return ACTION_ORDER.map((action) => ({
    action,
    count: results.filter((r) => r.action === action).length,
  }))
    .filter(({ count }) => count > 0)
    .map(({ action, count }) => `${count} ${action}`)
    .join(', ');
}

export function SetupResultsSummary({
  response,
  title,
}: {
  response: SetupResponse;
  title: string;
}) {
  const failed = response.results.filter((r) => r.action === 'failed').length;
  const counts = summariseResults(response.results);
  const others = summariseResults(response.results.filter((r) => r.action !== 'failed'));
  return (
    <EuiCallOut
      data-test-subj="setup-results"
      size="s"
      title={
        response.ok
          ? `${title}: done${counts ? ` (${counts})` : ''}`
          : `${title}: ${failed} of ${response.results.length} assets failed`
      }
      color={response.ok ? 'success' : 'danger'}
      iconType={response.ok ? 'check' : 'error'}
      role={response.ok ? 'status' : 'alert'}
    >
      {!response.ok && (
        <p>
          Failed assets come first in the table below, each with the reason
          {others ? `; the others: ${others}` : ''}.
        </p>
      )}
    </EuiCallOut>
  );
}

/** One asset's result: a badge for the action, then its error, missing privileges or note. */
export function SetupResultCell({ result }: { result: SetupResult }) {
  const color = SETUP_ACTION_COLORS[result.action];
  return (
    <div data-test-subj={`setup-result-${result.type}-${result.name}`} data-action={result.action}>
      <EuiBadge color={color === 'subdued' ? 'default' : color}>{result.action}</EuiBadge>
      {(result.error || result.missingPrivileges?.length || result.note) && (
        <EuiText size="xs">
          {result.error && <p>{result.error}</p>}
          {result.missingPrivileges && result.missingPrivileges.length > 0 && (
            <p>
              Missing privileges:{' '}
              {result.missingPrivileges.map((privilege, i) => (
                <React.Fragment key={privilege}>
                  {i > 0 && ', '}
                  <EuiCode>{privilege}</EuiCode>
                </React.Fragment>
              ))}
            </p>
          )}
          {result.note && <p>{result.note}</p>}
        </EuiText>
      )}
    </div>
  );
}
