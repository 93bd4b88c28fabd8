// Drill-down in Chromium on the sample: a click on a bar of the "top rejected sources" chart
// and a table row's filter button both filter the whole page to that source (the query bar,
// the KPI tiles and the URL follow), and the panel offers the whole query behind the element.
import { SCANNER_IP } from '../../../dev/sample/generate';
import type { BrowserContext } from './context';

async function scannerFlows(ctx: BrowserContext): Promise<number> {
  return (
    await ctx.es.count({
      index: 'logs-netobs.vpcflow-*',
      query: {
        bool: {
          filter: [
            { range: { '@timestamp': { gte: 'now-24h' } } },
            { term: { 'source.ip': SCANNER_IP } },
          ],
        },
      },
    })
  ).count;
}

async function expectFilteredToScanner(ctx: BrowserContext): Promise<void> {
  const { page } = ctx;
  const expected = await scannerFlows(ctx);
  await page.waitForFunction(
    (value) =>
      document.querySelector('[data-test-subj="kpi-vpcflow-flows"]')?.getAttribute('data-value') ===
      String(value),
    expected
  );
  expect(await page.getByTestId('kql-input').inputValue()).toBe(`source.ip: "${SCANNER_IP}"`);
  expect(new URL(page.url()).searchParams.get('_a')).toContain(`source.ip: "${SCANNER_IP}"`);
  // The panel offers the whole query behind the element: its own filter included.
  const selection = page.getByTestId('panel-selection-top_rejected_sources');
  expect(await selection.locator('[data-kql]').getAttribute('data-kql')).toBe(
    `event.action: "reject" and source.ip: "${SCANNER_IP}"`
  );
}

export function drillDownSections(ctx: BrowserContext): void {
  describe('drill-down', () => {
    test("a table row's filter button filters the page to the row", async () => {
      const { page } = ctx;
      await ctx.goto('/overview/vpcflow');
      await page.getByTestId('panel-toggle-top_rejected_sources').click();
      await page.getByTestId(`row-filter-${SCANNER_IP}`).click();
      await expectFilteredToScanner(ctx);
      await ctx.shot('overview-drill-down');
    });

    test('a click on a bar filters the page to it', async () => {
      const { page } = ctx;
      await ctx.goto('/overview/vpcflow');
      // The scanner is the first of the top rejected sources (the table view lists it first),
      // so its bar is the top band of the rotated chart and the longest: a point 60 % across
      // and 20 px down the chart is on it (bands are 28 px; the theme's top margin is smaller).
      await page.getByTestId('panel-toggle-top_rejected_sources').click();
      const firstRow = page
        .locator('[data-test-subj="panel-top_rejected_sources"] tbody tr')
        .first();
      expect(await firstRow.getAttribute('data-test-subj')).toBe(`row-${SCANNER_IP}`);
      await page.getByTestId('panel-toggle-top_rejected_sources').click();
      const canvas = await page
        .locator('[data-test-subj="panel-top_rejected_sources"] .echChart canvas')
        .first()
        .boundingBox();
      if (!canvas) throw new Error('the top rejected sources chart is not on the page');
      await page.mouse.click(canvas.x + canvas.width * 0.6, canvas.y + 20);
      await expectFilteredToScanner(ctx);
    });
  });
}
