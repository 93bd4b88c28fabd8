// Links from a source's overview to the dashboards setup installed for it. Where there is no
// Kibana to open them in (the standalone shell), one dismissible note says so instead of the
// links silently missing: dashboards and Discover live in Kibana, and here each chart element
// and row offers its KQL to copy.
import React, { useState } from 'react';
import { EuiButtonEmpty, EuiCallOut, EuiFlexGroup, EuiFlexItem } from '@elastic/eui';
import type { SourceId } from '../../common/constants';
import { SOURCE_DASHBOARDS } from '../../common/constants';
import { useServices } from '../context/services_context';

/** Remembered in the browser, so the note is said once, not on every visit. */
export const STANDALONE_NOTE_KEY = 'networkObservability.standaloneNoteDismissed';

function readDismissed(): boolean {
  try {
    return window.localStorage.getItem(STANDALONE_NOTE_KEY) === 'true';
  } catch {
    return false;
  }
}

function StandaloneNote() {
  const [dismissed, setDismissed] = useState(readDismissed);
  if (dismissed) return null;
  return (
    <EuiCallOut
      size="s"
      iconType="info"
      title="Dashboards and Discover open from this app inside Kibana"
      data-test-subj="standalone-note"
      onDismiss={() => {
        setDismissed(true);
        try {
          window.localStorage.setItem(STANDALONE_NOTE_KEY, 'true');
        } catch {
          // Private mode: the note comes back next visit, nothing worse.
        }
      }}
    >
      <p>
        This is the standalone app, without a Kibana: the links to the installed dashboards and to
        Discover are not available here. Every chart element and table row offers its KQL to copy
        instead; install the plugin into Kibana (README) for the links.
      </p>
    </EuiCallOut>
  );
}

export function DashboardLinks({ source }: { source: SourceId }) {
  const { navigation } = useServices();
  const links = SOURCE_DASHBOARDS[source]
    .map((dashboard) => ({ ...dashboard, href: navigation.dashboardUrl?.(dashboard.id) }))
    .filter((link): link is typeof link & { href: string } => link.href !== undefined);
  // Inside Kibana every dashboard has a URL; none means there is no Kibana to open them in.
  if (links.length === 0) return <StandaloneNote />;
  return (
    <EuiFlexGroup gutterSize="s" justifyContent="flexEnd" responsive={false} wrap>
      {links.map((link) => (
        <EuiFlexItem grow={false} key={link.id}>
          <EuiButtonEmpty
            size="s"
            iconType="dashboardApp"
            href={link.href}
            data-test-subj={`dashboard-link-${link.id}`}
          >
            {link.label}
          </EuiButtonEmpty>
        </EuiFlexItem>
      ))}
    </EuiFlexGroup>
  );
}
