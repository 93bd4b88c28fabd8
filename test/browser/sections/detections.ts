// The Detections page in Chromium over the shipped sample (dev/sample/generate.ts): its port
// scan (SCANNER_IP), SSH and PostgreSQL open to the internet (EXPOSED_BASTION:22, 10.0.3.5:5432)
// and the failing ALB target (FAILING_TARGET) are findings; the page lists exactly what the route
// answers for the same range, in its order, with its summaries and evidence figures; a finding's
// detail leads to its documents, its scan timeline and the connection doctor.
import { INTERNAL_API_BASE } from '../../../common/constants';
import type { Finding } from '../../../common/detections';
import { entityKey } from '../../../common/detections';
import { EXPOSED_BASTION, FAILING_TARGET, SCANNER_IP } from '../../../dev/sample/generate';
import { writeUrlState } from '../../../public/lib/url_state';
import type { BrowserContext } from './context';

const DATABASE = '10.0.3.5';
const DAY = 24 * 3600_000;

interface Answer {
  findings: Finding[];
  rules: string[];
}

/** The route's answer over a fixed range, as the page asks for it. */
async function detect(ctx: BrowserContext, body: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(`${ctx.appUrl}${INTERNAL_API_BASE}/detections`, {
    method: 'POST',
    headers: { 'x-elastic-internal-origin': 'Kibana', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}

/** Waits for EUI's lazily loaded icons (emotion labels a pending one `…-isLoading`) to draw. */
async function shotWithIcons(ctx: BrowserContext, name: string): Promise<void> {
  await ctx.page.waitForFunction(() => !document.querySelector('.euiIcon[class*="-isLoading"]'));
  await ctx.shot(name);
}

const raw = (value: Finding['evidence'][string]) =>
  Array.isArray(value) ? value.join(',') : String(value);

export function detectionsSections(ctx: BrowserContext): void {
  describe('detections', () => {
    // Absolute times: the page and this test ask for the same window, not two "now"s apart.
    const now = Date.now();
    const range = { from: new Date(now - DAY).toISOString(), to: new Date(now).toISOString() };
    const search = writeUrlState('', { range, kql: '' });
    const settled = '[data-test-subj="detections-findings"][aria-busy="false"]';

    async function open(path = '') {
      await ctx.goto(`/detections${search}${path}`);
      await ctx.page.locator(`${settled} [data-test-subj="finding-row"]`).first().waitFor();
    }

    const rowOf = (finding: Finding) =>
      ctx.page.locator(`[data-test-subj="finding-row"][data-entity="${entityKey(finding)}"]`);

    test("the sample's scan, exposed services and failing target, as the route answers them", async () => {
      const answer = await detect(ctx, range);
      const of = (rule: string) => answer.findings.filter((finding) => finding.rule === rule);
      expect(of('port_scan').map((finding) => finding.entity)).toContainEqual({
        'source.ip': SCANNER_IP,
      });
      expect(of('exposed_service').map((finding) => finding.entity)).toEqual(
        expect.arrayContaining([
          { 'destination.ip': EXPOSED_BASTION, 'destination.port': 22 },
          { 'destination.ip': DATABASE, 'destination.port': 5432 },
        ])
      );
      expect(of('alb_error_burst').map((finding) => finding.entity)).toContainEqual({
        'destination.ip': FAILING_TARGET,
      });

      await open();
      const rows = await ctx.page.$$eval('[data-test-subj="finding-row"]', (elements) =>
        elements.map((row) => ({
          entity: row.getAttribute('data-entity'),
          severity: row.querySelector('[data-severity]')?.getAttribute('data-severity'),
          summary: row.querySelector('[data-test-subj="finding-summary"]')?.textContent,
          firstSeen: row
            .querySelector('[data-test-subj="finding-when"]')
            ?.getAttribute('data-first-seen'),
        }))
      );
      expect(rows).toEqual(
        answer.findings.map((finding) => ({
          entity: entityKey(finding),
          severity: finding.severity,
          summary: finding.summary,
          firstSeen: finding.firstSeen,
        }))
      );
      await shotWithIcons(ctx, 'detections');
    });

    test("a port scan's detail: its evidence, timeline and documents, and its scan timeline", async () => {
      const answer = await detect(ctx, range);
      const scan = answer.findings.find(
        (finding) => finding.rule === 'port_scan' && finding.entity['source.ip'] === SCANNER_IP
      )!;
      // The route's figure against Elasticsearch's own count of the scanner's flows.
      const { count } = await ctx.es.count({
        index: 'logs-netobs.vpcflow-*',
        query: {
          bool: {
            filter: [
              { term: { 'source.ip': SCANNER_IP } },
              { range: { '@timestamp': { gte: range.from, lte: range.to } } },
            ],
          },
        },
      });
      expect(scan.evidence.flows).toBe(count);

      await open();
      const { page } = ctx;
      await rowOf(scan).getByTestId('finding-open').click();
      const flyout = page.getByTestId('finding-flyout');
      await flyout.waitFor();
      for (const [key, value] of Object.entries(scan.evidence))
        expect(await flyout.getByTestId(`finding-evidence-${key}`).getAttribute('data-value')).toBe(
          raw(value)
        );
      expect(await flyout.getByTestId('finding-evidence-flows').textContent()).toBe(
        count.toLocaleString('en-US')
      );
      expect(await flyout.getByTestId('finding-discover').getAttribute('data-kql')).toBe(scan.kql);
      const timeline = flyout.getByTestId('finding-timeline');
      await timeline.waitFor();
      expect(Number(await timeline.getAttribute('data-total'))).toBe(count);
      await timeline.locator('[data-ech-render-complete="true"]').waitFor({ state: 'attached' });
      await shotWithIcons(ctx, 'detections-finding');

      await flyout.getByTestId('finding-scans').click();
      await page.locator(`[data-test-subj="scanner-card"][data-source="${SCANNER_IP}"]`).waitFor();
      const url = new URL(page.url());
      expect(url.pathname).toMatch(/\/scans$/);
      expect(url.searchParams.get('source')).toBe(SCANNER_IP);
      expect(url.searchParams.get('_g')).toBe(new URLSearchParams(search).get('_g'));
    });

    test('an exposed service opens the connection doctor on its busiest public source', async () => {
      const answer = await detect(ctx, range);
      const ssh = answer.findings.find(
        (finding) =>
          finding.rule === 'exposed_service' && finding.entity['destination.ip'] === EXPOSED_BASTION
      )!;
      const [busiest] = ssh.evidence.topSources as string[];
      await open();
      await rowOf(ssh).getByTestId('finding-open').click();
      await ctx.page.getByTestId('finding-troubleshoot').click();
      const verdict = ctx.page.getByTestId('connection-verdict');
      await verdict.waitFor();
      const url = new URL(ctx.page.url());
      expect(url.pathname).toMatch(/\/troubleshoot$/);
      expect([url.searchParams.get('a'), url.searchParams.get('b')]).toEqual([
        busiest,
        EXPOSED_BASTION,
      ]);
      expect(url.searchParams.get('port')).toBe('22');
      // The internet reaches the bastion's SSH: the doctor sees the connection succeed.
      expect(await verdict.getAttribute('data-code')).toBe('ok');
    });

    test('the rule filter sends its rules; the catalog lists every rule', async () => {
      const answer = await detect(ctx, { ...range, rules: ['alb_error_burst'] });
      await open('&rules=alb_error_burst');
      const rules = await ctx.page.$$eval('[data-test-subj="finding-row"]', (elements) =>
        elements.map((row) => row.getAttribute('data-entity'))
      );
      expect(rules).toEqual(answer.findings.map((finding) => entityKey(finding)));
      expect(rules.every((key) => key?.startsWith('alb_error_burst:'))).toBe(true);
      await ctx.page.getByTestId('detections-tab-catalog').click();
      await ctx.page.getByTestId('detections-catalog').waitFor();
      expect(await ctx.page.getByTestId('catalog-rule').count()).toBe(6);
      await shotWithIcons(ctx, 'detections-catalog');
    });
  });
}
