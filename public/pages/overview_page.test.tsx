import React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { INTERNAL_API_BASE } from '../../common/constants';
import type { OverviewResponse, StatusResponse } from '../../common/api_types';
import {
  fakeServices,
  memoryHistory,
  renderWithServices,
} from '../test_helpers/render_with_services';
import { STANDALONE_NOTE_KEY } from '../components/dashboard_links';
import { OverviewPage } from './overview_page';

function status(state: StatusResponse['state']): StatusResponse {
  return { version: '0.2.0', assets: [], state, privileges: { cluster: [], missing: [] } };
}

const OVERVIEW: OverviewResponse = {
  source: 'vpcflow',
  total: 120,
  kpis: [
    { id: 'flows', label: 'Flows', value: 120, unit: 'count' },
    { id: 'bytes', label: 'Bytes', value: 3 * 1024 * 1024, unit: 'bytes' },
  ],
  panels: [
    {
      id: 'protocols',
      title: 'Protocols',
      kind: 'table',
      field: 'network.transport',
      buckets: [{ key: 'tcp', count: 100 }],
    },
    {
      id: 'direction',
      title: 'Traffic direction',
      kind: 'table',
      field: 'network.direction',
      buckets: [],
    },
  ],
};

describe('OverviewPage', () => {
  it('asks to install the assets when setup has not run', async () => {
    const services = fakeServices();
    services.http.get.mockResolvedValue(status('not_installed'));
    const history = memoryHistory('/overview');
    renderWithServices(<OverviewPage />, services, history);
    expect(await screen.findByTestId('empty-setup')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Install assets' }));
    expect(history.pushed).toEqual(['/setup']);
    expect(services.http.post).not.toHaveBeenCalled();
  });

  it('explains how to ship data when the source has none in the range', async () => {
    const services = fakeServices();
    services.http.get.mockResolvedValue(status('installed'));
    services.http.post.mockResolvedValue({ ...OVERVIEW, total: 0, panels: [] });
    renderWithServices(<OverviewPage />, services);
    const prompt = await screen.findByTestId('empty-no-data');
    expect(prompt).toHaveTextContent('netobs ship');
  });

  it('shows KPIs and panels, with a Discover KQL per table row', async () => {
    const services = fakeServices();
    services.http.get.mockResolvedValue(status('installed'));
    services.http.post.mockResolvedValue(OVERVIEW);
    renderWithServices(<OverviewPage />, services, memoryHistory('/overview/vpcflow'));

    expect(await screen.findByTestId('kpi-vpcflow-flows')).toHaveAttribute('data-value', '120');
    expect(screen.getByTestId('kpi-vpcflow-bytes')).toHaveTextContent('3.1 MB');
    expect(services.http.post).toHaveBeenCalledWith(
      `${INTERNAL_API_BASE}/overview/vpcflow`,
      { from: 'now-24h', to: 'now' },
      expect.anything()
    );
    const row = within(screen.getByTestId('panel-protocols')).getByTestId('row-tcp');
    // No Kibana in this test: the row shows the KQL that Discover would get.
    expect(
      within(row).getByRole('button', { name: 'Copy KQL' }).closest('[data-kql]')
    ).toHaveAttribute('data-kql', 'network.transport: "tcp"');
    expect(screen.getByTestId('panel-direction')).toHaveTextContent('No matching documents');
  });

  it('shows the error when the overview fails', async () => {
    const services = fakeServices();
    services.http.get.mockResolvedValue(status('installed'));
    services.http.post.mockRejectedValue(new Error('Elasticsearch is unreachable'));
    renderWithServices(<OverviewPage />, services);
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Elasticsearch is unreachable')
    );
  });

  it('switches source with the tabs', async () => {
    const services = fakeServices();
    services.http.get.mockResolvedValue(status('installed'));
    services.http.post.mockResolvedValue(OVERVIEW);
    const history = memoryHistory('/overview/vpcflow');
    renderWithServices(<OverviewPage />, services, history);
    await userEvent.click(await screen.findByTestId('source-tab-alb'));
    expect(history.pushed).toEqual(['/overview/alb']);
    await waitFor(() =>
      expect(services.http.post).toHaveBeenLastCalledWith(
        `${INTERNAL_API_BASE}/overview/alb`,
        expect.anything(),
        expect.anything()
      )
    );
  });

  it('links the source to its installed dashboards where there is a Kibana; without one, says so once', async () => {
    const services = fakeServices({
      navigation: {
        discoverUrl: () => undefined,
        openDiscover: jest.fn(),
        dashboardUrl: (id) => `/app/dashboards#/view/${id}`,
      },
    });
    services.http.get.mockResolvedValue(status('installed'));
    services.http.post.mockResolvedValue(OVERVIEW);
    renderWithServices(<OverviewPage />, services, memoryHistory('/overview/vpcflow'));
    expect(await screen.findByTestId('dashboard-link-netobs-vpc-security')).toHaveAttribute(
      'href',
      '/app/dashboards#/view/netobs-vpc-security'
    );
    expect(screen.getByTestId('dashboard-link-netobs-vpc-traffic')).toHaveTextContent(
      'VPC traffic dashboard'
    );

    const standalone = fakeServices();
    standalone.http.get.mockResolvedValue(status('installed'));
    standalone.http.post.mockResolvedValue(OVERVIEW);
    const { container } = renderWithServices(<OverviewPage />, standalone);
    await within(container).findByTestId('kpi-vpcflow-flows');
    expect(within(container).queryByTestId('dashboard-link-netobs-vpc-traffic')).toBeNull();
    const note = within(container).getByTestId('standalone-note');
    expect(note).toHaveTextContent('not available here');
    await userEvent.click(within(note).getByRole('button', { name: /dismiss/i }));
    expect(within(container).queryByTestId('standalone-note')).toBeNull();
    expect(window.localStorage.getItem(STANDALONE_NOTE_KEY)).toBe('true');
    window.localStorage.removeItem(STANDALONE_NOTE_KEY);
  });

  it('says when the cluster cannot run the pipelines at all, instead of asking to reinstall', async () => {
    const services = fakeServices();
    services.http.get.mockResolvedValue({
      ...status('partial'),
      missingProcessors: ['dissect', 'script'],
    });
    services.http.post.mockResolvedValue(OVERVIEW);
    renderWithServices(<OverviewPage />, services);
    const callout = await screen.findByTestId('setup-status-callout');
    expect(callout).toHaveTextContent('cannot run the parsing pipelines');
    expect(callout).toHaveTextContent('dissect, script');
    expect(within(callout).queryByRole('button')).toBeNull();

    const plain = fakeServices();
    plain.http.get.mockResolvedValue(status('partial'));
    plain.http.post.mockResolvedValue(OVERVIEW);
    const { container } = renderWithServices(<OverviewPage />, plain);
    expect(await within(container).findByTestId('setup-status-callout')).toHaveTextContent(
      'Some assets are missing or changed'
    );
  });
});
