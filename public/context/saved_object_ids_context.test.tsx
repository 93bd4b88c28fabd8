import React from 'react';
import { screen, waitFor } from '@testing-library/react';
import { INTERNAL_API_BASE } from '../../common/constants';
import { DashboardLinks } from '../components/dashboard_links';
import { DiscoverLink } from '../components/discover_link';
import { fakeServices, renderWithServices } from '../test_helpers/render_with_services';
import { SavedObjectIdsProvider } from './saved_object_ids_context';

function kibanaServices(objects: { type: string; name: string; id: string }[]) {
  const services = fakeServices();
  services.http.get.mockImplementation((path: string) =>
    path === `${INTERNAL_API_BASE}/saved_objects`
      ? Promise.resolve({ objects })
      : new Promise(() => undefined)
  );
  services.navigation.dashboardUrl = (id) => `/app/dashboards#/view/${id}`;
  services.navigation.discoverUrl = (target) =>
    `/app/discover?dataView=${target.dataViewId ?? `shipped-${target.dataset}`}`;
  return services;
}

const render = (services: ReturnType<typeof kibanaServices>) =>
  renderWithServices(
    <SavedObjectIdsProvider>
      <DashboardLinks source="alb" />
      <DiscoverLink
        target={{ dataset: 'alb', kql: 'a: 1', from: 'now-1h', to: 'now' }}
        data-test-subj="discover"
      />
    </SavedObjectIdsProvider>,
    services
  );

it("links open this space's objects where Kibana gave them other ids", async () => {
  render(
    kibanaServices([
      { type: 'dashboard', name: 'netobs-alb', id: '5e1f-ops' },
      { type: 'index-pattern', name: 'netobs-alb', id: '77aa-ops' },
    ])
  );
  await waitFor(() =>
    expect(screen.getByTestId('dashboard-link-netobs-alb')).toHaveAttribute(
      'href',
      '/app/dashboards#/view/5e1f-ops'
    )
  );
  expect(screen.getByTestId('discover')).toHaveAttribute('href', '/app/discover?dataView=77aa-ops');
});

it('links keep the shipped ids where Kibana kept them', async () => {
  const services = kibanaServices([{ type: 'dashboard', name: 'netobs-alb', id: 'netobs-alb' }]);
  render(services);
  await waitFor(() => expect(services.http.get).toHaveBeenCalled());
  expect(screen.getByTestId('dashboard-link-netobs-alb')).toHaveAttribute(
    'href',
    '/app/dashboards#/view/netobs-alb'
  );
  expect(screen.getByTestId('discover')).toHaveAttribute(
    'href',
    '/app/discover?dataView=shipped-alb'
  );
});
