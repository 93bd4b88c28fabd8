// "Open in Discover" when there is a Kibana to open; otherwise a button that copies the KQL, so
// the standalone app is still useful for building queries.
import React from 'react';
import { EuiButtonEmpty, EuiCopy, EuiLink } from '@elastic/eui';
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
  // No Kibana to open: a compact copy button; the KQL rides in data-kql and the tooltip.
  return (
    <span data-test-subj={rest['data-test-subj']} data-kql={target.kql || '*'}>
      <EuiCopy textToCopy={target.kql || '*'} beforeMessage={`Copy KQL: ${target.kql || '*'}`}>
        {(copy) => (
          <EuiButtonEmpty size="xs" iconType="copy" onClick={copy}>
            Copy KQL
          </EuiButtonEmpty>
        )}
      </EuiCopy>
    </span>
  );
}
