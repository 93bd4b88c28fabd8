// Setup's view of the detection rules in Kibana alerting (one per catalog entry, in this space):
// their state and whether they run, or why this Kibana cannot hold them. Nothing outside Kibana
// (the standalone app has no alerting; status then carries no `alerting`).
import React from 'react';
import { EuiBasicTable, EuiCallOut, EuiPanel, EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import type { EuiBasicTableColumn } from '@elastic/eui';
import type { AlertingStatus, AlertRuleStatusEntry } from '../../common/api_types';
import { DETECTION_CATALOG } from '../../common/detections';
import { AssetStateBadge } from './asset_state_badge';

const TITLES = new Map(DETECTION_CATALOG.map((rule) => [rule.id as string, rule.title]));

const COLUMNS: Array<EuiBasicTableColumn<AlertRuleStatusEntry>> = [
  {
    field: 'name',
    name: 'Detection',
    render: (name: string) => TITLES.get(name) ?? name,
  },
  {
    field: 'state',
    name: 'State',
    render: (state: AlertRuleStatusEntry['state']) => <AssetStateBadge state={state} />,
  },
  {
    field: 'enabled',
    name: 'Runs',
    render: (enabled: boolean | undefined) =>
      enabled === undefined ? '—' : enabled ? 'enabled' : 'disabled',
  },
  { field: 'reason', name: 'Note', render: (reason: string | undefined) => reason ?? '' },
];

export function AlertRulesPanel({ alerting }: { alerting?: AlertingStatus }) {
  if (!alerting) return null;
  return (
    <EuiPanel hasBorder data-test-subj="alert-rules">
      <EuiTitle size="xs">
        <h2>Alert rules</h2>
      </EuiTitle>
      <EuiSpacer size="s" />
      {alerting.available ? (
        <>
          <EuiText size="xs" color="subdued">
            <p>
              One rule per detection in this space
              {alerting.mode ? `, set up ${alerting.mode}` : ''}. Attach connectors and change
              schedules in Stack Management → Rules; upgrades keep your changes.
            </p>
          </EuiText>
          <EuiBasicTable
            tableCaption="Detection alert rules"
            items={alerting.rules}
            columns={COLUMNS}
            rowProps={(rule: AlertRuleStatusEntry) => ({
              'data-test-subj': `alert-rule-${rule.name}`,
            })}
            noItemsMessage="No alert rules in this space: run setup to create them."
          />
        </>
      ) : (
        <EuiCallOut
          size="s"
          color="warning"
          iconType="warning"
          title="Kibana alerting is unavailable"
          data-test-subj="alerting-unavailable"
        >
          <p>
            {alerting.reason ?? 'This Kibana has no alerting plugin.'} The detections still run on
            the Detections page and with <code>netobs detect</code>.
          </p>
        </EuiCallOut>
      )}
    </EuiPanel>
  );
}
