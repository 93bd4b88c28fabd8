// The overview with the query bar above it, as the app lays them out: what a refused query,
// an unknown field and a filter matching nothing look like, and the view kept in the URL.
import React from 'react';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OverviewResponse, StatusResponse } from '../../common/api_types';
import { AppHeader } from '../components/app_header';
import { HttpError } from '../lib/http_error';
import { readUrlState } from '../lib/url_state';
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

const OVERVIEW: OverviewResponse = {
  source: 'vpcflow',
  total: 120,
  kpis: [{ id: 'flows', label: 'Flows', value: 120, unit: 'count' }],
  panels: [
    {
      id: 'top_rejected_ports',
      title: 'Top rejected destination ports',
      kind: 'table',
      field: 'destination.port',
      baseKql: 'event.action: "reject"',
      buckets: [{ key: '22', count: 40 }],
    },
  ],
};

function setup(path = '/overview/vpcflow') {
  const services = fakeServices();
  services.http.get.mockResolvedValue(STATUS);
  services.http.post.mockResolvedValue(OVERVIEW);
  const history = memoryHistory(path);
  renderWithServices(
    <>
      <AppHeader />
      <OverviewPage />
    </>,
    services,
    history
  );
  return { services, history };
}

async function applyKql(text: string) {
  const input = screen.getByTestId('kql-input');
  await userEvent.clear(input);
  await userEvent.type(input, `${text}{enter}`);
}

describe('the overview under the query bar', () => {
  it('keeps the last results and shows a refused query under the bar, not instead of the page', async () => {
    const { services } = setup();
    expect(await screen.findByTestId('kpi-vpcflow-flows')).toHaveAttribute('data-value', '120');
    services.http.post.mockRejectedValueOnce(
      new HttpError('destination.port holds numbers; "ssh" is not a number.', 400)
    );
    await applyKql('destination.port: ssh');
    expect(
      await screen.findByText(
        'The query could not run: destination.port holds numbers; "ssh" is not a number.'
      )
    ).toBeVisible();
    expect(screen.getByTestId('kpi-vpcflow-flows')).toHaveAttribute('data-value', '120');
    expect(screen.queryByRole('alert')).toBeNull();
    // Editing the query makes the message stale; it goes.
    await userEvent.type(screen.getByTestId('kql-input'), 'x');
    expect(screen.queryByText(/The query could not run/)).toBeNull();
  });

  it('treats other failures as the page error, with a retry', async () => {
    const { services } = setup();
    await screen.findByTestId('kpi-vpcflow-flows');
    services.http.post.mockRejectedValueOnce(new HttpError('Elasticsearch is unreachable', 502));
    await applyKql('event.action: reject');
    expect(await screen.findByRole('alert')).toHaveTextContent('Elasticsearch is unreachable');
  });

  it('warns about a field the data lacks, and says "no match" rather than "no data"', async () => {
    const { services } = setup();
    await screen.findByTestId('kpi-vpcflow-flows');
    services.http.post.mockResolvedValueOnce({
      ...OVERVIEW,
      total: 0,
      warnings: ['No sourceip field in this data: the filter on it matches nothing.'],
    });
    await applyKql('sourceip: "10.0.0.5"');
    expect(await screen.findByTestId('kql-warnings')).toHaveTextContent(
      'No sourceip field in this data'
    );
    expect(screen.getByTestId('empty-no-results')).toHaveTextContent('No flows match this query');
    expect(screen.queryByTestId('empty-no-data')).toBeNull();
    await userEvent.click(screen.getByTestId('empty-no-results-clear'));
    await waitFor(() => expect(screen.getByTestId('kql-input')).toHaveValue(''));
    expect(services.http.post).toHaveBeenLastCalledWith(
      expect.stringContaining('/overview/vpcflow'),
      { from: 'now-24h', to: 'now' },
      expect.anything()
    );
  });

  it('reads the query and time from the URL, writes changes back, and follows Back', async () => {
    const { services, history } = setup(
      "/overview/vpcflow?_g=(time:(from:now-4h,to:now))&_a=(query:(language:kuery,query:'event.action:+reject'))"
    );
    await screen.findByTestId('kpi-vpcflow-flows');
    expect(services.http.post).toHaveBeenCalledWith(
      expect.stringContaining('/overview/vpcflow'),
      { from: 'now-4h', to: 'now', kql: 'event.action: reject' },
      expect.anything()
    );
    expect(screen.getByTestId('kql-input')).toHaveValue('event.action: reject');

    await applyKql('destination.port: 22');
    await waitFor(() =>
      expect(readUrlState(history.location.search)).toEqual({
        range: { from: 'now-4h', to: 'now' },
        kql: 'destination.port: 22',
      })
    );
    // An edit replaces the entry; going to another tab keeps the state with it.
    expect(history.entries).toHaveLength(1);
    await userEvent.click(screen.getByTestId('source-tab-alb'));
    expect(history.location.pathname).toBe('/overview/alb');
    expect(readUrlState(history.location.search).kql).toBe('destination.port: 22');
    await applyKql('event.action: accept');
    await waitFor(() =>
      expect(readUrlState(history.location.search).kql).toBe('event.action: accept')
    );

    // Back: the earlier page with the query it had then.
    act(() => history.back());
    await waitFor(() =>
      expect(screen.getByTestId('kql-input')).toHaveValue('destination.port: 22')
    );
    await waitFor(() =>
      expect(services.http.post).toHaveBeenLastCalledWith(
        expect.stringContaining('/overview/vpcflow'),
        { from: 'now-4h', to: 'now', kql: 'destination.port: 22' },
        expect.anything()
      )
    );
  });

  it('drills down: a row filters the page, and its action carries the whole query', async () => {
    const { services, history } = setup();
    await screen.findByTestId('kpi-vpcflow-flows');
    await applyKql('source.ip: 10.0.0.0/8');
    await userEvent.click(await screen.findByTestId('row-filter-22'));
    await waitFor(() =>
      expect(screen.getByTestId('kql-input')).toHaveValue(
        'source.ip: 10.0.0.0/8 and destination.port: "22"'
      )
    );
    expect(services.http.post).toHaveBeenLastCalledWith(
      expect.stringContaining('/overview/vpcflow'),
      { from: 'now-24h', to: 'now', kql: 'source.ip: 10.0.0.0/8 and destination.port: "22"' },
      expect.anything()
    );
    expect(readUrlState(history.location.search).kql).toBe(
      'source.ip: 10.0.0.0/8 and destination.port: "22"'
    );
    // The selection offers the whole query: the bar's KQL, the panel's filter and the key.
    expect(
      screen.getByTestId('panel-selection-top_rejected_ports').querySelector('[data-kql]')
    ).toHaveAttribute(
      'data-kql',
      'source.ip: 10.0.0.0/8 and event.action: "reject" and destination.port: "22"'
    );
    // Filtering to the same row again adds nothing.
    await userEvent.click(screen.getByTestId('row-filter-22'));
    expect(screen.getByTestId('kql-input')).toHaveValue(
      'source.ip: 10.0.0.0/8 and destination.port: "22"'
    );
  });

  it('leaves the URL alone until the view changes', async () => {
    const { history } = setup('/overview/vpcflow');
    await screen.findByTestId('kpi-vpcflow-flows');
    expect(history.location.search).toBe('');
  });
});
