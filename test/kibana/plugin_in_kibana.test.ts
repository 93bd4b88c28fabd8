// The server plugin as Kibana runs it: `server/index.ts` loads the plugin class, `setup` meets
// core and the features plugin with Kibana's validation (test/doubles/kibana_core.ts), and the
// routes run over HTTP with a request context holding the space-scoped saved-objects client and
// importer (test/doubles/kibana_saved_objects.ts) and an Elasticsearch client whose errors are
// not instances of our bundled client's classes, as Kibana's own client copy throws them. The
// Elasticsearch side is the real local node.
import type { IRouter, RequestHandlerContext } from '@kbn/core/server';
import { errors } from '@elastic/elasticsearch';
import { API_BASE, ASSET_VERSION, INTERNAL_API_BASE } from '../../common/constants';
import type { SavedObjectIdsResponse, SetupResponse, StatusResponse } from '../../common/api_types';
import { createRouterAdapter } from '../../dev/app_server/router_adapter';
import { plugin } from '../../server';
import { API_PRIVILEGES } from '../../server/routes';
import { loadKibanaAssets } from '../../server/lib/assets/load_kibana_assets';
import { installEsAssets } from '../../server/lib/installer/es_assets';
import { INSTALLATION_ID, INSTALLATION_TYPE } from '../../server/lib/installer/installation_record';
import { kibanaSetupDoubles, kibanasClientCopy } from '../doubles/kibana_core';
import { KibanaSavedObjectsDouble } from '../doubles/kibana_saved_objects';
import { testClient } from '../support/es_env';
import { serveAdapter } from './serve_adapter';

const es = testClient();
const esInKibana = kibanasClientCopy(es);
const savedObjects = new KibanaSavedObjectsDouble({ kibanaVersion: '9.2.0' });
const doubles = kibanaSetupDoubles(savedObjects);
const objects = loadKibanaAssets();
const SAVED_OBJECT_TYPES = new Set(objects.map((o) => o.type));
let served: Awaited<ReturnType<typeof serveAdapter>>;
let base = '';

/** Users by the `x-test-user` header: a reader holds only the feature's Read privilege. */
const PRIVILEGES: Record<string, string[]> = {
  reader: [API_PRIVILEGES.read],
  admin: [API_PRIVILEGES.read, API_PRIVILEGES.setup],
};

const adapter = createRouterAdapter(esInKibana, {
  grantedPrivileges: (request) => PRIVILEGES[String(request.headers['x-test-user'] ?? 'admin')],
  coreContext: (space) => ({
    elasticsearch: { client: { asCurrentUser: esInKibana } },
    savedObjects: {
      client: savedObjects.client(space),
      getImporter: () => savedObjects.importer(space),
    },
  }),
});

