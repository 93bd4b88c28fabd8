import React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { INTERNAL_API_BASE } from '../../common/constants';
import type { ConnectionResponse } from '../../common/investigations/connection';
import { BucketsTable } from '../components/buckets_table';
import type { ChartDebugState } from '../test_helpers/chart_debug_state';
import { setUpChartRendering } from '../test_helpers/chart_debug_state';
import {
  fakeServices,
  memoryHistory,
  renderWithServices,
} from '../test_helpers/render_with_services';
import { TroubleshootPage } from './troubleshoot_page';

setUpChartRendering();

const T0 = Date.UTC(2024, 2, 1, 14, 0);
const ANSWER: ConnectionResponse = {
  request: { a: '10.0.2.21', b: '10.0.3.7', port: 6379, from: 'now-24h', to: 'now' },
  verdict: {
    code: 'reply_rejected',
    title: 'Replies from 10.0.3.7:6379 to 10.0.2.21 are rejected',
    explanation: 'Replies die at eni-0cache. Network ACLs are stateless…',
    interfaces: ['eni-0cache'],
  },
  evidence: [
    {
      direction: 'request',
      source: 'vpcflow',
      interface: 'eni-0app',
      accepted: 12,
      rejected: 0,
      seen: 0,
      packets: 36,
      bytes: 2160,
      packetsLost: 0,
      firstSeen: '2024-03-01T14:00:00.000Z',
      lastSeen: '2024-03-01T14:22:00.000Z',
    },
    {
      direction: 'reply',
      source: 'vpcflow',
      interface: 'eni-0cache',
      accepted: 0,
      rejected: 12,
      seen: 0,
      packets: 24,
      bytes: 1440,
      packetsLost: 0,
      firstSeen: '2024-03-01T14:00:00.000Z',
      lastSeen: '2024-03-01T14:22:00.000Z',
    },
  ],
  timeline: {
    fromMs: T0,
    toMs: T0 + 3600_000,
    intervalMs: 60_000,
    request: [{ time: T0, series: 'accept', value: 1 }],
    reply: [{ time: T0, series: 'reject', value: 1 }],
  },
  kql: '(source.ip: "10.0.2.21" and destination.ip: "10.0.3.7" and destination.port: 6379) or (…)',
};

