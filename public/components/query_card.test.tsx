import React from 'react';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { INTERNAL_API_BASE } from '../../common/constants';
import type { QueryCountRequest } from '../../common/api_types';
import type { PrebuiltQuery } from '../../common/queries';
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
      expect(screen.getByTestId(`query-count-${QUERY.id}`)).toHaveTextContent('1,234')
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

  it('shows why a count failed', async () => {
    const services = fakeServices();
    services.http.post.mockRejectedValue(new Error('Invalid KQL: unexpected token'));
    renderWithServices(<QueryCard query={QUERY} />, services);
    await waitFor(() =>
      expect(screen.getByTestId(`query-count-${QUERY.id}`)).toHaveTextContent('Count failed')
    );
    expect(screen.getByTestId(`query-count-${QUERY.id}`)).toHaveAttribute(
      'data-error',
      'Invalid KQL: unexpected token'
    );
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
