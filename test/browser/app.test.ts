// The app in a real headless Chromium against a real, initially empty Elasticsearch: the empty
// state, setup through the button, the sample shipped through the real forwarder CLI, the scan
// and the failing target on the overview, a prebuilt query's live count equal to Elasticsearch's
// own count, and the KQL bar filtering the charts. Screenshots go to test/screenshots/.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import type { Browser, Page } from 'playwright-core';
import { startAppServer } from '../../dev/app_server/server';
import { startNode, stopNode } from '../../dev/elasticsearch/node';
import { startBridge } from '../../dev/ingest_bridge/bridge';
import { FAILING_TARGET, generateSample, SCANNER_IP } from '../../dev/sample/generate';
import { launchBrowser } from '../support/browser';
import { ingestEngine, installPipelines } from '../support/ingest_engine';
import { chartSections } from './sections/charts';
import type { BrowserContext } from './sections/context';
import { querySections } from './sections/queries';
import { scansSections } from './sections/scans';
import { troubleshootSections } from './sections/troubleshoot';
import { queryBarSections } from './sections/query_bar';
import { setupSourcesSections } from './sections/setup_sources';
import { drillDownSections } from './sections/drill_down';
import { spikesSections } from './sections/spikes';
import { loadEsAssets } from '../../server/lib/assets/load_es_assets';
import { detectionsSections } from './sections/detections';
import { geoSections } from './sections/geo';

const ROOT = path.resolve(__dirname, '..', '..');
const SCREENSHOTS = path.join(ROOT, 'test', 'screenshots');
/** A fresh node of its own: the shared test node holds other suites' data and assets. */
const PORT = Number(process.env.NETOBS_BROWSER_ES_PORT ?? 9252);

let es: Client;
let esUrl: string;
let browser: Browser;
let page: Page;
let app: { url: string; close: () => Promise<void> };
/** What the sections under ./sections see (filled in beforeAll). */
const ctx = {} as BrowserContext;
let bridge: { url: string; close: () => Promise<void> } | undefined;
let startedNode = false;

async function shot(name: string): Promise<void> {
  // Animations run to their end: EUI fades icons in, which a picture would catch half-drawn.
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}

async function goto(route: string): Promise<void> {
  await page.goto(`${app.url}${route}`);
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  if (process.env.NETOBS_BROWSER_ES_URL) {
    esUrl = process.env.NETOBS_BROWSER_ES_URL;
  } else {
    const node = await startNode({ port: PORT, fresh: true });
    startedNode = !node.alreadyRunning;
    esUrl = node.url;
  }
  es = new Client({ node: esUrl });
  execFileSync('node', [path.join(ROOT, 'dev', 'app_shell', 'build.mjs')], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  // As npm start does: where this Elasticsearch cannot hold the pipelines, the engine runs them.
  const engine = await ingestEngine();
  // Pipelines left on the shared engine by earlier runs must not make a fresh cluster look
  // installed: the empty state below is checked with them there.
  await installPipelines(engine);
  app = await startAppServer({
    esUrl,
    port: 0,
    ingestEngineUrl: engine.isElasticsearch ? undefined : engine.url,
  });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  Object.assign(ctx, { es, page, appUrl: app.url, goto, shot });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await bridge?.close();
  await es?.close();
  if (startedNode) await stopNode(PORT);
});

test('an empty cluster shows the setup empty state', async () => {
  await goto('/overview/vpcflow');
  await page.getByTestId('empty-setup').waitFor();
  await shot('empty-state');
});

test('setup installs the assets through the button', async () => {
  await goto('/setup');
  await page.getByTestId('setup-install').click();
  await page.getByTestId('setup-results').waitFor();
  const installed = await page
    .locator('[data-test-subj^="setup-result-index_template-"][data-action="installed"]')
    .count();
  const indexTemplates = loadEsAssets('index_template').length;
  expect(installed).toBe(indexTemplates);
  const templates = await es.indices.getIndexTemplate({ name: 'logs-netobs.*' });
  expect(templates.index_templates).toHaveLength(indexTemplates);
  // No asset failed: the pipelines went where they can run, and the page says so quietly.
  expect(
    await page.locator('[data-test-subj^="setup-result-"][data-action="failed"]').count()
  ).toBe(0);
  await page.getByTestId('setup-state').and(page.locator('[data-state="installed"]')).waitFor();
  await shot('setup');
});

