// `netobs setup|status --kibana`: the bundled CLI (bin/netobs.js, as users run it) installs the
// Elasticsearch assets into the real node and the saved objects through Kibana's saved-objects
// HTTP API. No Kibana can run here (it is on neither npm nor Maven Central), so Kibana is a
// loopback server speaking the three endpoints the CLI uses, with Kibana's xsrf and import
// conflict rules; what is asserted is the HTTP conversation and the CLI's report.
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadKibanaAssets } from '../../server/lib/assets/load_kibana_assets';
import { installEsAssets } from '../../server/lib/installer/es_assets';
import { esUrl, testClient } from '../support/es_env';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const objects = loadKibanaAssets();

interface Stored {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  managed?: boolean;
}

/** Kibana's saved-objects API as far as the CLI uses it. */
function fakeKibana() {
  const store = new Map<string, Stored>();
  const imports: { overwrite: boolean; count: number }[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://kibana');
    const reply = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (req.method !== 'GET' && !req.headers['kbn-xsrf'])
      return reply(400, { statusCode: 400, message: 'Request must contain a kbn-xsrf header.' });
    if (req.method === 'POST' && url.pathname === '/api/saved_objects/_bulk_get') {
      const wanted = JSON.parse(body.toString()) as { type: string; id: string }[];
      return reply(200, {
        saved_objects: wanted.map(
          ({ type, id }) =>
            store.get(`${type}/${id}`) ?? {
              type,
              id,
              error: { statusCode: 404, message: 'Not Found' },
            }
        ),
      });
    }
    if (req.method === 'POST' && url.pathname === '/api/saved_objects/_import') {
      const form = await new Request('http://kibana', {
        method: 'POST',
        headers: { 'content-type': String(req.headers['content-type']) },
        body,
      }).formData();
      const file = form.get('file') as Blob;
      const lines = (await file.text()).trim().split('\n');
      const overwrite = url.searchParams.get('overwrite') === 'true';
      imports.push({ overwrite, count: lines.length });
      const errors: unknown[] = [];
      const successResults: unknown[] = [];
      for (const line of lines) {
        const object = JSON.parse(line) as Stored;
        const key = `${object.type}/${object.id}`;
        if (store.has(key) && !overwrite) {
          errors.push({ id: object.id, type: object.type, error: { type: 'conflict' } });
          continue;
        }
        store.set(key, object);
        successResults.push({ id: object.id, type: object.type });
      }
      return reply(200, {
        success: errors.length === 0,
        successCount: successResults.length,
        successResults,
        errors,
      });
    }
    const match = /^\/api\/saved_objects\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'DELETE' && match) {
      const deleted = store.delete(`${match[1]}/${decodeURIComponent(match[2])}`);
      return deleted ? reply(200, {}) : reply(404, { statusCode: 404, message: 'Not Found' });
    }
    reply(404, { statusCode: 404, message: `no route ${req.method} ${url.pathname}` });
  });
  return { server, store, imports };
}

async function netobs(...args: string[]) {
  try {
    const { stdout } = await run('node', [path.join(ROOT, 'bin', 'netobs.js'), ...args], {
      cwd: ROOT,
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout + failed.stderr };
  }
}

/** The CLI's report lines for saved objects: "<action|state> <type> <id>". */
const savedObjectLines = (stdout: string) =>
  stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, type]) => ['index-pattern', 'search', 'query', 'dashboard'].includes(type))
    .map(([word, type, id]) => `${word} ${type}/${id}`);

const kibana = fakeKibana();
let kibanaUrl = '';

beforeAll(async () => {
  await run('node', [path.join(ROOT, 'dev', 'build_cli.mjs')], { cwd: ROOT });
  await new Promise<void>((resolve) => kibana.server.listen(0, '127.0.0.1', resolve));
  kibanaUrl = `http://127.0.0.1:${(kibana.server.address() as AddressInfo).port}`;
});
afterAll(() => kibana.server.close());

