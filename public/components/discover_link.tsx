// "Open in Discover" when there is a Kibana to open; otherwise the KQL itself, copyable, so the
// standalone app is still useful for building queries.
import React from 'react';
import { EuiButtonIcon, EuiCode, EuiCopy, EuiFlexGroup, EuiFlexItem, EuiLink } from '@elastic/eui';
import { useServices } from '../context/services_context';
import type { DiscoverTarget } from '../services';

export interface DiscoverLinkProps {
  target: DiscoverTarget;
  label?: string;
  /** Without Kibana, render nothing (for places that already show the KQL). */
  hideWhenUnavailable?: boolean;
  'data-test-subj'?: string;
}

export function DiscoverLink({
  target,
  label = 'Open in Discover',
  hideWhenUnavailable = false,
  ...rest
}: DiscoverLinkProps) {
  const { navigation } = useServices();
  const url = navigation.discoverUrl(target);
  if (url) {
    return (
      <EuiLink
        href={url}
        data-test-subj={rest['data-test-subj']}
        onClick={(event: React.MouseEvent) => {
          // Let modified clicks open a new tab; a plain click navigates inside Kibana.
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          navigation.openDiscover(target);
        }}
      >
        {label}
      </EuiLink>
    );
  }
  if (hideWhenUnavailable) return null;
  return (
    <EuiFlexGroup gutterSize="xs" alignItems="center" responsive={false} wrap={false}>
      <EuiFlexItem grow={false} style={{ minWidth: 0 }}>
        <EuiCode data-test-subj={rest['data-test-subj']} style={{ wordBreak: 'break-all' }}>
          {target.kql || '*'}
        </EuiCode>
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiCopy textToCopy={target.kql}>
          {(copy) => <EuiButtonIcon iconType="copy" aria-label="Copy KQL" onClick={copy} />}
        </EuiCopy>
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}
