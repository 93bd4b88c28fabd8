import React from 'react';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { INTERNAL_API_BASE } from '../../common/constants';
import type { QueryCountRequest } from '../../common/api_types';
import type { PrebuiltQuery } from '../../common/queries';
import { useQueryState } from '../context/query_state_context';
import { HttpError } from '../lib/http_error';
import {
  withFakeIntersectionObserver,
  observedCount,
  scrollIntoView,
} from '../test_helpers/fake_intersection_observer';
import { fakeServices, renderWithServices } from '../test_helpers/render_with_services';
import { PARAM_DEBOUNCE_MS, QueryCard } from './query_card';

const QUERY: PrebuiltQuery = {
  id: 'vpc-source-blocked-on',
  title: 'Everything a source was blocked on',
  description: 'All rejected flows of one sender.',
  group: 'VPC security',
  source: 'vpcflow',
  kql: 'event.action: "reject" and source.ip: {{ip}}',
  params: [{ name: 'ip', label: 'IP address', kind: 'ip', example: '198.51.100.7' }],
  fields: ['event.action', 'source.ip'],
};

function countingServices() {
  const services = fakeServices();
  services.http.post.mockImplementation((_path: string, body: QueryCountRequest) =>
    Promise.resolve({
      id: body.id,
      kql: 'rendered',
      count: body.params?.ip === '10.0.0.9' ? 3 : 1234,
    })
  );
  return services;
}

