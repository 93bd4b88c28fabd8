// What the last install, upgrade or removal did to each asset, failures first with their reason
// and the privileges that would have let it succeed.
import React from 'react';
import { EuiBadge, EuiBasicTable, EuiCallOut, EuiCode, EuiSpacer, EuiText } from '@elastic/eui';
import type { EuiBasicTableColumn } from '@elastic/eui';
import type { SetupResponse, SetupResult } from '../../common/api_types';
import { SETUP_ACTION_COLORS } from '../lib/asset_labels';
import { assetIdentityColumns } from './asset_columns';

function Outcome({ result }: { result: SetupResult }) {
  return (
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
  );
}

const COLUMNS: Array<EuiBasicTableColumn<SetupResult>> = [
  ...assetIdentityColumns<SetupResult>(),
  {
    field: 'action',
    name: 'Result',
    width: '110px',
    render: (action: SetupResult['action']) => (
      <EuiBadge
        color={SETUP_ACTION_COLORS[action] === 'subdued' ? 'default' : SETUP_ACTION_COLORS[action]}
      >
        {action}
      </EuiBadge>
    ),
  },
  { name: 'Details', render: (result: SetupResult) => <Outcome result={result} /> },
];

export function SetupResults({ response, title }: { response: SetupResponse; title: string }) {
  const failed = response.results.filter((r) => r.action === 'failed');
  // Failures first: they are what the user has to act on.
  const items = [...failed, ...response.results.filter((r) => r.action !== 'failed')];
  return (
    <div data-test-subj="setup-results">
      <EuiCallOut
        title={
          response.ok
            ? `${title}: done`
            : `${title}: ${failed.length} of ${response.results.length} assets failed`
        }
        color={response.ok ? 'success' : 'danger'}
        iconType={response.ok ? 'check' : 'error'}
        role={response.ok ? 'status' : 'alert'}
      />
      <EuiSpacer size="s" />
      <EuiBasicTable
        tableCaption={`${title} results`}
        items={items}
        columns={COLUMNS}
        rowProps={(result: SetupResult) => ({
          'data-test-subj': `setup-result-${result.type}-${result.name}`,
          'data-action': result.action,
        })}
      />
    </div>
  );
}
