// Charts that read right, in Chromium over the shipped sample: the ALB status-code legend is not
// clipped at common widths, no bar rises above the plot, and the time axis spans the chosen range
// (the default, last 24 hours) in buckets sized for it. Elastic Charts draws on a canvas, so
// what it drew is read from its debug state (the app writes it when window.__netobsChartDebug
// is set), and the legend, which is HTML, from the page itself.
import type { Page } from 'playwright-core';
import type { ChartDebugState as DebugState } from '../../../public/test_helpers/chart_debug_state';
import type { BrowserContext } from './context';

const MINUTE = 60_000;

/** The debug state of the chart in panel `panelId`, once it has rendered. */
async function chartState(page: Page, panelId: string): Promise<DebugState> {
  const status = page.locator(
    `[data-test-subj="panel-${panelId}"] [data-ech-render-complete="true"][data-ech-debug-state]`
  );
  await status.waitFor({ state: 'attached' });
  return JSON.parse((await status.getAttribute('data-ech-debug-state')) ?? '{}') as DebugState;
}

/** The largest stack: per bucket, the sum of the series' bars. */
function highestStack(state: DebugState): number {
  const totals = new Map<number, number>();
  for (const series of state.bars)
    for (const bar of series.bars) totals.set(bar.x, (totals.get(bar.x) ?? 0) + bar.y);
  return Math.max(...totals.values());
}

export function chartSections(ctx: BrowserContext): void {
  describe('charts', () => {
    beforeAll(async () => {
      await ctx.page.addInitScript(() => {
        (window as Window & { __netobsChartDebug?: boolean }).__netobsChartDebug = true;
      });
    });

    afterAll(async () => {
      await ctx.page.setViewportSize({ width: 1440, height: 1000 });
    });

    test.each([1280, 1920])(
      'the ALB status-code legend shows every code unclipped at %p px',
      async (width) => {
        const { page } = ctx;
        await page.setViewportSize({ width, height: 1000 });
        await ctx.goto('/overview/alb');
        const state = await chartState(page, 'status_over_time');
        const codes = state.legend.items.map((item) => item.name);
        expect(codes).toEqual(expect.arrayContaining(['200', '502', '503']));

        const panel = page.getByTestId('panel-status_over_time');
        const chart = await panel.locator('.echChart').boundingBox();
        const items = panel.locator('.echLegendItem');
        expect(await items.count()).toBe(codes.length);
        for (let i = 0; i < codes.length; i += 1) {
          const box = await items.nth(i).boundingBox();
          expect(box).not.toBeNull();
          expect(chart).not.toBeNull();
          if (!box || !chart) return;
          expect(box.x).toBeGreaterThanOrEqual(chart.x);
          expect(box.y).toBeGreaterThanOrEqual(chart.y);
          expect(box.x + box.width).toBeLessThanOrEqual(chart.x + chart.width + 0.5);
          expect(box.y + box.height).toBeLessThanOrEqual(chart.y + chart.height + 0.5);
        }
        // Each label whole (not cut by an ellipsis) and readable.
        const labels = await panel.locator('.echLegendItem__label').evaluateAll((nodes) =>
          nodes.map((node) => ({
            text: node.textContent,
            fits: node.scrollWidth <= node.clientWidth && node.scrollHeight <= node.clientHeight,
          }))
        );
        expect(labels).toEqual(codes.map((text) => ({ text, fits: true })));
      }
    );

    test('no bar rises above the plot: the highest stack ends at or below the top tick', async () => {
      const { page } = ctx;
      for (const [source, panels] of [
        ['alb', ['status_over_time']],
        ['vpcflow', ['flows_over_time', 'bytes_over_time']],
      ] as const) {
        await ctx.goto(`/overview/${source}`);
        for (const panelId of panels) {
          const state = await chartState(page, panelId);
          const [axis] = state.axes.y;
          const top = Math.max(...axis.values);
          expect(highestStack(state)).toBeGreaterThan(0);
          expect(highestStack(state)).toBeLessThanOrEqual(top);
          // The top tick is the top of the plot (the highest gridline is at y 0): the value axis
          // ends on it, so the stack below it stays inside.
          expect(axis.gridlines).toHaveLength(axis.values.length);
          expect(Math.min(...axis.gridlines.map((line) => line.y))).toBeLessThanOrEqual(1);
        }
      }
    });

    test('the time axis spans the last 24 hours in 15-minute buckets, not only the data', async () => {
      const { page } = ctx;
      await ctx.goto('/overview/vpcflow');
      const state = await chartState(page, 'flows_over_time');
      const now = Date.now();
      // The sample covers the last four hours; the axis must reach back to the range's start.
      const firstData = Math.min(...state.bars.flatMap((series) => series.bars.map((b) => b.x)));
      expect(firstData).toBeGreaterThan(now - 5 * 60 * MINUTE);
      const [axis] = state.axes.x;
      // Times of day only: the day layer's label sits at midnight, whatever the domain. With ticks
      // every 6 hours (or closer), the first time-of-day tick lies at most ~12 hours after the
      // range's start (when the first mark is that midnight), so well before the data whatever
      // the time of day the test runs at; an axis spanning only the data would start at -5 h.
      const clockTicks = axis.values.filter((_, i) => /^\d\d:\d\d$/.test(axis.labels[i]));
      expect(Math.min(...clockTicks)).toBeLessThan(now - 11 * 60 * MINUTE);
      const starts = [...new Set(state.bars.flatMap((series) => series.bars.map((b) => b.x)))];
      starts.sort((a, b) => a - b);
      const gaps = starts.slice(1).map((start, i) => start - starts[i]);
      expect(Math.min(...gaps)).toBe(15 * MINUTE);
    });
  });
}
