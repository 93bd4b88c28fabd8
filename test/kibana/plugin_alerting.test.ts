// The server plugin in a Kibana that has the alerting plugin (test/doubles/kibana_alerting.ts):
// per Kibana version, setup registers the rule type the registry accepts and grants it in the
// feature in the shape that version validates; over HTTP, setup/status/uninstall manage one rule
// per detection in the request's space, as the request's user; without an encryption key,
// alerting is unavailable and everything else works. Elasticsearch is the real local node.
import type http from 'node:http';
import type { IRouter, RequestHandlerContext } from '@kbn/core/server';
import { API_BASE, PLUGIN_ID } from '../../common/constants';
import type { SetupResponse, StatusResponse } from '../../common/api_types';
import { DETECTION_IDS } from '../../common/detections';
import { createRouterAdapter } from '../../dev/app_server/router_adapter';
import { plugin } from '../../server';
import { API_PRIVILEGES } from '../../server/routes';
import { DETECTIONS_RULE_TYPE_ID } from '../../server/lib/alerting/rule_type';
import { installEsAssets } from '../../server/lib/installer/es_assets';
import { summaryState } from '../../server/lib/installer/setup';
import { kibanaSetupDoubles, kibanasClientCopy } from '../doubles/kibana_core';
import type { AlertingUser } from '../doubles/kibana_alerting';
import { ENCRYPTION_KEY_MISSING, KibanaAlertingDouble } from '../doubles/kibana_alerting';
import { KibanaSavedObjectsDouble } from '../doubles/kibana_saved_objects';
import { testClient } from '../support/es_env';
import { serveAdapter } from './serve_adapter';

const es = testClient();
const esInKibana = kibanasClientCopy(es);

/** A Kibana of `version` with the features and alerting plugins, and our plugin set up in it. */
async function kibana(version: string, options: { encryptionKey?: boolean } = {}) {
  const savedObjects = new KibanaSavedObjectsDouble({ kibanaVersion: version });
  const alerting = new KibanaAlertingDouble({
    kibanaVersion: version,
    encryptionKey: options.encryptionKey,
    features: () => doubles.registeredFeatures,
  });
  // Kibana's spaces plugin records each request's space (basePath.set in onRequest) and the
  // rules client reads it from there; the dev router does not, so it is noted here by request.
  const spaceOf = new WeakMap<object, string>();
  const users: Record<string, AlertingUser> = {
    admin: { name: 'admin' },
    reader: { name: 'reader', privilege: 'read' },
  };
  const userName = (headers: http.IncomingHttpHeaders) => String(headers['x-test-user'] ?? 'admin');
  const doubles = kibanaSetupDoubles(savedObjects, {
    publicBaseUrl: 'https://kibana.example.com',
    start: () => ({
      alerting: alerting.start((request) => {
        const { headers } = request as { headers: http.IncomingHttpHeaders };
        return { space: spaceOf.get(headers) ?? 'default', user: users[userName(headers)] };
      }),
    }),
  });
  const adapter = createRouterAdapter(esInKibana, {
    grantedPrivileges: (request, space) => {
      spaceOf.set(request.headers, space);
      return userName(request.headers) === 'reader'
        ? [API_PRIVILEGES.read]
        : [API_PRIVILEGES.read, API_PRIVILEGES.setup];
    },
    coreContext: (space) => ({
      elasticsearch: { client: { asCurrentUser: esInKibana } },
      savedObjects: {
        client: savedObjects.client(space),
        getImporter: () => savedObjects.importer(space),
      },
    }),
  });
  const instance = await plugin({
    env: { packageInfo: { version, branch: version, buildNum: 1 } },
    logger: { get: () => ({ debug: () => undefined }) },
  } as never);
  instance.setup(doubles.core(adapter.router as IRouter<RequestHandlerContext>) as never, {
    features: doubles.features as never,
    alerting: alerting.setup as never,
  });
  return { alerting, adapter, doubles, savedObjects };
}

test.each([
  ['8.16.0', 'ids', false],
  ['8.18.0', 'consumers', false],
  ['9.0.0', 'consumers', false],
  ['9.2.0', 'consumers', true],
] as const)(
  'Kibana %s: the rule type registers and the feature grants it (%s; solution %s)',
  async (version, shape, solution) => {
    const { alerting, doubles } = await kibana(version);
    const type = alerting.types.get(DETECTIONS_RULE_TYPE_ID)!;
    expect(type).toMatchObject({
      producer: PLUGIN_ID,
      minimumLicenseRequired: 'basic',
      isExportable: true,
      category: 'observability',
      defaultActionGroupId: 'finding',
    });
    expect('solution' in type).toBe(solution);
    const [feature] = doubles.registeredFeatures;
    const grant =
      shape === 'ids'
        ? [DETECTIONS_RULE_TYPE_ID]
        : [{ ruleTypeId: DETECTIONS_RULE_TYPE_ID, consumers: [PLUGIN_ID] }];
    expect(feature.alerting).toEqual(grant);
    expect(feature.privileges?.all.alerting).toEqual({
      rule: { all: grant },
      alert: { all: grant },
    });
    expect(feature.privileges?.read.alerting).toEqual({
      rule: { read: grant },
      alert: { read: grant },
    });
  }
);

