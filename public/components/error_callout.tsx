// How every failed request is shown: the server's message, and a retry where one makes sense.
import React from 'react';
import { EuiButton, EuiCallOut } from '@elastic/eui';

export function ErrorCallout({
  title,
  message,
  onRetry,
}: {
  title: string;
  message: string;
  onRetry?: () => void;
}) {
  return (
    <EuiCallOut title={title} color="danger" iconType="error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <EuiButton size="s" color="danger" onClick={onRetry}>
          Try again
        </EuiButton>
      )}
    </EuiCallOut>
  );
}
