// Removes every asset the app installed, after an explicit confirmation. Data streams and the
// data in them stay; only pipelines, templates and saved objects go.
import React, { useState } from 'react';
import { EuiButton, EuiConfirmModal } from '@elastic/eui';

export function RemoveAssetsButton({
  onConfirm,
  isLoading,
  disabled,
}: {
  onConfirm(): void;
  isLoading: boolean;
  disabled?: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <EuiButton
        color="danger"
        iconType="trash"
        isLoading={isLoading}
        isDisabled={disabled}
        onClick={() => setConfirming(true)}
        data-test-subj="setup-remove"
      >
        Remove assets
      </EuiButton>
      {confirming && (
        <EuiConfirmModal
          title="Remove the Network Observability assets?"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            onConfirm();
          }}
          cancelButtonText="Cancel"
          confirmButtonText="Remove assets"
          buttonColor="danger"
          defaultFocusedButton="cancel"
          data-test-subj="setup-remove-confirm"
        >
          <p>
            Ingest pipelines, templates and saved objects installed by this app are deleted. Your
            data streams and the documents in them are kept, but new log lines will not be parsed
            until you install the assets again.
          </p>
        </EuiConfirmModal>
      )}
    </>
  );
}
