// The overview's geo panels in Chromium on the shipped sample, placed by the ingest engine's
// GeoIP databases (netobs-geo): a country row filters the whole page to that country as any
// panel element does (query bar, KPI tiles, the networks panel follow), and the Transit Gateway
// tab, whose sample traffic is private only, says why its geo panels are empty.
import type { BrowserContext } from './context';

async function countryFlows(ctx: BrowserContext, country: string): Promise<number> {
  return (
    await ctx.es.count({
      index: 'logs-netobs.vpcflow-*',
      query: {
        bool: {
          filter: [
            { range: { '@timestamp': { gte: 'now-24h' } } },
            { term: { 'source.geo.country_name': country } },
          ],
        },
      },
    })
  ).count;
}

export function geoSections(ctx: BrowserContext): void {
  describe('geo panels', () => {
    test('a country row filters the page to that country', async () => {
      const { page } = ctx;
      await ctx.goto('/overview/vpcflow');
      await page.getByTestId('panel-toggle-source_countries').click();
      const firstRow = page.locator('[data-test-subj="panel-source_countries"] tbody tr').first();
      const country = (await firstRow.getAttribute('data-test-subj'))?.replace(/^row-/, '') ?? '';
      const expected = await countryFlows(ctx, country);
      expect(expected).toBeGreaterThan(0);
      await page.getByTestId(`row-filter-${country}`).click();
      await page.waitForFunction(
        (value) =>
          document
            .querySelector('[data-test-subj="kpi-vpcflow-flows"]')
            ?.getAttribute('data-value') === String(value),
        expected
      );
      expect(await page.getByTestId('kql-input').inputValue()).toBe(
        `source.geo.country_name: "${country}"`
      );
      // The networks panel now counts only that country's senders.
      const networkCounts = await page
        .locator('[data-test-subj="panel-source_networks"] tbody tr td:nth-child(2)')
        .allTextContents();
      const total = networkCounts.reduce((sum, text) => sum + Number(text.replace(/\D/g, '')), 0);
      expect(total).toBeGreaterThan(0);
      expect(total).toBeLessThanOrEqual(expected);
      await ctx.shot('overview-geo');
    });

    test('private traffic says there are no public addresses to place', async () => {
      const { page } = ctx;
      await ctx.goto('/overview/tgwflow');
      const empty = page.getByTestId('panel-geo-empty-source_countries');
      await empty.waitFor();
      expect(await empty.getAttribute('data-reason')).toBe('no_public_addresses');
      expect(await empty.textContent()).toContain('No public addresses.');
    });
  });
}
