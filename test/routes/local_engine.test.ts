// `npm start`'s first screen: on the local Elasticsearch, which cannot hold ingest pipelines, the
// app server is told where they run (the OpenSearch ingest engine). Status then reports them
// installed there, with no "cannot run the pipelines" warning, and setup puts them there instead
// of failing them. Without an engine the warning stays (routes.test.ts).
import { startAppServer } from '../../dev/app_server/server';
import { API_BASE } from '../../common/constants';
import type { SetupResponse, StatusResponse } from '../../common/api_types';
import { loadEsAssets } from '../../server/lib/assets/load_es_assets';
import { esUrl } from '../support/es_env';
import { ingestEngine, simulate } from '../support/ingest_engine';
import { enginePipelineHost } from '../../dev/ingest_bridge/engine_pipelines';
import { hostPipelineOptions } from '../../server/lib/installer/setup';

let app: { url: string; close: () => Promise<void> };
let onEngine = false;

beforeAll(async () => {
  const engine = await ingestEngine();
  onEngine = !engine.isElasticsearch;
  app = await startAppServer({
    esUrl: esUrl(),
    port: 0,
    shellDir: __dirname,
    ingestEngineUrl: onEngine ? engine.url : undefined,
  });
});
afterAll(() => app.close());

const call = async <T>(method: string, path: string, body?: unknown) => {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { 'kbn-xsrf': 'true', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
};

test('setup puts the pipelines on the engine; status reports them installed there, no warning', async () => {
  const setup = await call<SetupResponse>('POST', `${API_BASE}/setup`, {});
  expect(setup.status).toBe(200);
  expect(setup.body.ok).toBe(true);
  const status = (await call<StatusResponse>('GET', `${API_BASE}/status`)).body;
  const pipelines = status.assets.filter((a) => a.type === 'ingest_pipeline');
  expect(pipelines).toHaveLength(loadEsAssets('ingest_pipeline').length);
  expect(new Set(pipelines.map((p) => p.state))).toEqual(new Set(['installed']));
  expect(status.missingProcessors).toBeUndefined();
  expect(status.state).toBe('installed');
  if (onEngine) {
    expect(status.pipelinesOn).toBe('the local ingest engine');
    expect(pipelines.every((p) => p.reason === 'runs on the local ingest engine')).toBe(true);
    expect(
      setup.body.results
        .filter((r) => r.type === 'ingest_pipeline')
        .every((r) => r.action === 'installed' && r.note === 'on the local ingest engine')
    ).toBe(true);
  }
});

test("setup's pipeline options reach the engine, stay on a re-run and a restart, and status reports them", async () => {
  // On a cluster that runs the pipelines itself, routes.test.ts and the installer tests cover this.
  if (!onEngine) return;
  const engine = await ingestEngine();
  const line =
    '2 123456789012 eni-0a1b2c3d 10.0.0.1 10.0.0.2 443 49152 6 10 840 1764590400 1764590460 ACCEPT OK';
  const group = '/aws/vpc/custom-flows';
  const format = 'version srcaddr dstaddr srcport dstport protocol start end action log-status';
  const parsed = async () => (await simulate(engine, 'netobs-vpcflow', [{ message: line }]))[0];
  const attached = async () =>
    (
      await simulate(engine, 'netobs-flowlog-formats', [
        { message: 'x', awscloudwatch: { log_group: group } },
      ])
    )[0];
  const settings = async () =>
    (await call<StatusResponse>('GET', `${API_BASE}/status`)).body.settings;
  try {
    const setup = await call<SetupResponse>('POST', `${API_BASE}/setup`, {
      keepOriginal: true,
      flowLogFormats: { [group]: format },
    });
    expect(setup.body.ok).toBe(true);
    expect((await parsed()).event).toMatchObject({ original: line });
    expect(await attached()).toMatchObject({
      netobs: { source: 'vpcflow', flowlog: { fields: format } },
    });
    expect(await settings()).toMatchObject({
      keepOriginal: true,
      flowLogFormats: { [group]: format },
    });

    // The app's Install/Upgrade button sends no options: what the engine holds stays.
    expect((await call<SetupResponse>('POST', `${API_BASE}/setup`, {})).body.ok).toBe(true);
    expect((await parsed()).event).toMatchObject({ original: line });
    expect(await settings()).toMatchObject({
      keepOriginal: true,
      flowLogFormats: { [group]: format },
    });

    // What `npm start` does on a restart: this release's pipelines with the engine's options.
    const host = enginePipelineHost(engine.url);
    const held = await hostPipelineOptions(host);
    expect(held).toEqual({ keepOriginal: true, flowLogFormats: { [group]: format } });
    await host.install(held);
    expect((await parsed()).event).toMatchObject({ original: line });
  } finally {
    // Back to the shipped pipelines, which the other suites expect.
    const reset = await call<SetupResponse>('POST', `${API_BASE}/setup`, {
      keepOriginal: false,
      flowLogFormats: {},
    });
    expect(reset.body.ok).toBe(true);
  }
  expect((await parsed()).event).not.toHaveProperty('original');
  expect(await attached()).not.toHaveProperty('netobs');
  expect(await settings()).toMatchObject({ keepOriginal: false, flowLogFormats: {} });
});