test('setup installs every saved object: data views without overwrite, the rest managed', async () => {
  const first = await netobs('setup', '--es', esUrl(), '--kibana', kibanaUrl);
  expect(savedObjectLines(first.stdout).sort()).toEqual(
    objects.map((o) => `installed ${o.type}/${o.id}`).sort()
  );
  const dataViews = objects.filter((o) => o.type === 'index-pattern').length;
  expect(kibana.imports).toEqual([
    { overwrite: false, count: dataViews },
    { overwrite: true, count: objects.length - dataViews },
  ]);
  expect(kibana.store.size).toBe(objects.length);
  expect([...kibana.store.values()].every((o) => o.managed === true)).toBe(true);
  // Elasticsearch assets are reported in the same run.
  expect(first.stdout).toMatch(/component_template\s+netobs-ecs/);
});

test('a second setup changes nothing, and status shows every saved object installed', async () => {
  const importsBefore = kibana.imports.length;
  const second = await netobs('setup', '--es', esUrl(), '--kibana', kibanaUrl);
  expect(new Set(savedObjectLines(second.stdout).map((line) => line.split(' ')[0]))).toEqual(
    new Set(['unchanged'])
  );
  expect(kibana.imports.length).toBe(importsBefore);

  const status = await netobs('status', '--es', esUrl(), '--kibana', kibanaUrl);
  expect(savedObjectLines(status.stdout).sort()).toEqual(
    objects.map((o) => `installed ${o.type}/${o.id}`).sort()
  );
});

test("a user's data view edit is kept, an edited dashboard is put back", async () => {
  const view = kibana.store.get('index-pattern/netobs-vpcflow') as Stored;
  view.attributes = { ...view.attributes, timeFieldName: 'event.end' };
  const dashboard = kibana.store.get('dashboard/netobs-alb') as Stored;
  dashboard.attributes = { ...dashboard.attributes, panelsJSON: '[]' };

  const status = await netobs('status', '--es', esUrl(), '--kibana', kibanaUrl);
  expect(savedObjectLines(status.stdout)).toEqual(
    expect.arrayContaining([
      'modified index-pattern/netobs-vpcflow',
      'outdated dashboard/netobs-alb',
    ])
  );
  const setup = await netobs('setup', '--es', esUrl(), '--kibana', kibanaUrl);
  expect(savedObjectLines(setup.stdout)).toEqual(
    expect.arrayContaining([
      'unchanged index-pattern/netobs-vpcflow',
      'updated dashboard/netobs-alb',
    ])
  );
  expect(kibana.store.get('index-pattern/netobs-vpcflow')?.attributes.timeFieldName).toBe(
    'event.end'
  );
  expect(kibana.store.get('dashboard/netobs-alb')?.attributes.panelsJSON).not.toBe('[]');
});

test('uninstall removes every saved object and our Elasticsearch assets, and nothing else', async () => {
  kibana.store.set('dashboard/someone-elses', {
    type: 'dashboard',
    id: 'someone-elses',
    attributes: {},
  });
  const result = await netobs('uninstall', '--es', esUrl(), '--kibana', kibanaUrl);
  expect(savedObjectLines(result.stdout).sort()).toEqual(
    objects.map((o) => `removed ${o.type}/${o.id}`).sort()
  );
  expect([...kibana.store.keys()]).toEqual(['dashboard/someone-elses']);
  // Elasticsearch assets are removed too, except templates another suite's data stream still
  // uses (Elasticsearch refuses, and the CLI says why): never data.
  expect(result.stdout).toMatch(
    /removed\s+component_template\s+netobs-ecs|failed\s+component_template\s+netobs-ecs\s+.*still in use/
  );
  // Saved objects go before data views, so nothing is left pointing at a removed view.
  const order = savedObjectLines(result.stdout).map((line) => line.split(' ')[1].split('/')[0]);
  expect(order.lastIndexOf('dashboard')).toBeLessThan(order.indexOf('index-pattern'));
  // Leave the Elasticsearch assets installed for the suites that follow.
  const client = testClient();
  await installEsAssets(client);
  await client.close();
});

test('an unreachable Kibana is a clear error, not a stack trace', async () => {
  const result = await netobs('status', '--es', esUrl(), '--kibana', 'http://127.0.0.1:9');
  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(/cannot reach Kibana at http:\/\/127\.0\.0\.1:9/);
});
