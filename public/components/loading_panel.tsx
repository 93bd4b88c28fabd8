// Placeholder while a page's first answer is on its way.
import React from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiLoadingChart, EuiText } from '@elastic/eui';

export function LoadingPanel({ label }: { label: string }) {
  return (
    <EuiFlexGroup
      direction="column"
      alignItems="center"
      justifyContent="center"
      style={{ minHeight: 200 }}
      role="status"
      data-test-subj="loading"
    >
      <EuiFlexItem grow={false}>
        <EuiLoadingChart size="xl" />
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiText size="s" color="subdued">
          {label}
        </EuiText>
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}
