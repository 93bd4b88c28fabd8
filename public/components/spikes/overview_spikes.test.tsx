// The overview with spikes: fetched once per source, range and KQL when the source shows a
// time series, marked on every time-series chart, listed under the first.
import React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { INTERNAL_API_BASE } from '../../../common/constants';
import type { OverviewResponse, StatusResponse } from '../../../common/api_types';
import { OverviewPage } from '../../pages/overview_page';
import { AppHeader } from '../app_header';
import { renderChart, setUpChartRendering } from '../../test_helpers/chart_debug_state';
import {
  fakeServices,
  memoryHistory,
  renderWithServices,
} from '../../test_helpers/render_with_services';
import { TimeseriesChart } from '../timeseries_chart';
import { MINUTE, SPIKE, spikesAnswer, T0 } from './test_fixtures';

setUpChartRendering();

const STATUS: StatusResponse = {
  version: '0.2.0',
  assets: [],
  state: 'installed',
  privileges: { cluster: [], missing: [] },
};

const series = (id: string, title: string) => ({
  id,
  title,
  kind: 'timeseries' as const,
  field: 'event.action',
  fromMs: T0,
  toMs: T0 + 240 * MINUTE,
  intervalMs: 2 * MINUTE,
  points: Array.from({ length: 120 }, (_, i) => ({
    time: T0 + i * 2 * MINUTE,
    series: 'accept',
    value: i >= 60 && i < 65 ? 340 : 40,
  })),
});

const OVERVIEW: OverviewResponse = {
  source: 'vpcflow',
  total: 6500,
  kpis: [{ id: 'flows', label: 'Flows', value: 6500, unit: 'count' }],
  panels: [
    series('flows_over_time', 'Flows over time'),
    series('bytes_over_time', 'Bytes over time'),
  ],
};

const SPIKES = spikesAnswer([SPIKE]);

function setup() {
  const services = fakeServices();
  services.http.get.mockResolvedValue(STATUS);
  services.http.post.mockImplementation(async (path: string) =>
    path.endsWith('/spikes') ? SPIKES : OVERVIEW
  );
  renderWithServices(<OverviewPage />, services, memoryHistory('/overview/vpcflow'));
  return services;
}

interface AnnotationState {
  annotations?: Array<{ id: string; data: { coordinates: { x0: number; x1: number } } }>;
}

async function annotationsOf(panelId: string) {
  const panel = await screen.findByTestId(`panel-${panelId}`);
  return waitFor(
    () => {
      const chart = panel.querySelector('[data-ech-render-complete="true"][data-ech-debug-state]');
      const state = JSON.parse(
        chart?.getAttribute('data-ech-debug-state') ?? '{}'
      ) as AnnotationState;
      if (!state.annotations?.length) throw new Error('no annotations drawn yet');
      return state.annotations;
    },
    { timeout: 5000 }
  );
}

describe('spikes on the overview', () => {
  it('asks once for the source, marks every time series, lists them under the first', async () => {
    const services = setup();
    await screen.findByTestId('spikes-list', {}, { timeout: 5000 });
    const spikeCalls = services.http.post.mock.calls.filter(([path]) =>
      String(path).endsWith('/spikes')
    );
    expect(spikeCalls).toEqual([
      [
        `${INTERNAL_API_BASE}/spikes`,
        { source: 'vpcflow', from: 'now-24h', to: 'now' },
        expect.anything(),
      ],
    ]);
    for (const panel of ['flows_over_time', 'bytes_over_time']) {
      const [annotation] = await annotationsOf(panel);
      expect(annotation.data.coordinates).toEqual({
        x0: T0 + 120 * MINUTE,
        x1: T0 + 130 * MINUTE,
      });
    }
    expect(
      within(screen.getByTestId('panel-flows_over_time')).getByTestId('spikes-list')
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('panel-bytes_over_time')).queryByTestId('spikes-list')
    ).toBeNull();

    await userEvent.click(screen.getByTestId(`spike-${SPIKES.spikes[0].start}`));
    expect(screen.getByTestId('spike-explanation')).toHaveTextContent('198.51.100.7');
  });

  it("asks again with the query bar's KQL, and not at all without a time series", async () => {
    const services = fakeServices();
    services.http.get.mockResolvedValue(STATUS);
    services.http.post.mockImplementation(async (path: string) =>
      path.endsWith('/spikes') ? SPIKES : OVERVIEW
    );
    renderWithServices(
      <>
        <AppHeader />
        <OverviewPage />
      </>,
      services,
      memoryHistory('/overview/vpcflow')
    );
    await screen.findByTestId('spikes-list', {}, { timeout: 5000 });
    await userEvent.type(screen.getByTestId('kql-input'), 'destination.port: 22{enter}');
    await waitFor(() =>
      expect(services.http.post).toHaveBeenCalledWith(
        `${INTERNAL_API_BASE}/spikes`,
        { source: 'vpcflow', from: 'now-24h', to: 'now', kql: 'destination.port: 22' },
        expect.anything()
      )
    );

    const tables = fakeServices();
    tables.http.get.mockResolvedValue(STATUS);
    tables.http.post.mockResolvedValue({ ...OVERVIEW, panels: [] });
    const { container } = renderWithServices(<OverviewPage />, tables);
    await within(container).findByTestId('kpi-vpcflow-flows');
    expect(tables.http.post.mock.calls.map(([path]) => path)).toEqual([
      `${INTERNAL_API_BASE}/overview/vpcflow`,
    ]);
  });
});

describe('TimeseriesChart annotations', () => {
  it('draws each window as a rectangle over the bars, and keeps the bars', async () => {
    const points = [
      { time: T0, series: 'accept', value: 3 },
      { time: T0 + MINUTE, series: 'accept', value: 30 },
    ];
    const { state } = await renderChart(
      <TimeseriesChart
        title="Flows"
        points={points}
        annotations={[{ id: 'a', fromMs: T0 + MINUTE, toMs: T0 + 2 * MINUTE }]}
      />
    );
    const drawn = (state as unknown as AnnotationState).annotations ?? [];
    expect(drawn.map((a) => [a.id, a.data.coordinates])).toEqual([
      ['annotation-a', { x0: T0 + MINUTE, x1: T0 + 2 * MINUTE }],
    ]);
    expect(state.bars[0].bars.map((bar) => bar.x)).toEqual([T0, T0 + MINUTE]);
  });

  it('draws none without annotations', async () => {
    const { state } = await renderChart(
      <TimeseriesChart title="Flows" points={[{ time: T0, series: 'accept', value: 3 }]} />
    );
    expect((state as unknown as AnnotationState).annotations ?? []).toEqual([]);
  });
});
