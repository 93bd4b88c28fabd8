// The cluster privileges setup needs, marking those the current user lacks. Setup runs as the
// user, so a missing privilege means asking an administrator, not a bug. Each privilege is one
// line: its name, then its state as a badge, so a narrow panel never splits the two.
import React from 'react';
import { EuiBadge, EuiCode, EuiFlexGroup, EuiFlexItem, EuiSpacer, EuiText } from '@elastic/eui';
import type { StatusResponse } from '../../common/api_types';

export function PrivilegesList({ privileges }: { privileges: StatusResponse['privileges'] }) {
  const missing = new Set(privileges.missing);
  return (
    <div data-test-subj="setup-privileges">
      <EuiText size="s">
        <p>
          Setup runs as you. It needs these Elasticsearch cluster privileges, and in Kibana the
          Network Observability feature with <strong>All</strong> privileges (for data views, saved
          searches, queries and dashboards):
        </p>
      </EuiText>
      <EuiSpacer size="s" />
      <EuiFlexGroup direction="column" gutterSize="s" role="list">
        {privileges.cluster.map((privilege) => {
          const granted = !missing.has(privilege);
          return (
            <EuiFlexItem key={privilege} grow={false} role="listitem">
              <EuiFlexGroup
                gutterSize="s"
                alignItems="center"
                responsive={false}
                wrap={false}
                data-test-subj={`privilege-${privilege}`}
                data-granted={granted}
              >
                <EuiFlexItem grow={false} data-test-subj={`privilege-${privilege}-name`}>
                  <EuiCode transparentBackground>{privilege}</EuiCode>
                </EuiFlexItem>
                <EuiFlexItem grow={false} data-test-subj={`privilege-${privilege}-state`}>
                  <EuiBadge
                    color={granted ? 'success' : 'danger'}
                    iconType={granted ? 'check' : 'cross'}
                  >
                    {granted ? 'granted' : 'missing'}
                  </EuiBadge>
                </EuiFlexItem>
              </EuiFlexGroup>
            </EuiFlexItem>
          );
        })}
      </EuiFlexGroup>
      {privileges.missing.length > 0 && (
        <>
          <EuiSpacer size="s" />
          <EuiText size="xs" color="danger" data-test-subj="privileges-missing-hint">
            <p>
              Missing: {privileges.missing.join(', ')}. Ask an administrator to grant{' '}
              {privileges.missing.length === 1 ? 'it' : 'them'}, or run setup as a user who has{' '}
              {privileges.missing.length === 1 ? 'it' : 'them'}.
            </p>
          </EuiText>
        </>
      )}
    </div>
  );
}
