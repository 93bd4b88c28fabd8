import React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EuiProvider } from '@elastic/eui';
import { INTERNAL_API_BASE } from '../common/constants';
import type { FreshnessEntry, QueryCountRequest } from '../common/api_types';
import { QUERY_CATALOG } from '../common/queries';
import { App } from './app';
import { ES_URL_PLACEHOLDER } from './lib/deploy_snippets';
import { fakeServices, memoryHistory } from './test_helpers/render_with_services';

const FRESHNESS: FreshnessEntry[] = [
  {
    source: 'alb',
    lastEvent: new Date(Date.now() - 120_000).toISOString(),
    eventsPerMinute: 12.5,
    parseErrors: 3,
    total: 1000,
    parseErrorRate: 0.003,
  },
];

function services() {
  const s = fakeServices({ esUrl: 'http://127.0.0.1:9200' });
  s.http.get.mockImplementation(async (path: string) =>
    path.endsWith('/freshness') ? { sources: FRESHNESS } : new Promise(() => undefined)
  );
  s.http.post.mockImplementation(async (_path: string, body: QueryCountRequest) => ({
    id: body.id,
    kql: '',
    count: 7,
  }));
  return s;
}

function renderApp(pathname: string) {
  const history = memoryHistory(pathname);
  const onRouteChange = jest.fn();
  const appServices = services();
  render(
    <EuiProvider colorMode="light">
      <App services={appServices} history={history} onRouteChange={onRouteChange} />
    </EuiProvider>
  );
  return { history, onRouteChange, appServices };
}

describe('App', () => {
  it('routes between pages with the tabs and reports the route', async () => {
    const { history, onRouteChange } = renderApp('/sources');
    expect(await screen.findByTestId('freshness-alb')).toHaveTextContent('2 minutes ago');
    // The shell's Elasticsearch is on loopback, which a Lambda cannot reach: a placeholder.
    expect(screen.getByTestId('deploy-sam')).toHaveTextContent(`EsUrl=${ES_URL_PLACEHOLDER}`);
    expect(onRouteChange).toHaveBeenLastCalledWith({ page: 'sources', source: 'vpcflow' });

    await userEvent.click(screen.getByTestId('page-tab-setup'));
    expect(history.pushed).toEqual(['/setup']);
    expect(screen.getByTestId('page-setup')).toBeInTheDocument();
    // Setup ignores time and KQL, so the bar is not shown there.
    expect(screen.queryByTestId('kql-input')).not.toBeInTheDocument();
  });

  it('lists the whole catalog on the Queries page, filtered by the search', async () => {
    const { appServices } = renderApp('/queries');
    for (const query of QUERY_CATALOG) {
      expect(screen.getByTestId(`query-${query.id}`)).toBeInTheDocument();
    }
    await waitFor(() =>
      expect(screen.getByTestId(`query-count-${QUERY_CATALOG[0].id}`)).toHaveAttribute(
        'data-count',
        '7'
      )
    );
    expect(appServices.http.post).toHaveBeenCalledWith(
      `${INTERNAL_API_BASE}/query_count`,
      expect.objectContaining({ id: QUERY_CATALOG[0].id, from: 'now-24h', to: 'now' }),
      expect.anything()
    );
    // One change event, not per-keystroke typing: 34 EUI cards re-render slowly under jsdom.
    fireEvent.change(screen.getByTestId('query-search'), { target: { value: 'ssh' } });
    const cards = screen.getAllByTestId(/^query-vpc-ssh/);
    expect(within(cards[0]).getByText('SSH or RDP accepted from the internet')).toBeInTheDocument();
    expect(screen.queryByTestId('query-vpc-top-talkers')).not.toBeInTheDocument();
  }, 20_000);
});
