// The connection doctor in Chromium on the sample: the asymmetric network ACL the generator
// builds (NACL_CLIENT → NACL_SERVER:NACL_PORT, replies rejected at NACL_SERVER_ENI) is diagnosed
// as reply_rejected naming that ENI, with evidence counts equal to Elasticsearch's own; the
// scanner's row on the overview opens the page prefilled, and its probe of a closed port is
// request_rejected.
import {
  NACL_CLIENT,
  NACL_CLIENT_ENI,
  NACL_PORT,
  NACL_SERVER,
  NACL_SERVER_ENI,
  SCANNER_IP,
} from '../../../dev/sample/generate';
import type { BrowserContext } from './context';

async function count(ctx: BrowserContext, filter: Record<string, unknown>[]): Promise<number> {
  const { count: n } = await ctx.es.count({
    index: 'logs-netobs.vpcflow-*',
    query: { bool: { filter: [{ range: { '@timestamp': { gte: 'now-24h' } } }, ...filter] } },
  });
  return n;
}

const term = (field: string, value: string | number) => ({ term: { [field]: value } });

export function troubleshootSections(ctx: BrowserContext): void {
  describe('troubleshoot', () => {
    test('the asymmetric NACL of the sample is reply_rejected at the cache ENI', async () => {
      const { page } = ctx;
      await ctx.goto(`/troubleshoot?a=${NACL_CLIENT}&b=${NACL_SERVER}&port=${NACL_PORT}`);
      const verdict = page.getByTestId('connection-verdict');
      await verdict.waitFor();
      expect(await verdict.getAttribute('data-code')).toBe('reply_rejected');
      const explanation = await page.getByTestId('connection-explanation').textContent();
      expect(explanation).toContain(`die at ${NACL_SERVER_ENI}`);
      expect(explanation).toContain('return traffic on ephemeral ports 1024–65535');
      const replies = await count(ctx, [
        term('source.ip', NACL_SERVER),
        term('source.port', NACL_PORT),
        term('destination.ip', NACL_CLIENT),
        term('event.action', 'reject'),
      ]);
      expect(replies).toBeGreaterThan(0);
      const replyRow = page.getByTestId(`evidence-reply-${NACL_SERVER_ENI}`);
      expect(Number(await replyRow.getAttribute('data-rejected'))).toBe(replies);
      const requests = await count(ctx, [
        term('source.ip', NACL_CLIENT),
        term('destination.ip', NACL_SERVER),
        term('destination.port', NACL_PORT),
        term('aws.vpcflow.interface_id', NACL_CLIENT_ENI),
      ]);
      const requestRow = page.getByTestId(`evidence-request-${NACL_CLIENT_ENI}`);
      expect(Number(await requestRow.getAttribute('data-accepted'))).toBe(requests);
      await page
        .locator('[data-test-subj="connection-timeline-reply"] [data-ech-render-complete="true"]')
        .waitFor({ state: 'attached' });
      await ctx.shot('troubleshoot');
    });

    test("the scanner's rejected row opens the page prefilled; its probe of port 22 is request_rejected", async () => {
      const { page } = ctx;
      await ctx.goto('/overview/vpcflow');
      await page.getByTestId('panel-toggle-top_rejected_sources').click();
      await page.getByTestId(`row-troubleshoot-${SCANNER_IP}`).click();
      await page.getByTestId('connection-form').waitFor();
      expect(new URL(page.url()).pathname).toMatch(/\/troubleshoot$/);
      expect(await page.getByTestId('connection-a').inputValue()).toBe(SCANNER_IP);
      await page.getByTestId('connection-b').fill('10.0.1.10');
      await page.getByTestId('connection-port').fill('22');
      await page.getByTestId('connection-submit').click();
      const verdict = page.getByTestId('connection-verdict');
      await verdict.waitFor();
      expect(await verdict.getAttribute('data-code')).toBe('request_rejected');
      expect(await page.getByTestId('connection-explanation').textContent()).toContain(
        'rejected at eni-0web0000000000001'
      );
      expect(new URL(page.url()).searchParams.get('port')).toBe('22');
    });
  });
}
