// The overview's geo panels (top source countries, top networks): a country or network narrows
// the page as any other panel element does, and an empty geo panel says why it is empty.
import React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { INTERNAL_API_BASE } from '../../common/constants';
import type { OverviewResponse, StatusResponse } from '../../common/api_types';
import type { GeoPanelFacts, OverviewPanelData } from '../../common/queries/geo';
import { AppHeader } from '../components/app_header';
import {
  fakeServices,
  memoryHistory,
  renderWithServices,
} from '../test_helpers/render_with_services';
import { OverviewPage } from './overview_page';

const STATUS: StatusResponse = {
  version: '0.2.0',
  assets: [],
  state: 'installed',
  privileges: { cluster: [], missing: [] },
};

const facts = (extra: Partial<GeoPanelFacts>): GeoPanelFacts => ({
  side: 'source',
  publicDocs: 0,
  ...extra,
});

function overview(panels: OverviewPanelData[]): OverviewResponse {
  return {
    source: 'vpcflow',
    total: 50,
    kpis: [{ id: 'flows', label: 'Flows', value: 50, unit: 'count' }],
    panels,
  };
}

function render(response: OverviewResponse, status: object = STATUS) {
  const services = fakeServices();
  services.http.get.mockResolvedValue(status);
  services.http.post.mockResolvedValue(response);
  renderWithServices(
    <>
      <AppHeader />
      <OverviewPage />
    </>,
    services,
    memoryHistory('/overview/vpcflow')
  );
  return services;
}

describe('geo panels of the overview', () => {
  it('narrows the page to a country or a network, quoted for KQL', async () => {
    const services = render(
      overview([
        {
          id: 'source_networks',
          title: 'Top source networks (ASN)',
          kind: 'table',
          field: 'source.as.organization.name',
          buckets: [{ key: 'Example Hosting "EU" Ltd', count: 12 }],
          geo: facts({ publicDocs: 30 }),
        },
      ])
    );
    const panel = await screen.findByTestId('panel-source_networks');
    expect(within(panel).getByText('Network (AS organisation)')).toBeInTheDocument();
    await userEvent.click(
      within(panel).getByRole('button', { name: 'Filter the page to Example Hosting "EU" Ltd' })
    );
    const clause = 'source.as.organization.name: "Example Hosting \\"EU\\" Ltd"';
    await waitFor(() => expect(screen.getByTestId('kql-input')).toHaveValue(clause));
    await waitFor(() =>
      expect(services.http.post).toHaveBeenLastCalledWith(
        `${INTERNAL_API_BASE}/overview/vpcflow`,
        { from: 'now-24h', to: 'now', kql: clause },
        expect.anything()
      )
    );
  });

  const EMPTY_PANELS: OverviewPanelData[] = [
    {
      id: 'source_countries',
      title: 'Top source countries',
      kind: 'bar',
      field: 'source.geo.country_name',
      buckets: [],
      geo: facts({ emptyReason: 'no_public_addresses' }),
    },
    {
      id: 'destination_networks',
      title: 'Top destination networks (ASN)',
      kind: 'table',
      field: 'destination.as.organization.name',
      buckets: [],
      geo: facts({ side: 'destination', publicDocs: 7, emptyReason: 'not_located' }),
    },
  ];

  it('says why each empty geo panel is empty', async () => {
    render(overview(EMPTY_PANELS));
    const none = await screen.findByTestId('panel-geo-empty-source_countries');
    expect(none).toHaveAttribute('data-reason', 'no_public_addresses');
    expect(none).toHaveTextContent('No public addresses.');
    expect(none).toHaveTextContent('public source address');
    // No chart/table toggle on an empty panel.
    expect(screen.queryByTestId('panel-toggle-source_countries')).toBeNull();

    const unlocated = screen.getByTestId('panel-geo-empty-destination_networks');
    expect(unlocated).toHaveAttribute('data-reason', 'not_located');
    expect(unlocated).toHaveTextContent('No located addresses.');
    expect(unlocated).toHaveTextContent('7 of these flows have a public destination address');
  });

  it('says the GeoIP databases are unavailable when setup status probed them so', async () => {
    const message =
      'Geo disabled: databases not available (GeoLite2-City.mmdb) on this cluster. Lines are still parsed.';
    render(overview(EMPTY_PANELS), { ...STATUS, geo: { state: 'disabled', message } });
    const unavailable = await screen.findByTestId('panel-geo-empty-destination_networks');
    expect(unavailable).toHaveAttribute('data-reason', 'geo_unavailable');
    expect(unavailable).toHaveTextContent('GeoIP databases unavailable.');
    expect(unavailable).toHaveTextContent(message);
    // No public addresses stays that: databases would not change it.
    expect(screen.getByTestId('panel-geo-empty-source_countries')).toHaveAttribute(
      'data-reason',
      'no_public_addresses'
    );
  });

  it('an enabled or unknown geo status leaves "not placed" as it is', async () => {
    render(overview(EMPTY_PANELS), {
      ...STATUS,
      geo: { state: 'enabled', message: 'Geo enabled.' },
    });
    expect(await screen.findByTestId('panel-geo-empty-destination_networks')).toHaveAttribute(
      'data-reason',
      'not_located'
    );
  });

  it('an empty panel without geo facts keeps the plain message', async () => {
    render(
      overview([
        {
          id: 'protocols',
          title: 'Protocols',
          kind: 'table',
          field: 'network.transport',
          buckets: [],
        },
      ])
    );
    expect(await screen.findByTestId('panel-protocols')).toHaveTextContent('No matching documents');
    expect(screen.queryByTestId('panel-geo-empty-protocols')).toBeNull();
  });
});
