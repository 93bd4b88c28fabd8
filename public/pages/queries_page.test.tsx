import React from 'react';
import { act, fireEvent, screen } from '@testing-library/react';
import type { QueryCountRequest } from '../../common/api_types';
import { QUERY_CATALOG } from '../../common/queries';
import {
  withFakeIntersectionObserver,
  scrollIntoView,
} from '../test_helpers/fake_intersection_observer';
import { searchQueries } from '../lib/query_search';
import { fakeServices, renderWithServices } from '../test_helpers/render_with_services';
import { QueriesPage, SEARCH_DEBOUNCE_MS } from './queries_page';

/** Services whose counts never answer, keeping each request's abort signal by query id. */
function pendingCounts() {
  const services = fakeServices();
  const signals = new Map<string, AbortSignal[]>();
  services.http.post.mockImplementation(
    (_path: string, body: QueryCountRequest, options: { signal: AbortSignal }) => {
      signals.set(body.id, [...(signals.get(body.id) ?? []), options.signal]);
      return new Promise(() => undefined);
    }
  );
  return { services, signals };
}

const requestedIds = (post: jest.Mock) => post.mock.calls.map((call) => call[1].id as string);

describe('QueriesPage', () => {
  afterEach(() => jest.useRealTimers());

  it('a search aborts the counts of the cards it hides and starts none while typing', async () => {
    jest.useFakeTimers();
    const { services, signals } = pendingCounts();
    // No IntersectionObserver in jsdom: every card counts, as before lazy loading.
    renderWithServices(<QueriesPage />, services);
    await act(async () => undefined);
    expect(new Set(requestedIds(services.http.post))).toEqual(
      new Set(QUERY_CATALOG.map((q) => q.id))
    );
    const before = services.http.post.mock.calls.length;

    // One change event, not per-keystroke typing: 34 EUI cards re-render slowly under jsdom.
    fireEvent.change(screen.getByTestId('query-search'), { target: { value: 'ssh' } });
    expect(screen.queryByTestId('query-vpc-top-talkers')).not.toBeInTheDocument();
    expect(signals.get('vpc-top-talkers')![0].aborted).toBe(true);
    expect(signals.get('alb-404s')![0].aborted).toBe(true);
    // The card still listed keeps its count going: it does not depend on the search.
    expect(signals.get('vpc-ssh-rdp-from-internet')![0].aborted).toBe(false);

    // Cards brought back by the next search wait until typing pauses.
    fireEvent.change(screen.getByTestId('query-search'), { target: { value: '' } });
    expect(screen.getByTestId('query-vpc-top-talkers')).toBeInTheDocument();
    await act(async () => {
      jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1);
    });
    expect(services.http.post.mock.calls.length).toBe(before);
    await act(async () => {
      jest.advanceTimersByTime(1);
    });
    const again = requestedIds(services.http.post).slice(before);
    expect(again).toContain('vpc-top-talkers');
    expect(again).not.toContain('vpc-ssh-rdp-from-internet');
    const kept = searchQueries(QUERY_CATALOG, 'ssh').map((q) => q.id);
    expect(again.sort()).toEqual(
      QUERY_CATALOG.map((q) => q.id)
        .filter((id) => !kept.includes(id))
        .sort()
    );
  }, 30_000);

  describe('with IntersectionObserver', () => {
    withFakeIntersectionObserver();

    it('counts only the cards that come into view', async () => {
      const { services } = pendingCounts();
      renderWithServices(<QueriesPage />, services);
      await act(async () => undefined);
      expect(services.http.post).not.toHaveBeenCalled();

      scrollIntoView(screen.getByTestId('query-vpc-top-talkers'));
      scrollIntoView(screen.getByTestId('query-vpc-conversation'));
      await act(async () => undefined);
      expect(requestedIds(services.http.post)).toEqual(['vpc-top-talkers', 'vpc-conversation']);
      expect(screen.getByTestId('query-count-unrecognised-lines')).toHaveAttribute(
        'data-state',
        'waiting'
      );
    }, 30_000);
  });
});
