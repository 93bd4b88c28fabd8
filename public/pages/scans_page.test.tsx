import React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { INTERNAL_API_BASE } from '../../common/constants';
import type { Scanner, ScansResponse } from '../../common/investigations/scans';
import { SCAN_THRESHOLDS } from '../../common/investigations/scans';
import type { ChartDebugState } from '../test_helpers/chart_debug_state';
import { setUpChartRendering } from '../test_helpers/chart_debug_state';
import {
  fakeServices,
  memoryHistory,
  renderWithServices,
} from '../test_helpers/render_with_services';
import { ScansPage } from './scans_page';

setUpChartRendering();

const MINUTE = 60_000;
const T0 = Date.UTC(2024, 2, 1, 14, 0);
const SCANNER: Scanner = {
  source: '203.0.113.66',
  kinds: ['vertical'],
  firstSeen: T0,
  lastSeen: T0 + 2 * MINUTE + 30_000,
  durationMs: 2 * MINUTE + 30_000,
  flows: 4096,
  acceptedFlows: 4,
  acceptedShare: 4 / 4096,
  peak: { flowsPerMinute: 2000, minute: T0 + MINUTE },
  ports: 1024,
  hosts: 4,
  busiestHost: { ip: '10.0.1.10', ports: 1024 },
  busiestPort: { port: 1, hosts: 4 },
  portRanges: '1-1024',
  portStep: 1,
  answered: {
    ports: 1,
    hosts: 4,
    rows: [
      {
        port: 443,
        flows: 4,
        hosts: [
          { ip: '10.0.1.10', flows: 1 },
          { ip: '10.0.1.11', flows: 1 },
        ],
        moreHosts: 2,
      },
    ],
  },
  series: [
    { time: T0, accepted: 0, rejected: 1000 },
    { time: T0 + MINUTE, accepted: 4, rejected: 1996 },
    { time: T0 + 2 * MINUTE, accepted: 0, rejected: 1096 },
  ],
  kql: 'source.ip: "203.0.113.66"',
};
const ANSWER: ScansResponse = {
  fromMs: T0 - 3600_000,
  toMs: T0 + 3600_000,
  thresholds: SCAN_THRESHOLDS,
  examined: 2,
  scanners: [SCANNER],
};

