// Shown where data would be when the assets are not installed: nothing can be parsed yet.
import React from 'react';
import { EuiButton, EuiEmptyPrompt } from '@elastic/eui';
import { useRoute } from '../context/route_context';

export function EmptySetupPrompt() {
  const { navigate } = useRoute();
  return (
    <EuiEmptyPrompt
      data-test-subj="empty-setup"
      iconType="gear"
      title={<h2>Install the Network Observability assets</h2>}
      body={
        <p>
          The ingest pipelines, templates and saved objects that parse AWS flow and load-balancer
          logs are not installed in this cluster yet. Install them once; the forwarder can then ship
          logs.
        </p>
      }
      actions={
        <EuiButton fill onClick={() => navigate('setup')} data-test-subj="empty-setup-go">
          Install assets
        </EuiButton>
      }
    />
  );
}
