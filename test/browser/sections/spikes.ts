// Explained spikes in Chromium on the sample: its port scan (dev/sample/generate.ts: 203.0.113.66
// sweeps ports 1-1024 on four web servers in 25 minutes, 4,096 flows on ~10 flows a minute of
// background) is the one spike of the VPC overview over the last 24 hours; it is marked on the
// flows chart over its window, its explanation names the scanner's address first, and "filter
// the page" narrows the range and the query bar to the spike and the scanner.
import { SCANNER_IP } from '../../../dev/sample/generate';
import type { BrowserContext } from './context';

interface AnnotationDebugState {
  annotations?: Array<{ id: string; data: { coordinates: { x0: number; x1: number } } }>;
}

/** First and last flow of the scanner, from Elasticsearch itself. */
async function scanSpan(ctx: BrowserContext): Promise<{ first: number; last: number }> {
  const response = await ctx.es.search({
    index: 'logs-netobs.vpcflow-*',
    size: 0,
    query: {
      bool: {
        filter: [
          { range: { '@timestamp': { gte: 'now-24h' } } },
          { term: { 'source.ip': SCANNER_IP } },
        ],
      },
    },
    aggs: { first: { min: { field: '@timestamp' } }, last: { max: { field: '@timestamp' } } },
  });
  const aggs = response.aggregations as Record<string, { value: number }>;
  return { first: aggs.first.value, last: aggs.last.value };
}

/** The scanner's flows from `from` to `to` (epoch ms, both included, as the app searches). */
async function scannerFlows(ctx: BrowserContext, from: number, to: number): Promise<number> {
  const response = await ctx.es.count({
    index: 'logs-netobs.vpcflow-*',
    query: {
      bool: {
        filter: [
          { range: { '@timestamp': { gte: from, lte: to, format: 'epoch_millis' } } },
          { term: { 'source.ip': SCANNER_IP } },
        ],
      },
    },
  });
  return response.count;
}

export function spikesSections(ctx: BrowserContext): void {
  describe('explained spikes', () => {
    beforeAll(async () => {
      await ctx.page.addInitScript(() => {
        (window as Window & { __netobsChartDebug?: boolean }).__netobsChartDebug = true;
      });
    });

    test("the sample's scan is a spike on the VPC overview, explained by the scanner's address", async () => {
      const { page } = ctx;
      await ctx.goto('/overview/vpcflow');
      const list = page.getByTestId('spikes-list');
      await list.waitFor();
      const entries = list.locator('[data-test-subj^="spike-"]');
      expect(await entries.count()).toBe(1);
      const start = ((await entries.first().getAttribute('data-test-subj')) ?? '').slice(
        'spike-'.length
      );

      // The window covers the scan: from its bucket's start to past its last flow.
      const scan = await scanSpan(ctx);
      const status = page.locator(
        '[data-test-subj="panel-flows_over_time"] [data-ech-render-complete="true"][data-ech-debug-state]'
      );
      await status.waitFor({ state: 'attached' });
      const state = JSON.parse(
        (await status.getAttribute('data-ech-debug-state')) ?? '{}'
      ) as AnnotationDebugState;
      expect(state.annotations).toHaveLength(1);
      const { x0, x1 } = state.annotations![0].data.coordinates;
      expect(x0).toBe(Date.parse(start));
      // The window holds the scan (all but a first or last bucket that had only seconds of it,
      // which depends on where the clock put the bucket boundaries), and not much more: at most
      // a 15-minute bucket on either side of its 25 minutes.
      expect(x0).toBeLessThanOrEqual(scan.first + 15 * 60_000);
      expect(x1).toBeGreaterThanOrEqual(scan.last - 15 * 60_000);
      expect(x1 - x0).toBeLessThanOrEqual((25 + 30) * 60_000);
      const all = await scannerFlows(ctx, scan.first, scan.last);
      expect(await scannerFlows(ctx, x0, x1)).toBeGreaterThan(0.95 * all);

      await entries.first().click();
      const explanation = page.getByTestId('spike-explanation');
      await explanation.waitFor();
      const top = explanation.getByTestId('spike-explanation-row').first();
      expect(await top.getAttribute('data-field')).toBe('source.ip');
      expect(await top.getAttribute('data-value')).toBe(SCANNER_IP);
      // No Kibana here: the link is the KQL Discover would get.
      expect(await explanation.getByTestId('spike-discover').getAttribute('data-kql')).toBe(
        `source.ip: "${SCANNER_IP}"`
      );
      await ctx.shot('overview-spikes');

      // Filter the page to the spike: the range is its window, the query its top value.
      await explanation.getByTestId('spike-filter').click();
      await page.waitForFunction(
        (ip) =>
          (document.querySelector('[data-test-subj="kql-input"]') as HTMLInputElement | null)
            ?.value === `source.ip: "${ip}"`,
        SCANNER_IP
      );
      const expected = await scannerFlows(ctx, x0, x1);
      expect(expected).toBeGreaterThan(3900);
      await page.waitForFunction(
        (value) =>
          document
            .querySelector('[data-test-subj="kpi-vpcflow-flows"]')
            ?.getAttribute('data-value') === String(value),
        expected
      );
      expect(new URL(page.url()).searchParams.get('_g')).toContain(start.slice(0, 16));
    });
  });
}
