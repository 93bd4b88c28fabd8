// Removes what the app installed, after an explicit confirmation. Data streams and the data in
// them stay. The saved objects of this space go; the pipelines and templates, which every space
// and the forwarder share, go only when the user ticks the box (ticked by default where there is
// no Kibana, since they are all there is to remove).
import React, { useState } from 'react';
import { EuiButton, EuiCheckbox, EuiConfirmModal, EuiSpacer } from '@elastic/eui';

export function RemoveAssetsButton({
  onConfirm,
  isLoading,
  disabled,
  hasSavedObjects,
}: {
  onConfirm(options: { elasticsearch: boolean }): void;
  isLoading: boolean;
  disabled?: boolean;
  /** Whether this host has Kibana saved objects to remove (false in the standalone shell). */
  hasSavedObjects: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const [elasticsearch, setElasticsearch] = useState(!hasSavedObjects);
  return (
    <>
      <EuiButton
        color="danger"
        iconType="trash"
        isLoading={isLoading}
        isDisabled={disabled}
        onClick={() => {
          setElasticsearch(!hasSavedObjects);
          setConfirming(true);
        }}
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
            onConfirm({ elasticsearch });
          }}
          cancelButtonText="Cancel"
          confirmButtonText="Remove assets"
          buttonColor="danger"
          defaultFocusedButton="cancel"
          data-test-subj="setup-remove-confirm"
        >
          <p>
            {hasSavedObjects
              ? 'The data views, saved searches, saved queries and dashboards this app installed in this space are deleted.'
              : 'Nothing in Kibana is affected.'}{' '}
            Your data streams and the documents in them are kept.
          </p>
          <EuiSpacer size="s" />
          <EuiCheckbox
            id="netobs-remove-elasticsearch"
            data-test-subj="setup-remove-elasticsearch"
            checked={elasticsearch}
            onChange={(event) => setElasticsearch(event.target.checked)}
            label="Also remove the ingest pipelines and templates. Every Kibana space and the forwarder share them: new log lines are not parsed until they are installed again."
          />
        </EuiConfirmModal>
      )}
    </>
  );
}
