// The Queries page in Chromium over the shipped sample: counts are asked for only by cards near
// the screen (the rest when scrolled to), every parameterised query counts something with its
// example values (they are the sample's own actors), and a bad parameter is flagged in its
// field without any request.
import type { Request } from 'playwright-core';
import { QUERY_CATALOG } from '../../../common/queries';
import type { BrowserContext } from './context';

/** Records the ids (and parameters) of the page's count requests while `run` goes on. */
function countRequests(ctx: BrowserContext) {
  const seen: { id: string; params?: Record<string, string> }[] = [];
  const listener = (request: Request) => {
    if (request.method() === 'POST' && request.url().endsWith('/query_count'))
      seen.push(request.postDataJSON() as (typeof seen)[number]);
  };
  ctx.page.on('request', listener);
  return { seen, stop: () => ctx.page.off('request', listener) };
}

async function waitForCount(ctx: BrowserContext, id: string): Promise<number> {
  await ctx.page.waitForFunction((testSubj) => {
    const element = document.querySelector(`[data-test-subj="${testSubj}"]`);
    return (
      element?.getAttribute('data-state') === 'counted' &&
      element.getAttribute('data-loading') === 'false'
    );
  }, `query-count-${id}`);
  return Number(await ctx.page.getByTestId(`query-count-${id}`).getAttribute('data-count'));
}

export function querySections(ctx: BrowserContext): void {
  const last = QUERY_CATALOG[QUERY_CATALOG.length - 1].id;

  test('the Queries page counts only the cards near the screen, the others once scrolled to', async () => {
    const requests = countRequests(ctx);
    try {
      await ctx.goto('/queries');
      await waitForCount(ctx, QUERY_CATALOG[0].id);
      // Let every card that is going to ask on its own do so.
      await ctx.page.waitForTimeout(1500);
      const onLoad = new Set(requests.seen.map((r) => r.id));
      expect(onLoad.size).toBeGreaterThan(0);
      expect(onLoad.size).toBeLessThan(QUERY_CATALOG.length / 2);
      expect(requests.seen).toHaveLength(onLoad.size);
      expect(onLoad.has(last)).toBe(false);
      expect(await ctx.page.getByTestId(`query-count-${last}`).getAttribute('data-state')).toBe(
        'waiting'
      );
      process.stdout.write(
        `Queries page: ${onLoad.size} of ${QUERY_CATALOG.length} counts requested on load\n`
      );

      await ctx.page.getByTestId(`query-${last}`).scrollIntoViewIfNeeded();
      await waitForCount(ctx, last);
      expect(requests.seen.map((r) => r.id)).toContain(last);
    } finally {
      requests.stop();
    }
  });

  const parameterised = QUERY_CATALOG.filter((q) => q.params?.length);
  test.each(parameterised.map((q) => [q.id, q] as const))(
    '%s counts something on the sample with its example values',
    async (id, query) => {
      await ctx.goto('/queries');
      await ctx.page.getByTestId(`query-${id}`).scrollIntoViewIfNeeded();
      expect(await waitForCount(ctx, id)).toBeGreaterThan(0);
      for (const param of query.params ?? [])
        expect(await ctx.page.getByTestId(`query-param-${id}-${param.name}`).inputValue()).toBe(
          param.example
        );
    }
  );

  test('a bad port is flagged in its field and no count is asked for it', async () => {
    const id = 'vpc-port-traffic';
    await ctx.goto('/queries');
    await ctx.page.getByTestId(`query-${id}`).scrollIntoViewIfNeeded();
    await waitForCount(ctx, id);
    const requests = countRequests(ctx);
    try {
      const input = ctx.page.getByTestId(`query-param-${id}-port`);
      await input.fill('70000');
      const row = ctx.page.getByTestId(`query-param-row-${id}-port`);
      await row.getByText('Expected a whole number from 0 to 65535, got "70000"').waitFor();
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      // Well past the form's debounce: still nothing asked.
      await ctx.page.waitForTimeout(1500);
      expect(requests.seen.filter((r) => r.id === id)).toEqual([]);
      expect(await ctx.page.getByTestId(`query-count-${id}`).getAttribute('data-state')).toBe(
        'invalid'
      );

      await input.fill('22');
      expect(await waitForCount(ctx, id)).toBeGreaterThan(0);
      expect(requests.seen.filter((r) => r.id === id).map((r) => r.params)).toEqual([
        { port: '22' },
      ]);
      await ctx.shot('queries-invalid-param');
    } finally {
      requests.stop();
    }
  });
}
