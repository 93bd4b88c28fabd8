// "Troubleshoot this connection": opens the Troubleshoot page with the form prefilled from what
// was clicked (a rejected flow's source, destination or port), keeping the time range.
import React from 'react';
import { EuiButtonIcon, EuiFlexItem, EuiToolTip } from '@elastic/eui';
import { useRoute } from '../../context/route_context';
import type { DiscoverTarget } from '../../services';
import type { ConnectionFormValues } from './connection_params';
import { prefillFromRow, writeConnectionParams } from './connection_params';

export interface TroubleshootLinkProps {
  prefill: Partial<ConnectionFormValues>;
  'data-test-subj'?: string;
}

export function TroubleshootLink({ prefill, ...rest }: TroubleshootLinkProps) {
  const { navigate, search, replaceSearch } = useRoute();
  const what = prefill.a ?? prefill.b ?? (prefill.port ? `port ${prefill.port}` : 'it');
  const label = `Troubleshoot this connection (${what})`;
  return (
    <EuiToolTip content={label}>
      <EuiButtonIcon
        iconType="wrench"
        aria-label={label}
        data-test-subj={rest['data-test-subj']}
        onClick={() => {
          // The search part goes with the page (time range), then gets the prefilled form.
          const next = writeConnectionParams(search, prefill);
          navigate('troubleshoot');
          replaceSearch(next);
        }}
      />
    </EuiToolTip>
  );
}

/**
 * The action of a table row of rejected VPC flows whose key is an address or a port (see
 * prefillFromRow); nothing for any other row.
 */
export function TroubleshootRowAction({
  rowKey,
  target,
}: {
  rowKey: string;
  target: DiscoverTarget;
}) {
  const prefill = prefillFromRow(rowKey, target);
  if (!prefill) return null;
  return (
    <EuiFlexItem grow={false}>
      <TroubleshootLink prefill={prefill} data-test-subj={`row-troubleshoot-${rowKey}`} />
    </EuiFlexItem>
  );
}