async function call<T>(method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'kbn-xsrf': 'true', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const savedObjectResults = (response: SetupResponse) =>
  response.results.filter((r) => SAVED_OBJECT_TYPES.has(r.type));
const savedObjectStatus = (response: StatusResponse) =>
  response.assets.filter((a) => SAVED_OBJECT_TYPES.has(a.type));

beforeAll(async () => {
  const instance = await plugin({
    logger: { get: () => ({ debug: () => undefined }) },
  } as never);
  instance.setup(doubles.core(adapter.router as IRouter<RequestHandlerContext>) as never, {
    features: doubles.features as never,
  });
  served = await serveAdapter(adapter);
  base = served.base;
});

afterAll(async () => {
  await served.close();
  // Leave the Elasticsearch assets installed for the suites that follow.
  await installEsAssets(es);
  await es.close();
});

test('setup registers what Kibana accepts: the record type and a valid feature', () => {
  expect(doubles.types.map((t) => t.name)).toEqual([INSTALLATION_TYPE]);
  const [feature] = doubles.registeredFeatures;
  expect(feature.privileges?.all.savedObject.all).toContain(INSTALLATION_TYPE);
  expect(feature.privileges?.read.savedObject.read).toContain(INSTALLATION_TYPE);
  expect(feature).not.toHaveProperty('scope');
  // No alerting plugin in this Kibana: no rule type to grant.
  expect(feature).not.toHaveProperty('alerting');
  expect(feature.privileges?.all).not.toHaveProperty('alerting');
});

test('without the alerting plugin, status and setup say alerting is unavailable', async () => {
  const unavailable = {
    available: false,
    reason: 'the alerting plugin is not enabled in this Kibana (or its build has none)',
  };
  const status = await call<StatusResponse>('GET', `${API_BASE}/status`);
  expect(status.body.alerting).toEqual({ ...unavailable, rules: [] });
  const setup = await call<SetupResponse>('POST', `${API_BASE}/setup`, { alertRules: 'none' });
  expect(setup.body.alerting).toEqual({ ...unavailable, results: [] });
  // The app's saved-object ids need no alerting.
  const links = await fetch(`${base}${INTERNAL_API_BASE}/saved_objects`, {
    headers: { 'x-elastic-internal-origin': 'Kibana' },
  });
  expect(links.status).toBe(200);
});

test('a user with the Read privilege may read status but not install or remove', async () => {
  const as = (method: string, path: string) =>
    fetch(`${base}${path}`, {
      method,
      headers: { 'kbn-xsrf': 'true', 'content-type': 'application/json', 'x-test-user': 'reader' },
      body: method === 'POST' ? '{}' : undefined,
    });
  const setup = await as('POST', `${API_BASE}/setup`);
  expect(setup.status).toBe(403);
  expect(await setup.json()).toEqual({
    statusCode: 403,
    error: 'Forbidden',
    message: `API [POST ${API_BASE}/setup] is unauthorized for user, this action is granted by the Kibana privileges [${API_PRIVILEGES.setup}]`,
  });
  expect((await as('DELETE', `${API_BASE}/setup`)).status).toBe(403);
  expect((await as('GET', `${API_BASE}/status`)).status).toBe(200);
});

test("Kibana's client copy throws errors that are not our client's instances", async () => {
  const thrown = await esInKibana.ingest
    .getPipeline({ id: 'netobs-does-not-exist' })
    .catch((error: unknown) => error);
  expect(thrown).not.toBeInstanceOf(errors.ResponseError);
  expect(thrown).toMatchObject({ name: 'ResponseError', meta: { statusCode: 404 } });
});

test("status after uninstall answers 200 with what is missing, through Kibana's client copy", async () => {
  await call('DELETE', `${API_BASE}/setup?elasticsearch=true`);
  const status = await call<StatusResponse>('GET', `${API_BASE}/status`);
  expect(status.status).toBe(200);
  // Elasticsearch answered 404 for each pipeline (the local node cannot hold them): missing, not
  // a 500. Templates other suites' data streams still use may remain; saved objects are gone.
  const states = (type: string) =>
    new Set(status.body.assets.filter((a) => a.type === type).map((a) => a.state));
  expect(states('ingest_pipeline')).toEqual(new Set(['missing']));
  expect(new Set(savedObjectStatus(status.body).map((a) => a.state))).toEqual(new Set(['missing']));
});

test('setup in the default space installs every saved object under our ids', async () => {
  const setup = await call<SetupResponse>('POST', `${API_BASE}/setup`, {});
  expect(setup.status).toBe(200);
  expect(new Set(savedObjectResults(setup.body).map((r) => r.action))).toEqual(
    new Set(['installed'])
  );
  const status = await call<StatusResponse>('GET', `${API_BASE}/status`);
  expect(savedObjectStatus(status.body)).toHaveLength(objects.length);
  expect(
    savedObjectStatus(status.body).every((a) => a.state === 'installed' && a.id === a.name)
  ).toBe(true);
  // A second run changes nothing.
  const again = await call<SetupResponse>('POST', `${API_BASE}/setup`, {});
  expect(new Set(savedObjectResults(again.body).map((r) => r.action))).toEqual(
    new Set(['unchanged'])
  );
});

test('a second space gets its own objects and ids; uninstall there leaves the default space', async () => {
  const setup = await call<SetupResponse>('POST', `/s/ops${API_BASE}/setup`, {});
  expect(new Set(savedObjectResults(setup.body).map((r) => r.action))).toEqual(
    new Set(['installed'])
  );
  const ops = savedObjectStatus(
    (await call<StatusResponse>('GET', `/s/ops${API_BASE}/status`)).body
  );
  expect(ops.every((a) => a.state === 'installed' && a.id !== a.name)).toBe(true);
  // Those ids are the objects Kibana has in that space.
  const stored = new Set(savedObjects.list('ops').map((o) => `${o.type}/${o.id}`));
  for (const asset of ops) expect(stored).toContain(`${asset.type}/${asset.id}`);
  // The app asks for the same ids to build its links in that space.
  const links = await fetch(`${base}/s/ops${INTERNAL_API_BASE}/saved_objects`, {
    headers: { 'x-elastic-internal-origin': 'Kibana' },
  });
  expect(((await links.json()) as SavedObjectIdsResponse).objects).toEqual(
    ops.map(({ type, name, id }) => ({ type, name, id }))
  );

  const removed = await call<SetupResponse>('DELETE', `/s/ops${API_BASE}/setup`);
  expect(new Set(savedObjectResults(removed.body).map((r) => r.action))).toEqual(
    new Set(['removed'])
  );
  // The Elasticsearch assets every space shares stay unless asked for.
  expect(removed.body.results).toHaveLength(objects.length);
  expect(
    (await es.indices.getIndexTemplate({ name: 'logs-netobs.vpcflow' })).index_templates
  ).toHaveLength(1);
  expect((await call('DELETE', `/s/ops${API_BASE}/setup?elasticsearch=maybe`)).status).toBe(400);
  expect(savedObjects.list('ops')).toEqual([]);
  const defaults = savedObjectStatus(
    (await call<StatusResponse>('GET', `${API_BASE}/status`)).body
  );
  expect(new Set(defaults.map((a) => a.state))).toEqual(new Set(['installed']));
});

test('a release older than the installed one refuses to set up, and changes nothing', async () => {
  const client = savedObjects.client('default');
  const [found] = (await client.bulkGet([{ type: INSTALLATION_TYPE, id: INSTALLATION_ID }]))
    .saved_objects;
  await client.create(
    INSTALLATION_TYPE,
    { ...found.attributes, version: '99.0.0' },
    { id: INSTALLATION_ID, overwrite: true }
  );
  const imports = savedObjects.imports.length;
  const refused = await call<{ message: string }>('POST', `${API_BASE}/setup`, { force: true });
  expect(refused.status).toBe(409);
  expect(refused.body.message).toBe(
    `Network Observability 99.0.0 is installed; this is release ${ASSET_VERSION}. ` +
      'Setup does not downgrade: upgrade this plugin or CLI, or uninstall first.'
  );
  expect(savedObjects.imports.length).toBe(imports);
  const status = await call<StatusResponse>('GET', `${API_BASE}/status`);
  expect(status.body.state).toBe('newer');
  await client.create(INSTALLATION_TYPE, found.attributes ?? {}, {
    id: INSTALLATION_ID,
    overwrite: true,
  });
});
