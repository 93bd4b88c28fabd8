// The cluster privileges setup needs, marking those the current user lacks. Setup runs as the
// user, so a missing privilege means asking an administrator, not a bug.
import React from 'react';
import { EuiCode, EuiHealth, EuiText } from '@elastic/eui';
import type { StatusResponse } from '../../common/api_types';

export function PrivilegesList({ privileges }: { privileges: StatusResponse['privileges'] }) {
  const missing = new Set(privileges.missing);
  return (
    <EuiText size="s" data-test-subj="setup-privileges">
      <p>
        Setup runs as you. It needs these Elasticsearch cluster privileges, and in Kibana the
        Network Observability feature with <strong>All</strong> privileges (for data views, saved
        searches, queries and dashboards):
      </p>
      <ul>
        {privileges.cluster.map((privilege) => (
          <li key={privilege} data-test-subj={`privilege-${privilege}`}>
            <EuiHealth color={missing.has(privilege) ? 'danger' : 'success'}>
              <EuiCode>{privilege}</EuiCode>{' '}
              {missing.has(privilege) ? '— missing: ask an administrator to grant it' : '— granted'}
            </EuiHealth>
          </li>
        ))}
      </ul>
    </EuiText>
  );
}
