// `npm start`'s first screen: on the local Elasticsearch, which cannot hold ingest pipelines, the
// app server is told where they run (the OpenSearch ingest engine). Status then reports them
// installed there, with no "cannot run the pipelines" warning, and setup puts them there instead
// of failing them. Without an engine the warning stays (routes.test.ts).
import { startAppServer } from '../../dev/app_server/server';
import { API_BASE } from '../../common/constants';
import type { SetupResponse, StatusResponse } from '../../common/api_types';
import { loadEsAssets } from '../../server/lib/assets/load_es_assets';
import { esUrl } from '../support/es_env';
import { ingestEngine } from '../support/ingest_engine';

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