describe('ScansPage', () => {
  it('asks over the header range and shows each scanner: numbers, ranges, timeline, what answered', async () => {
    const services = fakeServices();
    services.http.post.mockResolvedValue(ANSWER);
    renderWithServices(<ScansPage />, services, memoryHistory('/scans'));
    const card = await screen.findByTestId('scanner-card');
    expect(services.http.post).toHaveBeenCalledWith(
      `${INTERNAL_API_BASE}/scans`,
      { from: 'now-24h', to: 'now' },
      expect.anything()
    );
    expect(card).toHaveAttribute('data-source', '203.0.113.66');
    expect(within(card).getByTestId('scan-kind-vertical')).toHaveTextContent(
      'many ports of one host'
    );
    expect(within(card).getByTestId('scan-flows')).toHaveTextContent('4,096');
    expect(within(card).getByTestId('scan-ports')).toHaveTextContent('1,024');
    expect(within(card).getByTestId('scan-hosts')).toHaveTextContent('4');
    expect(within(card).getByTestId('scan-peak')).toHaveTextContent('2,000 / min');
    expect(within(card).getByTestId('scan-duration')).toHaveTextContent('2 min 30 s');
    expect(within(card).getByTestId('scan-accepted')).toHaveTextContent('4 (0.1%)');
    expect(within(card).getByTestId('scan-port-ranges')).toHaveTextContent('1-1024');
    expect(within(card).getByTestId('scan-answered-443')).toHaveTextContent(
      '10.0.1.10, 10.0.1.11 and 2 more'
    );
    // No Kibana: the scanner's KQL to copy.
    expect(within(card).getByTestId('scanner-discover').getAttribute('data-kql')).toBe(SCANNER.kql);
    const chart = await waitFor(() => {
      const element = within(card)
        .getByTestId('scan-timeline')
        .querySelector('[data-ech-render-complete="true"][data-ech-debug-state]');
      if (!element) throw new Error('the timeline has not rendered');
      return element;
    });
    const state = JSON.parse(chart.getAttribute('data-ech-debug-state') ?? '{}') as ChartDebugState;
    expect(state.bars.map((series) => series.name).sort()).toEqual(['accept', 'reject']);
  });

  it('opens Discover on the scanner and its own window when there is a Kibana', async () => {
    const openDiscover = jest.fn();
    const services = fakeServices({
      navigation: { discoverUrl: () => 'http://kibana/app/discover', openDiscover },
    });
    services.http.post.mockResolvedValue(ANSWER);
    renderWithServices(<ScansPage />, services, memoryHistory('/scans'));
    await userEvent.click(await screen.findByText('Open in Discover'));
    expect(openDiscover).toHaveBeenCalledWith({
      dataset: 'vpcflow',
      kql: SCANNER.kql,
      from: new Date(T0).toISOString(),
      to: new Date(T0 + 3 * MINUTE).toISOString(),
    });
  });

  it('reads the source from the URL, checks the form, and writes a valid source beside _g', async () => {
    const services = fakeServices();
    services.http.post.mockResolvedValue({ ...ANSWER, scanners: [] });
    const history = memoryHistory('/scans?_g=(time:(from:now-4h,to:now))&source=198.51.100.7');
    renderWithServices(<ScansPage />, services, history);
    expect(await screen.findByTestId('scans-none')).toHaveTextContent(
      '198.51.100.7 did not scan in this range'
    );
    expect(services.http.post).toHaveBeenLastCalledWith(
      `${INTERNAL_API_BASE}/scans`,
      { from: 'now-4h', to: 'now', source: '198.51.100.7' },
      expect.anything()
    );
    expect(screen.getByTestId('scan-source')).toHaveValue('198.51.100.7');

    await userEvent.clear(screen.getByTestId('scan-source'));
    await userEvent.type(screen.getByTestId('scan-source'), 'scanner-1');
    await userEvent.click(screen.getByTestId('scan-source-submit'));
    expect(await screen.findByText(/expected an IPv4 or IPv6 address/)).toBeInTheDocument();
    expect(services.http.post).toHaveBeenCalledTimes(1);

    await userEvent.clear(screen.getByTestId('scan-source'));
    await userEvent.type(screen.getByTestId('scan-source'), '203.0.113.0/24');
    await userEvent.click(screen.getByTestId('scan-source-submit'));
    await waitFor(() =>
      expect(history.location.search).toBe(
        '?_g=(time:(from:now-4h,to:now))&source=203.0.113.0%2F24'
      )
    );
    await waitFor(() =>
      expect(services.http.post).toHaveBeenLastCalledWith(
        `${INTERNAL_API_BASE}/scans`,
        { from: 'now-4h', to: 'now', source: '203.0.113.0/24' },
        expect.anything()
      )
    );

    await userEvent.click(screen.getByTestId('scan-source-clear'));
    await waitFor(() => expect(history.location.search).toBe('?_g=(time:(from:now-4h,to:now))'));
  });

  it('does not send a bad source a hand-edited URL carries; says why in the form', async () => {
    const services = fakeServices();
    services.http.post.mockResolvedValue(ANSWER);
    renderWithServices(<ScansPage />, services, memoryHistory('/scans?source=web-1'));
    await screen.findByTestId('scanner-card');
    expect(screen.getByText(/expected an IPv4 or IPv6 address.*"web-1"/)).toBeInTheDocument();
    expect(services.http.post).toHaveBeenCalledWith(
      `${INTERNAL_API_BASE}/scans`,
      { from: 'now-24h', to: 'now' },
      expect.anything()
    );
  });

  it("shows the server's refusal as an error", async () => {
    const services = fakeServices();
    services.http.post.mockRejectedValue(
      new Error('[from]: the range spans 30 days; scans are searched over at most 7 days')
    );
    renderWithServices(<ScansPage />, services, memoryHistory('/scans'));
    expect(await screen.findByText(/at most 7 days/)).toBeInTheDocument();
  });
});

describe('AnsweredTable', () => {
  it('says when nothing answered', async () => {
    const services = fakeServices();
    const silent = { ...SCANNER, answered: { ports: 0, hosts: 0, rows: [] }, acceptedFlows: 0 };
    services.http.post.mockResolvedValue({ ...ANSWER, scanners: [silent] });
    renderWithServices(<ScansPage />, services, memoryHistory('/scans'));
    expect(await screen.findByTestId('scan-answered-none')).toHaveTextContent(
      'every probe was rejected'
    );
  });
});