test('the sample, shipped through the real forwarder, shows the scan and the failing target', async () => {
  const engine = await ingestEngine();
  await installPipelines(engine);
  const processors = engine.isElasticsearch;
  bridge = processors ? undefined : await startBridge({ elasticsearch: esUrl, engine: engine.url });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netobs-browser-sample-'));
  generateSample({ dir });
  // Asynchronously: the bridge answering the CLI lives in this process.
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const args = [path.join(ROOT, 'bin', 'netobs.js'), 'ship', dir, '--es', bridge?.url ?? esUrl];
    const child = spawn('node', args, { cwd: ROOT, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  expect(exitCode).toBe(0);
  await es.indices.refresh({ index: 'logs-netobs.*' });

  await goto('/overview/vpcflow');
  const flows = page.getByTestId('kpi-vpcflow-flows');
  await flows.waitFor();
  const expectedFlows = (
    await es.count({
      index: 'logs-netobs.vpcflow-*',
      query: { range: { '@timestamp': { gte: 'now-24h' } } },
    })
  ).count;
  expect(Number(await flows.getAttribute('data-value'))).toBe(expectedFlows);
  await page.getByTestId('panel-toggle-top_rejected_sources').click();
  await page.getByTestId(`row-${SCANNER_IP}`).first().waitFor();
  await shot('overview-vpc');

  await page.getByTestId('source-tab-alb').click();
  await page.getByTestId('panel-toggle-errors_by_target').click();
  await page.getByTestId(`row-${FAILING_TARGET}`).first().waitFor();
  await shot('overview-alb');
});

test("a prebuilt query's live count equals Elasticsearch's count of the same data", async () => {
  await goto('/queries');
  const count = page.getByTestId('query-count-vpc-rejected-from-10-8');
  // Counts load as their cards come near the screen.
  await page.waitForSelector('[data-test-subj="query-count-vpc-rejected-from-10-8"]', {
    state: 'attached',
  });
  await page.evaluate(() =>
    document
      .querySelector('[data-test-subj="query-count-vpc-rejected-from-10-8"]')
      ?.scrollIntoView({ block: 'center' })
  );
  await page.waitForFunction(
    () =>
      document
        .querySelector('[data-test-subj="query-count-vpc-rejected-from-10-8"]')
        ?.getAttribute('data-loading') === 'false'
  );
  const expected = await es.count({
    index: 'logs-netobs.vpcflow-*',
    query: {
      bool: {
        filter: [
          { range: { '@timestamp': { gte: 'now-24h' } } },
          { term: { 'event.action': 'reject' } },
          { term: { 'source.ip': '10.0.0.0/8' } },
        ],
      },
    },
  });
  expect(expected.count).toBeGreaterThan(0);
  expect(Number(await count.getAttribute('data-count'))).toBe(expected.count);
  // For the README's full-page picture, every card scrolled past once so all counts load.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForFunction(
    () => document.querySelector('[data-test-subj^="query-count-"][data-loading="true"]') === null
  );
  await shot('queries');
});

test('the KQL bar filters the charts', async () => {
  await goto('/overview/vpcflow');
  await page.getByTestId('kpi-vpcflow-flows').waitFor();
  await page.getByTestId('kql-input').fill(`source.ip: "${SCANNER_IP}"`);
  await page.getByTestId('kql-submit').click();
  const expected = (
    await es.count({
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
  await page.waitForFunction(
    (value) =>
      document.querySelector('[data-test-subj="kpi-vpcflow-flows"]')?.getAttribute('data-value') ===
      String(value),
    expected
  );
  await shot('overview-filtered');
  await goto('/sources');
  await page.getByTestId('freshness').waitFor();
  await shot('sources');
});

// Each area's browser tests, against the cluster set up above (sample shipped, assets
// installed). They run in this order, after the tests above.
chartSections(ctx);
querySections(ctx);
queryBarSections(ctx);
setupSourcesSections(ctx);
drillDownSections(ctx);
troubleshootSections(ctx);
scansSections(ctx);
spikesSections(ctx);
detectionsSections(ctx);
geoSections(ctx);
