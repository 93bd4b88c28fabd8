import React from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { API_BASE } from '../../common/constants';
import type { StatusResponse } from '../../common/api_types';
import { HttpError } from '../lib/http_error';
import { fakeServices, renderWithServices } from '../test_helpers/render_with_services';
import { SetupPage } from './setup_page';

const NOT_INSTALLED: StatusResponse = {
  version: '0.2.0',
  state: 'not_installed',
  assets: [
    { type: 'ingest_pipeline', name: 'netobs-router', state: 'missing' },
    { type: 'index_template', name: 'logs-netobs.vpcflow', state: 'missing' },
  ],
  privileges: {
    cluster: ['manage_index_templates', 'manage_ingest_pipelines'],
    missing: ['manage_ingest_pipelines'],
  },
};

describe('SetupPage', () => {
  it('lists assets and privileges, installs, and shows per-asset results', async () => {
    const services = fakeServices();
    services.http.get.mockResolvedValue(NOT_INSTALLED);
    services.http.post.mockResolvedValue({
      ok: false,
      results: [
        {
          type: 'ingest_pipeline',
          name: 'netobs-router',
          action: 'failed',
          missingPrivileges: ['manage_ingest_pipelines'],
          error: 'unauthorized',
        },
        { type: 'index_template', name: 'logs-netobs.vpcflow', action: 'installed' },
      ],
    });
    renderWithServices(<SetupPage />, services);

    expect(await screen.findByTestId('asset-ingest_pipeline-netobs-router')).toHaveAttribute(
      'data-state',
      'missing'
    );
    expect(screen.getByTestId('privilege-manage_ingest_pipelines')).toHaveTextContent('missing');
    expect(screen.getByTestId('privilege-manage_index_templates')).toHaveTextContent('granted');

    const install = screen.getByTestId('setup-install');
    expect(install).toHaveTextContent('Install');
    await userEvent.click(install);
    expect(services.http.post).toHaveBeenCalledWith(`${API_BASE}/setup`, {});
    expect(await screen.findByTestId('setup-result-ingest_pipeline-netobs-router')).toHaveAttribute(
      'data-action',
      'failed'
    );
    expect(services.notifications.danger).toHaveBeenCalled();
    // The status is read again after setup.
    await waitFor(() => expect(services.http.get).toHaveBeenCalledTimes(2));
    // One table: each asset's row holds both its state and what setup did to it.
    expect(screen.getAllByRole('table')).toHaveLength(1);
    const row = screen.getByTestId('asset-ingest_pipeline-netobs-router');
    expect(row).toHaveAttribute('data-state', 'missing');
    expect(row).toHaveAttribute('data-action', 'failed');
    expect(row).toHaveTextContent('unauthorized');
    expect(screen.getByTestId('setup-results')).toHaveTextContent('1 of 2 assets failed');
  });

  it('on the local stack, says the pipelines run on the ingest engine and reports no failure', async () => {
    const services = fakeServices();
    const installed: StatusResponse = {
      ...NOT_INSTALLED,
      state: 'installed',
      pipelinesOn: 'the local ingest engine',
      assets: [
        {
          type: 'ingest_pipeline',
          name: 'netobs-router',
          state: 'installed',
          reason: 'runs on the local ingest engine',
        },
        {
          type: 'index_template',
          name: 'logs-netobs.vpcflow',
          state: 'installed',
          installedVersion: '0.2.0',
        },
      ],
      privileges: { ...NOT_INSTALLED.privileges, missing: [] },
    };
    services.http.get.mockResolvedValue(installed);
    services.http.post.mockResolvedValue({
      ok: true,
      results: [
        {
          type: 'ingest_pipeline',
          name: 'netobs-router',
          action: 'installed',
          note: 'on the local ingest engine',
        },
        { type: 'index_template', name: 'logs-netobs.vpcflow', action: 'updated' },
      ],
    });
    renderWithServices(<SetupPage />, services);
    expect(await screen.findByTestId('setup-pipelines-on')).toHaveTextContent(
      'Ingest pipelines run on the local ingest engine.'
    );
    await userEvent.click(screen.getByTestId('setup-install'));
    expect(await screen.findByTestId('setup-results')).toHaveTextContent(
      'Reinstall: done (1 installed, 1 updated)'
    );
    expect(services.notifications.danger).not.toHaveBeenCalled();
    expect(services.notifications.success).toHaveBeenCalledWith('Reinstall: done');
    expect(screen.getByTestId('setup-result-ingest_pipeline-netobs-router')).toHaveTextContent(
      'on the local ingest engine'
    );
    expect(screen.queryByTestId('privileges-missing-hint')).not.toBeInTheDocument();
  });

  it('shows each privilege with its state, a missing one marked and explained', async () => {
    const services = fakeServices();
    services.http.get.mockResolvedValue(NOT_INSTALLED);
    renderWithServices(<SetupPage />, services);
    const missing = await screen.findByTestId('privilege-manage_ingest_pipelines');
    expect(missing).toHaveAttribute('data-granted', 'false');
    expect(screen.getByTestId('privilege-manage_ingest_pipelines-state')).toHaveTextContent(
      'missing'
    );
    expect(screen.getByTestId('privilege-manage_index_templates-state')).toHaveTextContent(
      'granted'
    );
    expect(screen.getByTestId('privileges-missing-hint')).toHaveTextContent(
      'Missing: manage_ingest_pipelines. Ask an administrator to grant it'
    );
  });

  it('shows the server message when setup is refused', async () => {
    const services = fakeServices();
    services.http.get.mockResolvedValue(NOT_INSTALLED);
    services.http.post.mockRejectedValue(
      new HttpError('Missing privilege manage_ingest_pipelines; ask an administrator', 403)
    );
    renderWithServices(<SetupPage />, services);
    await userEvent.click(await screen.findByTestId('setup-install'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Missing privilege manage_ingest_pipelines'
    );
  });

  it('removes assets only after confirmation', async () => {
    const services = fakeServices();
    services.http.get.mockResolvedValue({ ...NOT_INSTALLED, state: 'installed' });
    services.http.delete.mockResolvedValue({ ok: true, results: [] });
    renderWithServices(<SetupPage />, services);
    await waitFor(() => expect(screen.getByTestId('setup-install')).toHaveTextContent('Reinstall'));
    await userEvent.click(screen.getByTestId('setup-remove'));
    expect(services.http.delete).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId('confirmModalConfirmButton'));
    // No saved objects here (the standalone shell): the Elasticsearch assets are what goes.
    expect(services.http.delete).toHaveBeenCalledWith(`${API_BASE}/setup?elasticsearch=true`);
  });

  it('a user without the All privilege sees the state but cannot install or remove', async () => {
    const services = fakeServices({ canSetup: false });
    services.http.get.mockResolvedValue({ ...NOT_INSTALLED, state: 'installed' });
    renderWithServices(<SetupPage />, services);
    await waitFor(() => expect(screen.getByTestId('setup-install')).toHaveTextContent('Reinstall'));
    expect(screen.getByTestId('setup-install')).toBeDisabled();
    expect(screen.getByTestId('setup-remove')).toBeDisabled();
    expect(screen.getByTestId('setup-read-only')).toHaveTextContent('feature privilege All');
  });

  it("in Kibana, removes this space's saved objects and keeps the shared pipelines unless asked", async () => {
    const services = fakeServices();
    services.http.get.mockResolvedValue({
      ...NOT_INSTALLED,
      state: 'installed',
      assets: [{ type: 'dashboard', name: 'netobs-alb', id: 'netobs-alb', state: 'installed' }],
    });
    services.http.delete.mockResolvedValue({ ok: true, results: [] });
    renderWithServices(<SetupPage />, services);
    await waitFor(() => expect(screen.getByTestId('setup-install')).toHaveTextContent('Reinstall'));
    await userEvent.click(screen.getByTestId('setup-remove'));
    expect(screen.getByTestId('setup-remove-elasticsearch')).not.toBeChecked();
    await userEvent.click(screen.getByTestId('confirmModalConfirmButton'));
    expect(services.http.delete).toHaveBeenLastCalledWith(`${API_BASE}/setup`);
    await userEvent.click(screen.getByTestId('setup-remove'));
    await userEvent.click(screen.getByTestId('setup-remove-elasticsearch'));
    await userEvent.click(screen.getByTestId('confirmModalConfirmButton'));
    expect(services.http.delete).toHaveBeenLastCalledWith(`${API_BASE}/setup?elasticsearch=true`);
  });

  it("shows why an asset's state could not be read", async () => {
    const services = fakeServices();
    services.http.get.mockResolvedValue({
      ...NOT_INSTALLED,
      state: 'partial',
      assets: [
        {
          type: 'ingest_pipeline',
          name: 'netobs-router',
          state: 'unreadable',
          reason: 'action [cluster:admin/ingest/pipeline/get] is unauthorized for user [u]',
        },
      ],
    });
    renderWithServices(<SetupPage />, services);
    const row = await screen.findByTestId('asset-ingest_pipeline-netobs-router');
    expect(row).toHaveAttribute('data-state', 'unreadable');
    expect(row).toHaveTextContent('is unauthorized for user [u]');
  });

  it('shows the detection alert rules in Kibana, or why alerting is unavailable, and nothing standalone', async () => {
    const withRules = fakeServices();
    withRules.http.get.mockResolvedValue({
      ...NOT_INSTALLED,
      alerting: {
        available: true,
        mode: 'disabled',
        rules: [
          { name: 'port_scan', id: 'r1', state: 'installed', enabled: false },
          { name: 'bruteforce', state: 'missing' },
        ],
      },
    });
    const { unmount } = renderWithServices(<SetupPage />, withRules);
    expect(await screen.findByTestId('alert-rule-port_scan')).toHaveTextContent('Port scan');
    expect(screen.getByTestId('alert-rule-port_scan')).toHaveTextContent('disabled');
    expect(screen.getByTestId('alert-rule-bruteforce')).toHaveTextContent('missing');
    unmount();

    const unavailable = fakeServices();
    unavailable.http.get.mockResolvedValue({
      ...NOT_INSTALLED,
      alerting: {
        available: false,
        reason: 'No xpack.encryptedSavedObjects.encryptionKey is set.',
        rules: [],
      },
    });
    const second = renderWithServices(<SetupPage />, unavailable);
    expect(await screen.findByTestId('alerting-unavailable')).toHaveTextContent(
      'No xpack.encryptedSavedObjects.encryptionKey is set.'
    );
    second.unmount();

    const standalone = fakeServices();
    standalone.http.get.mockResolvedValue(NOT_INSTALLED);
    renderWithServices(<SetupPage />, standalone);
    await screen.findByTestId('asset-ingest_pipeline-netobs-router');
    expect(screen.queryByTestId('alert-rules')).toBeNull();
  });

  describe('settings', () => {
    const V5 =
      'version vpc-id subnet-id instance-id interface-id account-id type srcaddr dstaddr srcport dstport pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags log-status';
    const INSTALLED: StatusResponse = {
      ...NOT_INSTALLED,
      state: 'installed',
      privileges: { ...NOT_INSTALLED.privileges, missing: [] },
      settings: { retention: '90d', keepOriginal: false, flowLogFormats: { '/aws/vpc/prod': V5 } },
    };

    async function renderInstalled() {
      const services = fakeServices();
      services.http.get.mockResolvedValue(INSTALLED);
      services.http.post.mockResolvedValue({ ok: true, results: [] });
      renderWithServices(<SetupPage />, services);
      await screen.findByTestId('setup-settings');
      return services;
    }

    it('shows what is installed and applies only what changed, refusing what the server would', async () => {
      const services = await renderInstalled();
      const retention = screen.getByTestId('setup-settings-retention');
      const apply = screen.getByTestId('setup-settings-apply');
      expect(retention).toHaveValue('90d');
      expect(screen.getByTestId('setup-settings-keep-original')).toHaveAttribute(
        'aria-checked',
        'false'
      );
      expect(screen.getByTestId('setup-settings-format-group')).toHaveValue('/aws/vpc/prod');
      expect(screen.getByTestId('setup-settings-format-fields')).toHaveValue(V5);
      expect(apply).toBeDisabled();

      await userEvent.clear(retention);
      await userEvent.type(retention, '12h');
      expect(screen.getByTestId('setup-settings')).toHaveTextContent('Must be at least 24h (1d)');
      expect(apply).toBeDisabled();
      await userEvent.clear(retention);
      await userEvent.type(retention, '60d');
      await userEvent.click(screen.getByTestId('setup-settings-keep-original'));
      expect(apply).toBeEnabled();
      await userEvent.click(apply);
      expect(services.http.post).toHaveBeenCalledWith(`${API_BASE}/setup`, {
        retention: '60d',
        keepOriginal: true,
      });
    });

    it("adds, checks and removes log groups' formats", async () => {
      const services = await renderInstalled();
      await userEvent.click(screen.getByTestId('setup-settings-format-add'));
      const groups = screen.getAllByTestId('setup-settings-format-group');
      const fields = screen.getAllByTestId('setup-settings-format-fields');
      await userEvent.type(groups[1], 'tgw flows!');
      await userEvent.type(fields[1], 'version srcadr');
      const panel = screen.getByTestId('setup-settings');
      expect(panel).toHaveTextContent('"tgw flows!" is not a CloudWatch log group name');
      expect(panel).toHaveTextContent('Unknown flow-log field "srcadr"');
      expect(screen.getByTestId('setup-settings-apply')).toBeDisabled();

      await userEvent.clear(groups[1]);
      await userEvent.type(groups[1], '/aws/tgw/flows');
      await userEvent.clear(fields[1]);
      await userEvent.type(fields[1], 'version  resource-type tgw-id srcaddr dstaddr');
      // The first group's format goes: the request holds the whole new list.
      await userEvent.click(screen.getAllByTestId('setup-settings-format-remove')[0]);
      await userEvent.click(screen.getByTestId('setup-settings-apply'));
      expect(services.http.post).toHaveBeenCalledWith(`${API_BASE}/setup`, {
        flowLogFormats: { '/aws/tgw/flows': 'version resource-type tgw-id srcaddr dstaddr' },
      });
    });
  });
});
