// Setup with real privileges: a secured local Elasticsearch node (file-realm users from
// dev/elasticsearch/node.ts), the installer and the plugin's routes acting as the current user.
// A user who may manage templates but not ingest pipelines gets every template installed and a
// per-asset failure naming the missing privilege for each pipeline, never a blanket error; a
// read-only user is told which privileges setup needs; analytics without read access is a 403.
import { Client } from '@elastic/elasticsearch';
import type { SetupResponse, StatusResponse } from '../../common/api_types';
import { API_BASE, INTERNAL_API_BASE } from '../../common/constants';
import { startAppServer } from '../../dev/app_server/server';
import { SECURITY_USERS, startNode, stopNode } from '../../dev/elasticsearch/node';
import { runSetup, setupStatus } from '../../server/lib/installer/setup';

const PORT = Number(process.env.NETOBS_TEST_SECURE_ES_PORT ?? 9290);
const url = `http://127.0.0.1:${PORT}`;
const as = (user: keyof typeof SECURITY_USERS) =>
  new Client({ node: url, auth: { ...SECURITY_USERS[user] } });

let started = false;
beforeAll(async () => {
  const node = await startNode({ port: PORT, fresh: true, security: true });
  started = !node.alreadyRunning;
}, 180_000);
afterAll(async () => {
  if (started) await stopNode(PORT);
});

test('without credentials the secured node refuses, so the users below are really checked', async () => {
  const anonymous = new Client({ node: url });
  await expect(anonymous.info()).rejects.toMatchObject({ meta: { statusCode: 401 } });
  await anonymous.close();
});

// Runs before anything is installed on this node, so every asset is attempted.
test('a read-only user is told both privileges setup needs, and installs nothing', async () => {
  const client = as('viewer');
  expect((await setupStatus(client)).privileges.missing.sort()).toEqual([
    'manage_index_templates',
    'manage_ingest_pipelines',
  ]);
  const result = await runSetup(client, {});
  expect(
    result.results.every((r) => r.action === 'failed' && (r.missingPrivileges?.length ?? 0) > 0)
  ).toBe(true);
  await client.close();
});

test('a user without the pipeline privilege: templates installed, each pipeline fails naming it', async () => {
  const client = as('templater');
  const status = await setupStatus(client);
  expect(status.privileges.missing).toEqual(['manage_ingest_pipelines']);
  // Pipelines it may not even read show as unreadable, with the reason; the rest still report.
  const pipelineStates = status.assets.filter((a) => a.type === 'ingest_pipeline');
  expect(pipelineStates.length).toBeGreaterThanOrEqual(5);
  for (const asset of pipelineStates) {
    expect(asset.state).toBe('unreadable');
    expect(asset.reason).toMatch(/read_pipeline/);
  }
  expect(
    status.assets.filter((a) => a.type !== 'ingest_pipeline').every((a) => a.state === 'missing')
  ).toBe(true);

  const result = await runSetup(client, {});
  expect(result.ok).toBe(false);
  const pipelines = result.results.filter((r) => r.type === 'ingest_pipeline');
  expect(pipelines.length).toBeGreaterThanOrEqual(5);
  for (const pipeline of pipelines) {
    expect(pipeline.action).toBe('failed');
    expect(pipeline.missingPrivileges).toEqual(expect.arrayContaining(['manage_ingest_pipelines']));
    expect(pipeline.error).toMatch(/unauthorized for user \[netobs_templater\]/);
  }
  const templates = result.results.filter((r) => r.type !== 'ingest_pipeline');
  expect(templates.length).toBeGreaterThan(5);
  for (const template of templates)
    expect([template.name, template.action]).toEqual([template.name, 'installed']);
  await client.close();
});

test('the setup route answers per asset for that user, and status names what is missing', async () => {
  const app = await startAppServer({ esUrl: url, port: 0, esAuth: SECURITY_USERS.templater });
  try {
    const setup = await fetch(`${app.url}${API_BASE}/setup`, {
      method: 'POST',
      headers: { 'kbn-xsrf': 'true', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(setup.status).toBe(200);
    const body = (await setup.json()) as SetupResponse;
    expect(body.ok).toBe(false);
    expect(body.results.filter((r) => r.action === 'failed').map((r) => r.type)).toEqual(
      expect.arrayContaining(['ingest_pipeline'])
    );
    expect(body.results.every((r) => r.action !== 'failed' || r.type === 'ingest_pipeline')).toBe(
      true
    );

    const status = await fetch(`${app.url}${API_BASE}/status`);
    expect(((await status.json()) as StatusResponse).privileges.missing).toEqual([
      'manage_ingest_pipelines',
    ]);

    // The same user may not read network data: analytics is a 403 naming the index privilege.
    const overview = await fetch(`${app.url}${INTERNAL_API_BASE}/overview/vpcflow`, {
      method: 'POST',
      headers: { 'x-elastic-internal-origin': 'Kibana', 'content-type': 'application/json' },
      body: JSON.stringify({ from: 'now-1d', to: 'now' }),
    });
    expect(overview.status).toBe(403);
    expect(((await overview.json()) as { message: string }).message).toMatch(
      /^Missing privilege .*read/
    );
  } finally {
    await app.close();
  }
});
