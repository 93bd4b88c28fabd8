// Shown when a source has no documents in the time range: how to get some there.
import React from 'react';
import { EuiButton, EuiCodeBlock, EuiEmptyPrompt, EuiText } from '@elastic/eui';
import { useRoute } from '../context/route_context';
import { useServices } from '../context/services_context';
import { shipCommand } from '../lib/deploy_snippets';

export function EmptyNoDataPrompt({ sourceTitle }: { sourceTitle: string }) {
  const { navigate } = useRoute();
  const { esUrl } = useServices();
  return (
    <EuiEmptyPrompt
      data-test-subj="empty-no-data"
      iconType="chartBarVerticalStack"
      title={<h2>No {sourceTitle} in this time range</h2>}
      body={
        <EuiText size="s" textAlign="left">
          <p>
            Widen the time range or clear the KQL filter. If nothing has been shipped yet, deploy
            the forwarder (S3 → SQS → Lambda) or backfill existing files:
          </p>
          <EuiCodeBlock language="bash" isCopyable fontSize="s" paddingSize="s">
            {shipCommand({ esUrl })}
          </EuiCodeBlock>
        </EuiText>
      }
      actions={
        <EuiButton onClick={() => navigate('sources')} data-test-subj="empty-no-data-sources">
          Deploy the forwarder
        </EuiButton>
      }
    />
  );
}