describe('over HTTP in Kibana 9.2', () => {
  let served: Awaited<ReturnType<typeof serveAdapter>>;
  let base = '';
  let k: Awaited<ReturnType<typeof kibana>>;

  async function call<T>(method: string, path: string, body?: unknown, user = 'admin') {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'kbn-xsrf': 'true', 'content-type': 'application/json', 'x-test-user': user },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  beforeAll(async () => {
    k = await kibana('9.2.0');
    served = await serveAdapter(k.adapter);
    base = served.base;
  });

  afterAll(async () => {
    await served.close();
    await installEsAssets(es);
  });

  test('setup creates the rules disabled, as the user, in the space; status reports them', async () => {
    const setup = await call<SetupResponse>('POST', `${API_BASE}/setup`, {});
    expect(setup.status).toBe(200);
    expect(setup.body.alerting).toMatchObject({ available: true, mode: 'disabled' });
    expect(setup.body.alerting?.results.map((r) => r.action)).toEqual(
      DETECTION_IDS.map(() => 'installed')
    );
    const rules = k.alerting.list('default');
    expect(rules.map((r) => (r.params.rules as string[])[0]).sort()).toEqual(
      [...DETECTION_IDS].sort()
    );
    expect(rules.every((r) => !r.enabled && r.consumer === PLUGIN_ID)).toBe(true);
    const status = await call<StatusResponse>('GET', `${API_BASE}/status`);
    expect(status.body.alerting?.rules.map((r) => r.state)).toEqual(
      DETECTION_IDS.map(() => 'installed')
    );
    // The summary is the assets' (the local node cannot hold the pipelines): the rules add nothing.
    expect(status.body.state).toBe(summaryState(status.body.assets, []));
    // The Read privilege sees them (the feature grants rule read) but may not run setup.
    const asReader = await call<StatusResponse>('GET', `${API_BASE}/status`, undefined, 'reader');
    expect(asReader.body.alerting?.rules).toHaveLength(DETECTION_IDS.length);
    expect((await call('POST', `${API_BASE}/setup`, {}, 'reader')).status).toBe(403);
  });

  test('a bad alertRules option is a 400 naming it', async () => {
    const bad = await call<{ message: string }>('POST', `${API_BASE}/setup`, {
      alertRules: 'sometimes',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('[alertRules]: expected enabled, disabled or none');
  });

  test('enabling through setup, another space, and uninstall of one space', async () => {
    const enabled = await call<SetupResponse>('POST', `${API_BASE}/setup`, {
      alertRules: 'enabled',
    });
    expect(enabled.body.alerting?.results.every((r) => r.note === 'enabled')).toBe(true);
    expect(k.alerting.list('default').every((r) => r.enabled)).toBe(true);
    expect(k.alerting.list('default').every((r) => k.alerting.apiKeyOwner(r.id) === 'admin')).toBe(
      true
    );
    // A user's tuning makes the rule modified; the summary stays installed.
    const [rule] = k.alerting.list('default');
    const rules = await k.alerting
      .start(() => ({ space: 'default', user: { name: 'tuner' } }))
      .getRulesClientWithRequest({});
    await rules.update({ id: rule.id, data: { ...rule, schedule: { interval: '30m' } } });
    const status = await call<StatusResponse>('GET', `${API_BASE}/status`);
    expect(status.body.alerting?.rules.find((r) => r.id === rule.id)?.state).toBe('modified');
    expect(status.body.state).toBe(summaryState(status.body.assets, []));

    await call('POST', `/s/ops${API_BASE}/setup`, {});
    expect(k.alerting.list('ops')).toHaveLength(DETECTION_IDS.length);
    const removed = await call<SetupResponse>('DELETE', `/s/ops${API_BASE}/setup`);
    expect(removed.body.alerting?.results.map((r) => r.action)).toEqual(
      DETECTION_IDS.map(() => 'removed')
    );
    expect(k.alerting.list('ops')).toEqual([]);
    expect(k.alerting.list('default')).toHaveLength(DETECTION_IDS.length);
    // The user's schedule survived both.
    expect(k.alerting.list('default').find((r) => r.id === rule.id)?.schedule.interval).toBe('30m');
  });
});

test('without an encryption key, status and setup say alerting is unavailable; the rest installs', async () => {
  const { adapter, alerting } = await kibana('9.2.0', { encryptionKey: false });
  const { base: url, close } = await serveAdapter(adapter);
  try {
    const setup = (await (
      await fetch(`${url}${API_BASE}/setup`, {
        method: 'POST',
        headers: { 'kbn-xsrf': 'true', 'content-type': 'application/json' },
        body: '{}',
      })
    ).json()) as SetupResponse;
    expect(setup.alerting).toMatchObject({ available: false, reason: ENCRYPTION_KEY_MISSING });
    expect(setup.results.some((r) => r.type === 'dashboard' && r.action !== 'failed')).toBe(true);
    const status = (await (await fetch(`${url}${API_BASE}/status`)).json()) as StatusResponse;
    expect(status.alerting).toEqual({
      available: false,
      reason: ENCRYPTION_KEY_MISSING,
      rules: [],
    });
    expect(alerting.list()).toEqual([]);
  } finally {
    await close();
  }
});

afterAll(async () => {
  await es.close();
});
