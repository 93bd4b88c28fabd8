// Setup: one asset table (each asset's state and, after an action, what the action did to it),
// one button to install or upgrade, the privileges needed, and removal.
import React, { useState } from 'react';
import {
  EuiButton,
  EuiCallOut,
  EuiFlexGroup,
  EuiFlexItem,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import { API_BASE } from '../../common/constants';
import type { SetupResponse } from '../../common/api_types';
import type { StatusWithGeo } from '../../common/geo_status';
import { AlertRulesPanel } from '../components/alert_rules_panel';
import { AssetTable } from '../components/asset_table';
import { ErrorCallout } from '../components/error_callout';
import { GeoStatusLine } from '../components/geo_status_line';
import { LoadingPanel } from '../components/loading_panel';
import { PrivilegesList } from '../components/privileges_list';
import { RemoveAssetsButton } from '../components/remove_assets_button';
import { SetupResultsSummary } from '../components/setup_results';
import { SetupSettingsPanel } from '../components/setup_settings_panel';
import { useServices } from '../context/services_context';
import { useSetupStatus } from '../hooks/use_setup_status';
import { errorMessage } from '../lib/http_error';
import { setupAction } from '../lib/setup_action';

interface Outcome {
  title: string;
  response?: SetupResponse;
  error?: string;
}

export function SetupPage() {
  const { http, notifications, canSetup = true } = useServices();
  const [statusKey, setStatusKey] = useState(0);
  const status = useSetupStatus(statusKey);
  const [running, setRunning] = useState<'install' | 'remove' | 'settings' | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const action = setupAction(status.data?.state);

  const run = async (
    kind: 'install' | 'remove' | 'settings',
    title: string,
    call: () => Promise<SetupResponse>
  ) => {
    setRunning(kind);
    setOutcome(undefined);
    try {
      const response = await call();
      setOutcome({ title, response });
      if (response.ok) notifications.success(`${title}: done`);
      else notifications.danger(`${title}: some assets failed`, 'See the results below.');
    } catch (error) {
      setOutcome({ title, error: errorMessage(error) });
      notifications.danger(`${title} failed`, errorMessage(error));
    } finally {
      setRunning(undefined);
      setStatusKey((key) => key + 1);
    }
  };

  return (
    <>
      <EuiFlexGroup justifyContent="spaceBetween" alignItems="center" wrap>
        <EuiFlexItem>
          <EuiText size="s">
            <p>
              Installs the ingest pipelines and templates that parse VPC and Transit Gateway flow
              logs, ALB and NLB access logs and ALB connection logs, and (in Kibana) data views,
              saved searches, saved queries, dashboards and alerting rules. Safe to run again:
              unchanged assets are left alone.
            </p>
          </EuiText>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiFlexGroup gutterSize="s" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiButton
                fill
                iconType="download"
                isLoading={running === 'install'}
                isDisabled={Boolean(running) || !status.data || !canSetup}
                data-test-subj="setup-install"
                onClick={() =>
                  run('install', action.label, () =>
                    http.post<SetupResponse>(`${API_BASE}/setup`, action.request)
                  )
                }
              >
                {action.label}
              </EuiButton>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <RemoveAssetsButton
                isLoading={running === 'remove'}
                disabled={Boolean(running) || status.data?.state === 'not_installed' || !canSetup}
                hasSavedObjects={Boolean(status.data?.assets.some((a) => a.id !== undefined))}
                onConfirm={({ elasticsearch }) =>
                  run('remove', 'Remove', () =>
                    http.delete<SetupResponse>(
                      `${API_BASE}/setup${elasticsearch ? '?elasticsearch=true' : ''}`
                    )
                  )
                }
              />
            </EuiFlexItem>
          </EuiFlexGroup>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      {!canSetup && (
        <>
          <EuiCallOut
            size="s"
            iconType="lock"
            title="You can see what is installed, but installing and removing needs the Network Observability feature privilege All."
            data-test-subj="setup-read-only"
          />
          <EuiSpacer size="m" />
        </>
      )}
      {outcome?.error && <ErrorCallout title={`${outcome.title} failed`} message={outcome.error} />}
      {outcome?.response && (
        <SetupResultsSummary title={outcome.title} response={outcome.response} />
      )}
      {outcome && <EuiSpacer size="m" />}
      {status.error && (
        <ErrorCallout
          title="Could not read the setup status"
          message={status.error}
          onRetry={status.reload}
        />
      )}
      {!status.data && !status.error && <LoadingPanel label="Checking installed assets…" />}
      {status.data && (
        <EuiFlexGroup gutterSize="l" alignItems="flexStart" wrap>
          <EuiFlexItem grow={3} style={{ minWidth: 400 }}>
            <EuiPanel hasBorder>
              <EuiTitle size="xs">
                <h2 data-test-subj="setup-state" data-state={status.data.state}>
                  Assets (version {status.data.version}): {status.data.state.replace('_', ' ')}
                </h2>
              </EuiTitle>
              {status.data.pipelinesOn && (
                <EuiText size="xs" color="subdued" data-test-subj="setup-pipelines-on">
                  <p>Ingest pipelines run on {status.data.pipelinesOn}.</p>
                </EuiText>
              )}
              <GeoStatusLine geo={(status.data as StatusWithGeo).geo} />
              <EuiSpacer size="s" />
              <AssetTable
                assets={status.data.assets}
                loading={status.loading}
                results={outcome?.response?.results}
                resultTitle={outcome && `${outcome.title} result`}
              />
            </EuiPanel>
            {status.data.alerting && <EuiSpacer size="m" />}
            <AlertRulesPanel alerting={status.data.alerting} />
          </EuiFlexItem>
          <EuiFlexItem grow={1} style={{ minWidth: 320 }}>
            <EuiPanel hasBorder>
              <EuiTitle size="xs">
                <h2>Privileges</h2>
              </EuiTitle>
              <EuiSpacer size="s" />
              <PrivilegesList privileges={status.data.privileges} />
            </EuiPanel>
            <EuiSpacer size="m" />
            <SetupSettingsPanel
              settings={status.data.settings}
              disabled={Boolean(running) || !canSetup}
              isLoading={running === 'settings'}
              onApply={(request) =>
                run('settings', 'Apply settings', () =>
                  http.post<SetupResponse>(`${API_BASE}/setup`, request)
                )
              }
            />
          </EuiFlexItem>
        </EuiFlexGroup>
      )}
    </>
  );
}
