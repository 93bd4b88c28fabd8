// The Scans page in Chromium over the shipped sample. The sample's scanner (SCANNER_IP, see
// dev/sample/generate.ts) sweeps ports 1-1024 on the four web servers over 25 minutes, rejected
// everywhere but on 443: the page must list it, and only it (the sample's busy servers, its
// NAT-like egress and its rejected replies are not scans), with the numbers Elasticsearch
// itself counts for that source.
import { SCANNER_IP } from '../../../dev/sample/generate';
import { formatNumber } from '../../../public/lib/format';
import type { ChartDebugState as DebugState } from '../../../public/test_helpers/chart_debug_state';
import type { BrowserContext } from './context';

const RANGE = { gte: 'now-24h', lte: 'now' };

/** Elasticsearch's own account of one source's VPC flows over the page's default range. */
async function countsOf(ctx: BrowserContext, source: string) {
  const response = await ctx.es.search({
    index: 'logs-netobs.vpcflow-*',
    size: 0,
    track_total_hits: true,
    query: {
      bool: { filter: [{ term: { 'source.ip': source } }, { range: { '@timestamp': RANGE } }] },
    },
    aggs: {
      ports: { terms: { field: 'destination.port', size: 70000 } },
      hosts: { terms: { field: 'destination.ip', size: 70000 } },
      accepted: { filter: { term: { 'event.action': 'accept' } } },
      first: { min: { field: '@timestamp' } },
      last: { max: { field: '@timestamp' } },
      minutes: { date_histogram: { field: '@timestamp', fixed_interval: '1m', min_doc_count: 1 } },
    },
  });
  type Buckets = { buckets: { key: number; doc_count: number }[] };
  const aggs = response.aggregations as unknown as {
    ports: Buckets;
    hosts: Buckets;
    accepted: { doc_count: number };
    first: { value: number };
    last: { value: number };
    minutes: Buckets;
  };
  const total = response.hits.total;
  const peak = aggs.minutes.buckets.reduce((best, b) => (b.doc_count > best.doc_count ? b : best));
  return {
    flows: typeof total === 'number' ? total : (total?.value ?? 0),
    ports: aggs.ports.buckets.length,
    hosts: aggs.hosts.buckets.length,
    accepted: aggs.accepted.doc_count,
    first: aggs.first.value,
    last: aggs.last.value,
    peak: { flows: peak.doc_count, minute: peak.key },
  };
}

export function scansSections(ctx: BrowserContext): void {
  describe('scans', () => {
    beforeAll(async () => {
      // What the timeline draws is read from its debug state (public/lib/chart_debug.ts).
      await ctx.page.addInitScript(() => {
        (window as Window & { __netobsChartDebug?: boolean }).__netobsChartDebug = true;
      });
    });

    test("the Scans page shows the sample's scanner, and only it, with Elasticsearch's own counts", async () => {
      await ctx.goto('/scans');
      const card = ctx.page.getByTestId('scanner-card');
      await card.first().waitFor();
      expect(await card.count()).toBe(1);
      expect(await card.getAttribute('data-source')).toBe(SCANNER_IP);

      const expected = await countsOf(ctx, SCANNER_IP);
      // What the generator wrote: 1,024 ports on 4 servers, 443 accepted on each.
      expect(expected).toMatchObject({ flows: 4096, ports: 1024, hosts: 4, accepted: 4 });
      const text = async (id: string) => (await card.getByTestId(id).innerText()).split('\n');
      expect(await text('scan-flows')).toContain(formatNumber(expected.flows));
      expect(await text('scan-ports')).toContain(formatNumber(expected.ports));
      expect(await text('scan-hosts')).toContain(formatNumber(expected.hosts));
      expect(await text('scan-accepted')).toContainEqual(
        expect.stringMatching(new RegExp(`^${expected.accepted} \\(`))
      );
      expect(await text('scan-peak')).toContain(`${formatNumber(expected.peak.flows)} / min`);
      expect(Number(await card.getAttribute('data-first-seen'))).toBe(expected.first);
      expect(Number(await card.getAttribute('data-last-seen'))).toBe(expected.last);
      expect(Number(await card.getAttribute('data-peak-minute'))).toBe(expected.peak.minute);
      expect(await card.getByTestId('scan-kind-vertical').count()).toBe(1);
      expect(await card.getByTestId('scan-port-ranges').innerText()).toContain('1-1024');
      // What answered: 443, on the four web servers.
      const answered = await card.getByTestId('scan-answered-443').innerText();
      for (const server of ['10.0.1.10', '10.0.1.11', '10.0.1.12', '10.0.1.13'])
        expect(answered).toContain(server);
      // The timeline draws its minutes as accept and reject bars; the highest stack is the peak.
      const status = card.locator(
        '[data-test-subj="scan-timeline"] [data-ech-render-complete="true"][data-ech-debug-state]'
      );
      await status.waitFor({ state: 'attached' });
      const chart = JSON.parse(
        (await status.getAttribute('data-ech-debug-state')) ?? '{}'
      ) as DebugState;
      expect(chart.bars.map((series) => series.name).sort()).toEqual(['accept', 'reject']);
      const stacks = new Map<number, number>();
      for (const series of chart.bars)
        for (const bar of series.bars) stacks.set(bar.x, (stacks.get(bar.x) ?? 0) + bar.y);
      expect(Math.max(...stacks.values())).toBe(expected.peak.flows);
      await ctx.shot('scans');
    });

    test('a source in the URL narrows the search beside _g; a server is no scanner; a bad one is flagged', async () => {
      await ctx.goto(`/scans?_g=(time:(from:now-24h,to:now))&source=10.0.1.10`);
      await ctx.page.getByTestId('scans-none').waitFor();
      expect(await ctx.page.getByTestId('scans-none').innerText()).toContain(
        '10.0.1.10 did not scan in this range'
      );
      await ctx.page.getByTestId('scan-source').fill('scanner-1');
      await ctx.page.getByTestId('scan-source-submit').click();
      await ctx.page.getByText(/expected an IPv4 or IPv6 address/).waitFor();
      await ctx.page.getByTestId('scan-source').fill(SCANNER_IP);
      await ctx.page.getByTestId('scan-source-submit').click();
      await ctx.page.getByTestId('scanner-card').waitFor();
      const url = new URL(ctx.page.url());
      expect(url.searchParams.get('source')).toBe(SCANNER_IP);
      expect(url.searchParams.get('_g')).toBe('(time:(from:now-24h,to:now))');
    });
  });
}
