// A non-blocking warning when some assets are missing or outdated: data may still show, but
// parsing may be incomplete until setup runs again.
import React from 'react';
import { EuiButton, EuiCallOut } from '@elastic/eui';
import type { StatusResponse } from '../../common/api_types';
import { useRoute } from '../context/route_context';

export function SetupStatusCallout({ status }: { status: StatusResponse }) {
  const { navigate } = useRoute();
  if (status.state === 'installed' || status.state === 'not_installed') return null;
  if (status.missingProcessors?.length) {
    // Installing again cannot help: this cluster refuses the pipelines themselves.
    return (
      <EuiCallOut
        data-test-subj="setup-status-callout"
        color="warning"
        iconType="warning"
        title="This Elasticsearch cannot run the parsing pipelines"
      >
        <p>
          No node offers the ingest processors {status.missingProcessors.join(', ')}, so the
          pipelines cannot be installed here, and the raw data stream refuses lines until they are.
          Use a cluster with ingest nodes (Elasticsearch&apos;s default distribution has these
          processors). Locally, <code>npm start</code> parses through its dev ingest bridge instead,
          which is why its data still shows.
        </p>
      </EuiCallOut>
    );
  }
  if (status.state === 'newer') {
    return (
      <EuiCallOut
        data-test-subj="setup-status-callout"
        color="warning"
        iconType="warning"
        title={`Assets come from a newer release than this plugin (${status.version})`}
      >
        <p>Upgrade the plugin to match them; setup does not downgrade installed assets.</p>
      </EuiCallOut>
    );
  }
  const outdated = status.state === 'outdated';
  return (
    <EuiCallOut
      data-test-subj="setup-status-callout"
      color="warning"
      iconType="warning"
      title={
        outdated
          ? `Assets are older than version ${status.version}`
          : 'Some assets are missing or changed'
      }
    >
      <p>
        {outdated
          ? 'Upgrade them so the pipelines parse with the current rules.'
          : 'Install them again so every source is parsed.'}
      </p>
      <EuiButton size="s" color="warning" onClick={() => navigate('setup')}>
        {outdated ? 'Upgrade assets' : 'Open setup'}
      </EuiButton>
    </EuiCallOut>
  );
}