describe('TroubleshootPage', () => {
  it('diagnoses the pair in the URL over the header range and shows verdict, evidence and KQL', async () => {
    const services = fakeServices();
    services.http.post.mockResolvedValue(ANSWER);
    renderWithServices(
      <TroubleshootPage />,
      services,
      memoryHistory('/troubleshoot?a=10.0.2.21&b=10.0.3.7&port=6379')
    );
    const verdict = await screen.findByTestId('connection-verdict');
    expect(verdict).toHaveAttribute('data-code', 'reply_rejected');
    expect(verdict).toHaveTextContent('Replies from 10.0.3.7:6379 to 10.0.2.21 are rejected');
    expect(services.http.post).toHaveBeenCalledWith(
      `${INTERNAL_API_BASE}/connection`,
      { a: '10.0.2.21', b: '10.0.3.7', port: 6379, from: 'now-24h', to: 'now' },
      expect.anything()
    );
    const reply = screen.getByTestId('evidence-reply-eni-0cache');
    expect(reply).toHaveAttribute('data-rejected', '12');
    expect(within(reply).getByText('1.4 KB')).toBeInTheDocument();
    expect(screen.getByTestId('evidence-request-eni-0app')).toHaveAttribute('data-accepted', '12');
    // No Kibana: the KQL to copy.
    expect(within(verdict).getByTestId('connection-discover').getAttribute('data-kql')).toBe(
      ANSWER.kql
    );
    expect(screen.getByTestId('connection-a')).toHaveValue('10.0.2.21');
    // The replies' timeline draws the rejected bucket.
    const chart = await waitFor(() => {
      const element = screen
        .getByTestId('connection-timeline-reply')
        .querySelector('[data-ech-render-complete="true"][data-ech-debug-state]');
      if (!element) throw new Error('the reply timeline has not rendered');
      return element;
    });
    const state = JSON.parse(chart.getAttribute('data-ech-debug-state') ?? '{}') as ChartDebugState;
    expect(state.bars.map((series) => series.name)).toEqual(['reject']);
  });

  it('checks the form before any request and writes a valid one to the URL', async () => {
    const services = fakeServices();
    services.http.post.mockResolvedValue(ANSWER);
    const history = memoryHistory('/troubleshoot?_g=(time:(from:now-4h,to:now))&a=10.0.2.21');
    renderWithServices(<TroubleshootPage />, services, history);
    expect(screen.getByTestId('connection-intro')).toBeInTheDocument();
    await userEvent.type(screen.getByTestId('connection-b'), 'cache-1');
    await userEvent.type(screen.getByTestId('connection-port'), '6379');
    await userEvent.click(screen.getByTestId('connection-submit'));
    expect(await screen.findByText(/expected an IPv4 or IPv6 address/)).toBeInTheDocument();
    expect(services.http.post).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByTestId('connection-b'));
    await userEvent.type(screen.getByTestId('connection-b'), '10.0.3.7');
    await userEvent.selectOptions(screen.getByTestId('connection-protocol'), 'tcp');
    await userEvent.click(screen.getByTestId('connection-submit'));
    await screen.findByTestId('connection-verdict');
    expect(history.location.search).toBe(
      '?_g=(time:(from:now-4h,to:now))&a=10.0.2.21&b=10.0.3.7&port=6379&protocol=tcp'
    );
    expect(services.http.post).toHaveBeenCalledWith(
      `${INTERNAL_API_BASE}/connection`,
      { a: '10.0.2.21', b: '10.0.3.7', port: 6379, protocol: 'tcp', from: 'now-4h', to: 'now' },
      expect.anything()
    );
  });

  it("shows the server's refusal (a range too long) as an error", async () => {
    const services = fakeServices();
    services.http.post.mockRejectedValue(new Error('[to]: the time range is longer than 90 days'));
    renderWithServices(
      <TroubleshootPage />,
      services,
      memoryHistory('/troubleshoot?a=10.0.2.21&b=10.0.3.7&port=6379')
    );
    expect(await screen.findByText(/longer than 90 days/)).toBeInTheDocument();
  });
});

describe('"Troubleshoot this connection" on rejected rows', () => {
  it('opens the page prefilled with the row, keeping the time range', async () => {
    const history = memoryHistory('/overview/vpcflow?_g=(time:(from:now-4h,to:now))');
    renderWithServices(
      <BucketsTable
        buckets={[{ key: '203.0.113.66', count: 40 }]}
        keyLabel="Source IP"
        countLabel="Flows"
        caption="Top rejected sources"
        targetFor={(bucket) => ({
          dataset: 'vpcflow',
          kql: `event.action: "reject" and source.ip: "${bucket.key}"`,
          from: 'now-4h',
          to: 'now',
        })}
      />,
      fakeServices(),
      history
    );
    await userEvent.click(screen.getByTestId('row-troubleshoot-203.0.113.66'));
    await waitFor(() => expect(history.location.pathname).toBe('/troubleshoot'));
    expect(history.location.search).toBe('?_g=(time:(from:now-4h,to:now))&a=203.0.113.66');
  });

  it('is not offered on accepted traffic', () => {
    renderWithServices(
      <BucketsTable
        buckets={[{ key: '10.0.1.10', count: 40 }]}
        keyLabel="Source IP"
        countLabel="Bytes"
        caption="Top talkers"
        targetFor={(bucket) => ({
          dataset: 'vpcflow',
          kql: `source.ip: "${bucket.key}"`,
          from: 'now-4h',
          to: 'now',
        })}
      />
    );
    expect(screen.queryByTestId('row-troubleshoot-10.0.1.10')).toBeNull();
  });
});
