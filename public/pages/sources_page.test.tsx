import React from 'react';
import { screen, within } from '@testing-library/react';
import type { FreshnessEntry } from '../../common/api_types';
import { ES_URL_PLACEHOLDER } from '../lib/deploy_snippets';
import { fakeServices, renderWithServices } from '../test_helpers/render_with_services';
import { SourcesPage } from './sources_page';

const NOW = Date.now();

function entry(overrides: Partial<FreshnessEntry>): FreshnessEntry {
  return {
    source: 'vpcflow',
    lastEvent: new Date(NOW - 60_000).toISOString(),
    eventsPerMinute: 0,
    parseErrors: 0,
    total: 0,
    parseErrorRate: 0,
    ...overrides,
  };
}

function renderSources(sources: FreshnessEntry[], esUrl?: string) {
  const services = fakeServices({ esUrl });
  services.http.get.mockResolvedValue({ sources });
  renderWithServices(<SourcesPage />, services);
}

function rateOf(row: HTMLElement): string {
  return within(row).getByTestId('freshness-rate').textContent ?? '';
}

describe('SourcesPage', () => {
  it('formats every rate the same way: separators, digits by size, a dash for none', async () => {
    renderSources([
      entry({ source: 'vpcflow', eventsPerMinute: 1204.53, total: 120_000 }),
      entry({ source: 'alb', eventsPerMinute: 34.93, total: 5_000 }),
      entry({ source: 'nlb', eventsPerMinute: 1 / 15, total: 40 }),
      entry({ source: 'tgwflow', eventsPerMinute: 0, total: 262 }),
      entry({ source: 'unknown', lastEvent: null, eventsPerMinute: 0, total: 0 }),
    ]);
    const vpc = await screen.findByTestId('freshness-vpcflow');
    expect(rateOf(vpc)).toBe('1,205');
    expect(vpc).toHaveTextContent('120,000');
    expect(rateOf(screen.getByTestId('freshness-alb'))).toBe('34.9');
    expect(rateOf(screen.getByTestId('freshness-nlb'))).toBe('< 0.1');
    // Data arrived earlier, none in the window: a rate of zero.
    expect(rateOf(screen.getByTestId('freshness-tgwflow'))).toBe('0');
    // Nothing ever arrived: no rate at all.
    expect(rateOf(screen.getByTestId('freshness-unknown'))).toBe('—');
  });

  it('never proposes a loopback Elasticsearch URL, and says what to put instead', async () => {
    renderSources([], 'http://127.0.0.1:9200');
    expect(await screen.findByTestId('deploy-sam')).toHaveTextContent(
      `EsUrl=${ES_URL_PLACEHOLDER}`
    );
    expect(screen.getByTestId('deploy-terraform')).not.toHaveTextContent('127.0.0.1');
    expect(screen.getByTestId('deploy-ship')).not.toHaveTextContent('127.0.0.1');
    const advice = screen.getByTestId('deploy-es-url-advice');
    expect(advice).toHaveTextContent('http://127.0.0.1:9200');
    expect(advice).toHaveTextContent('Elastic Cloud endpoint');
  });

  it('uses a reachable Elasticsearch URL as it is, without advice', async () => {
    renderSources([], 'https://es.internal.example.com:9200');
    expect(await screen.findByTestId('deploy-sam')).toHaveTextContent(
      'EsUrl=https://es.internal.example.com:9200'
    );
    expect(screen.queryByTestId('deploy-es-url-advice')).not.toBeInTheDocument();
  });
});