describe('QueryCard', () => {
  afterEach(() => jest.useRealTimers());

  it('shows the description, fields, parameter input and KQL filled with the example', async () => {
    renderWithServices(<QueryCard query={QUERY} />, countingServices());
    expect(screen.getByText('All rejected flows of one sender.')).toBeInTheDocument();
    expect(screen.getByText('source.ip')).toBeInTheDocument();
    expect(screen.getByLabelText('IP address')).toHaveValue('198.51.100.7');
    expect(screen.getByTestId(`query-kql-${QUERY.id}`)).toHaveTextContent(
      'event.action: "reject" and source.ip: "198.51.100.7"'
    );
    await waitFor(() =>
      expect(screen.getByTestId(`query-count-${QUERY.id}`)).toHaveTextContent('1,234 flows')
    );
  });

  it("shows a parameter's own help under its field, else the line for its kind", () => {
    const expiring: PrebuiltQuery = {
      ...QUERY,
      id: 'certs-expiring',
      kql: 'tls.client.not_after < "{{until}}"',
      params: [
        {
          name: 'until',
          label: 'Expiring before',
          kind: 'text',
          example: 'now+30d',
          help: 'A date or date math',
        },
      ],
    };
    renderWithServices(
      <>
        <QueryCard query={QUERY} />
        <QueryCard query={expiring} />
      </>,
      countingServices()
    );
    expect(screen.getByTestId('query-param-row-certs-expiring-until')).toHaveTextContent(
      'A date or date math'
    );
    expect(screen.getByTestId(`query-param-row-${QUERY.id}-ip`)).toHaveTextContent(
      'IPv4 or IPv6 address, or a CIDR'
    );
  });

  it('asks for the count with the time range and parameters, once typing pauses', async () => {
    jest.useFakeTimers();
    const services = countingServices();
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    renderWithServices(<QueryCard query={QUERY} />, services);
    await waitFor(() => expect(services.http.post).toHaveBeenCalledTimes(1));
    expect(services.http.post).toHaveBeenLastCalledWith(
      `${INTERNAL_API_BASE}/query_count`,
      { id: QUERY.id, from: 'now-24h', to: 'now', params: { ip: '198.51.100.7' } },
      expect.objectContaining({ signal: expect.any(AbortSignal) })
    );

    const input = screen.getByLabelText('IP address');
    await user.clear(input);
    await user.type(input, '10.0.0.9');
    // The KQL follows every keystroke; the count waits for the pause.
    expect(screen.getByTestId(`query-kql-${QUERY.id}`)).toHaveTextContent('source.ip: "10.0.0.9"');
    expect(services.http.post).toHaveBeenCalledTimes(1);
    await act(async () => {
      jest.advanceTimersByTime(PARAM_DEBOUNCE_MS);
    });
    await waitFor(() =>
      expect(screen.getByTestId(`query-count-${QUERY.id}`)).toHaveAttribute('data-count', '3')
    );
    expect(services.http.post).toHaveBeenCalledTimes(2);
    expect(services.http.post.mock.calls[1][1].params).toEqual({ ip: '10.0.0.9' });
  });

  it("shows the server's message when a count fails", async () => {
    const services = fakeServices();
    const message = '[params.ip]: expected an IPv4 or IPv6 address, or a CIDR, got "x"';
    services.http.post.mockRejectedValue(new HttpError(message, 400));
    renderWithServices(<QueryCard query={QUERY} />, services);
    await waitFor(() =>
      expect(screen.getByTestId(`query-count-${QUERY.id}`)).toHaveTextContent('Count failed')
    );
    expect(screen.getByTestId(`query-count-${QUERY.id}`)).toHaveAttribute('data-error', message);
    expect(screen.getByTestId(`query-count-error-${QUERY.id}`)).toHaveTextContent(message);
  });

  it('flags an invalid parameter on its field and asks for no count until it is fixed', async () => {
    jest.useFakeTimers();
    const services = countingServices();
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    const query: PrebuiltQuery = {
      ...QUERY,
      id: 'vpc-port-traffic',
      kql: 'destination.port: {{port}}',
      params: [{ name: 'port', label: 'Port', kind: 'port', example: '443' }],
    };
    renderWithServices(<QueryCard query={query} />, services);
    await waitFor(() => expect(services.http.post).toHaveBeenCalledTimes(1));
    const input = screen.getByLabelText('Port');
    await user.clear(input);
    await user.type(input, '70000');
    await act(async () => {
      jest.advanceTimersByTime(PARAM_DEBOUNCE_MS);
    });
    expect(input).toBeInvalid();
    expect(screen.getByText('Expected a whole number from 0 to 65535, got "70000"')).toBeVisible();
    expect(screen.getByTestId('query-count-vpc-port-traffic')).toHaveAttribute(
      'data-state',
      'invalid'
    );
    await user.clear(input);
    await user.type(input, 'ssh');
    await act(async () => {
      jest.advanceTimersByTime(PARAM_DEBOUNCE_MS * 2);
    });
    expect(screen.getByText(/^Expected a whole number .* got "ssh"$/)).toBeVisible();
    expect(services.http.post).toHaveBeenCalledTimes(1);

    await user.clear(input);
    await user.type(input, '22');
    await act(async () => {
      jest.advanceTimersByTime(PARAM_DEBOUNCE_MS);
    });
    await waitFor(() => expect(services.http.post).toHaveBeenCalledTimes(2));
    expect(services.http.post.mock.calls[1][1].params).toEqual({ port: '22' });
    expect(input).toBeValid();
  });

  it('says what a "top" query counts: distinct values, then the documents', async () => {
    const services = fakeServices();
    services.http.post.mockResolvedValue({ id: 'q', kql: '', count: 2350, distinct: 12 });
    const talkers: PrebuiltQuery = {
      ...QUERY,
      params: undefined,
      kql: 'event.action: "accept"',
      measure: { kind: 'distinct', field: 'source.ip', noun: 'source' },
    };
    renderWithServices(<QueryCard query={talkers} />, services);
    const count = await screen.findByText('12');
    expect(count.closest('[data-test-subj]')).toHaveTextContent('12 sources · 2,350 flows');
    expect(count.closest('[data-test-subj]')).toHaveAttribute('data-count', '2350');
  });

  it('aborts a count in flight when the time range or a parameter changes', async () => {
    jest.useFakeTimers();
    const services = fakeServices();
    const signals: AbortSignal[] = [];
    services.http.post.mockImplementation(
      (_path: string, _body: unknown, options: { signal: AbortSignal }) => {
        signals.push(options.signal);
        return new Promise(() => undefined);
      }
    );
    function LastHour() {
      const { setRange } = useQueryState();
      return <button onClick={() => setRange({ from: 'now-1h', to: 'now' })}>Last hour</button>;
    }
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    renderWithServices(
      <>
        <LastHour />
        <QueryCard query={QUERY} />
      </>,
      services
    );
    await waitFor(() => expect(signals).toHaveLength(1));
    await user.click(screen.getByText('Last hour'));
    await waitFor(() => expect(signals).toHaveLength(2));
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
    expect(services.http.post.mock.calls[1][1]).toMatchObject({ from: 'now-1h' });

    await user.type(screen.getByLabelText('IP address'), '0');
    await act(async () => {
      jest.advanceTimersByTime(PARAM_DEBOUNCE_MS);
    });
    await waitFor(() => expect(signals).toHaveLength(3));
    expect(signals.map((s) => s.aborted)).toEqual([true, true, false]);
  });

  describe('with IntersectionObserver', () => {
    withFakeIntersectionObserver();

    it('asks for no count until the card is scrolled into view, then once', async () => {
      const services = countingServices();
      renderWithServices(<QueryCard query={QUERY} />, services);
      const card = screen.getByTestId(`query-${QUERY.id}`);
      await act(async () => undefined);
      expect(services.http.post).not.toHaveBeenCalled();
      expect(screen.getByTestId(`query-count-${QUERY.id}`)).toHaveAttribute(
        'data-state',
        'waiting'
      );

      scrollIntoView(card);
      await waitFor(() =>
        expect(screen.getByTestId(`query-count-${QUERY.id}`)).toHaveAttribute('data-count', '1234')
      );
      expect(services.http.post).toHaveBeenCalledTimes(1);
      // Seen once is enough: the observer is gone, scrolling away and back asks nothing more.
      expect(observedCount()).toBe(0);
    });
  });

  it('links to Discover when a Kibana is there', async () => {
    const services = countingServices();
    services.navigation.discoverUrl = (target) =>
      `/app/discover?kql=${encodeURIComponent(target.kql)}`;
    renderWithServices(<QueryCard query={QUERY} />, services);
    expect(screen.getByTestId(`query-discover-${QUERY.id}`)).toHaveAttribute(
      'href',
      `/app/discover?kql=${encodeURIComponent('event.action: "reject" and source.ip: "198.51.100.7"')}`
    );
    await waitFor(() => expect(services.http.post).toHaveBeenCalled());
  });
});
