// The query bar and the URL in Chromium, on the sample: a refused query is explained under the
// bar with the results kept, a syntax error never reaches the server, an unknown field warns
// and a filter matching nothing is not "no data"; the view survives a reload through the URL.
import { SCANNER_IP } from '../../../dev/sample/generate';
import type { BrowserContext } from './context';

async function vpcFlowsCount(ctx: BrowserContext, kql?: { term: Record<string, string> }) {
  return (
    await ctx.es.count({
      index: 'logs-netobs.vpcflow-*',
      query: {
        bool: {
          filter: [{ range: { '@timestamp': { gte: 'now-24h' } } }, ...(kql ? [kql] : [])],
        },
      },
    })
  ).count;
}

async function kpiValue(ctx: BrowserContext, expected: number): Promise<void> {
  await ctx.page.waitForFunction(
    (value) =>
      document.querySelector('[data-test-subj="kpi-vpcflow-flows"]')?.getAttribute('data-value') ===
        String(value) && document.querySelector('[aria-busy="true"]') === null,
    expected
  );
}

async function apply(ctx: BrowserContext, kql: string): Promise<void> {
  await ctx.page.getByTestId('kql-input').fill(kql);
  await ctx.page.getByTestId('kql-submit').click();
}

export function queryBarSections(ctx: BrowserContext): void {
  test('a refused query is explained under the bar and the last results stay', async () => {
    const { page } = ctx;
    await ctx.goto('/overview/vpcflow');
    await kpiValue(ctx, await vpcFlowsCount(ctx));
    const overviewRequests: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (request.url().includes('/overview/')) overviewRequests.push(request.url());
    };
    page.on('request', onRequest);

    // Invalid KQL: its position, no request.
    await apply(ctx, 'source.ip: (');
    await page.getByText(/Invalid KQL: .*at column/).waitFor();
    expect(overviewRequests).toEqual([]);

    // Valid KQL Elasticsearch would refuse: the sentence about the field, results kept.
    await apply(ctx, 'destination.port: ssh');
    await page
      .getByText('The query could not run: destination.port holds numbers; "ssh" is not a number.')
      .waitFor();
    expect(overviewRequests).toHaveLength(1);
    await kpiValue(ctx, await vpcFlowsCount(ctx));
    expect(await page.getByRole('alert').count()).toBe(0);
    page.off('request', onRequest);
    await ctx.shot('query-refused');
  });

  test('an unknown field warns, and a filter matching nothing is not "no data"', async () => {
    const { page } = ctx;
    await ctx.goto('/overview/vpcflow');
    await apply(ctx, `sourceip: "${SCANNER_IP}"`);
    await page.getByTestId('kql-warnings').waitFor();
    expect(await page.getByTestId('kql-warnings').textContent()).toContain(
      'No sourceip field in this data'
    );
    await page.getByTestId('empty-no-results').waitFor();
    expect(await page.getByTestId('empty-no-data').count()).toBe(0);
    await page.getByTestId('empty-no-results-clear').click();
    await kpiValue(ctx, await vpcFlowsCount(ctx));
  });

  test('the query, the time range and the tab survive a reload and a shared link', async () => {
    const { page } = ctx;
    await ctx.goto('/overview/vpcflow');
    await apply(ctx, `source.ip: "${SCANNER_IP}"`);
    const expected = await vpcFlowsCount(ctx, { term: { 'source.ip': SCANNER_IP } });
    await kpiValue(ctx, expected);
    await page.waitForURL(/_a=/);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/overview/vpcflow');
    expect(url.searchParams.get('_a')).toBe(
      `(query:(language:kuery,query:'source.ip: "${SCANNER_IP}"'))`
    );
    expect(url.searchParams.get('_g')).toBe('(time:(from:now-24h,to:now))');

    await page.reload();
    await kpiValue(ctx, expected);
    expect(await page.getByTestId('kql-input').inputValue()).toBe(`source.ip: "${SCANNER_IP}"`);

    // The same link in a fresh browser context: someone it was shared with.
    const browser = page.context().browser();
    if (!browser) throw new Error('the page has no browser');
    const other = await browser.newPage();
    try {
      await other.goto(url.toString());
      await other.waitForFunction(
        (value) =>
          document
            .querySelector('[data-test-subj="kpi-vpcflow-flows"]')
            ?.getAttribute('data-value') === String(value),
        expected
      );
    } finally {
      await other.close();
    }
  });

  test('without a Kibana, the app says once that dashboards and Discover are not here', async () => {
    const { page } = ctx;
    await ctx.goto('/overview/vpcflow');
    await page.getByTestId('standalone-note').waitFor();
    await page
      .getByTestId('standalone-note')
      .getByRole('button', { name: /dismiss/i })
      .click();
    await ctx.goto('/overview/alb');
    await page.getByTestId('kpi-alb-requests').waitFor();
    expect(await page.getByTestId('standalone-note').count()).toBe(0);
  });
}
