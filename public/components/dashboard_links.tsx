// Links from a source's overview to the dashboards setup installed for it. Shown only where
// there is a Kibana to open them in (the standalone shell has none).
import React from 'react';
import { EuiButtonEmpty, EuiFlexGroup, EuiFlexItem } from '@elastic/eui';
import type { SourceId } from '../../common/constants';
import { SOURCE_DASHBOARDS } from '../../common/constants';
import { useServices } from '../context/services_context';

export function DashboardLinks({ source }: { source: SourceId }) {
  const { navigation } = useServices();
  const links = SOURCE_DASHBOARDS[source]
    .map((dashboard) => ({ ...dashboard, href: navigation.dashboardUrl?.(dashboard.id) }))
    .filter((link): link is typeof link & { href: string } => link.href !== undefined);
  if (links.length === 0) return null;
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
