// Sources: is data arriving, how fast, how much fails to parse; and how to deploy the forwarder.
import React from 'react';
import { EuiPanel, EuiSpacer, EuiTitle } from '@elastic/eui';
import { INTERNAL_API_BASE } from '../../common/constants';
import type { FreshnessEntry } from '../../common/api_types';
import { DeployForwarderPanel } from '../components/deploy_forwarder_panel';
import { ErrorCallout } from '../components/error_callout';
import { FreshnessTable } from '../components/freshness_table';
import { LoadingPanel } from '../components/loading_panel';
import { useQueryState } from '../context/query_state_context';
import { useServices } from '../context/services_context';
import { useAsync } from '../hooks/use_async';

export function SourcesPage() {
  const { http } = useServices();
  const { refreshKey } = useQueryState();
  const freshness = useAsync(
    (signal) =>
      http.get<{ sources: FreshnessEntry[] }>(`${INTERNAL_API_BASE}/freshness`, { signal }),
    [http, refreshKey]
  );
  return (
    <>
      <EuiPanel hasBorder data-test-subj="freshness">
        <EuiTitle size="s">
          <h2>Data freshness</h2>
        </EuiTitle>
        <EuiSpacer size="s" />
        {freshness.error && (
          <ErrorCallout
            title="Could not read data freshness"
            message={freshness.error}
            onRetry={freshness.reload}
          />
        )}
        {!freshness.data && !freshness.error && <LoadingPanel label="Reading data freshness…" />}
        {freshness.data && <FreshnessTable entries={freshness.data.sources} />}
      </EuiPanel>
      <EuiSpacer size="l" />
      <DeployForwarderPanel />
    </>
  );
}
