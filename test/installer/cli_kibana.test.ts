// `netobs setup|status|uninstall --kibana`: the bundled CLI (bin/netobs.js, as users run it)
// installs the Elasticsearch assets into the real node and the saved objects through Kibana's
// saved-objects HTTP API. No Kibana can run here (it is on neither npm nor Maven Central), so
// Kibana is the in-memory saved-objects double behind its HTTP routes (test/doubles/kibana_http.ts
// and kibana_saved_objects.ts name the Kibana files they follow): with this plugin installed (the
// installation record's type registered) and without it.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadKibanaAssets } from '../../server/lib/assets/load_kibana_assets';
import { installEsAssets } from '../../server/lib/installer/es_assets';
import { INSTALLATION_TYPE } from '../../server/lib/installer/installation_record';
import type { KibanaHttpDouble } from '../doubles/kibana_http';
import { startKibanaHttpDouble } from '../doubles/kibana_http';
import { KibanaSavedObjectsDouble } from '../doubles/kibana_saved_objects';
import { esUrl, testClient } from '../support/es_env';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const objects = loadKibanaAssets();
const withPlugin = () =>
  new KibanaSavedObjectsDouble({
    types: [{ name: INSTALLATION_TYPE, namespaceType: 'single', importableAndExportable: false }],
  });

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

const savedObjects = withPlugin();
let kibana: KibanaHttpDouble;
let kibanaUrl = '';

beforeAll(async () => {
  await run('node', [path.join(ROOT, 'dev', 'build_cli.mjs')], { cwd: ROOT });
  kibana = await startKibanaHttpDouble(savedObjects);
  kibanaUrl = kibana.url;
});
afterAll(() => kibana.close());

test('setup installs every saved object, managed, data views without overwrite, and records it', async () => {
  const first = await netobs('setup', '--es', esUrl(), '--kibana', kibanaUrl);
  expect(savedObjectLines(first.stdout).sort()).toEqual(
    objects.map((o) => `installed ${o.type}/${o.id}`).sort()
  );
  // Data views first and without overwrite (a user's copy is never replaced), then the rest.
  const views = objects.filter((o) => o.type === 'index-pattern').length;
  expect(savedObjects.imports.map((i) => [i.overwrite, i.objects.length])).toEqual([
    [false, views],
    [true, objects.length - views],
  ]);
  const stored = savedObjects.list('default');
  expect(stored.filter((o) => o.type !== INSTALLATION_TYPE).every((o) => o.managed)).toBe(true);
  expect(stored.filter((o) => o.type === INSTALLATION_TYPE)).toHaveLength(1);
  // Elasticsearch assets are reported in the same run.
  expect(first.stdout).toMatch(/component_template\s+netobs-ecs/);
});

test('a second setup changes nothing, and status shows every saved object installed', async () => {
  const importsBefore = savedObjects.imports.length;
  const second = await netobs('setup', '--es', esUrl(), '--kibana', kibanaUrl);
  expect(new Set(savedObjectLines(second.stdout).map((line) => line.split(' ')[0]))).toEqual(
    new Set(['unchanged'])
  );
  expect(savedObjects.imports.length).toBe(importsBefore);

  const status = await netobs('status', '--es', esUrl(), '--kibana', kibanaUrl);
  expect(savedObjectLines(status.stdout).sort()).toEqual(
    objects.map((o) => `installed ${o.type}/${o.id}`).sort()
  );
});

test("a user's edits are kept: data views always, dashboards until setup --force", async () => {
  savedObjects.edit('default', 'index-pattern', 'netobs-vpcflow', { timeFieldName: 'event.end' });
  savedObjects.edit('default', 'dashboard', 'netobs-alb', { title: 'My ALB' });

  const status = await netobs('status', '--es', esUrl(), '--kibana', kibanaUrl);
  expect(savedObjectLines(status.stdout)).toEqual(
    expect.arrayContaining([
      'modified index-pattern/netobs-vpcflow',
      'modified dashboard/netobs-alb',
    ])
  );
  const setup = await netobs('setup', '--es', esUrl(), '--kibana', kibanaUrl);
  expect(savedObjectLines(setup.stdout)).toEqual(
    expect.arrayContaining([
      'unchanged index-pattern/netobs-vpcflow',
      'skipped dashboard/netobs-alb',
    ])
  );
  const dashboard = () =>
    savedObjects.list('default', 'dashboard').find((d) => d.id === 'netobs-alb');
  expect(dashboard()?.attributes?.title).toBe('My ALB');
  const forced = await netobs('setup', '--es', esUrl(), '--kibana', kibanaUrl, '--force');
  expect(savedObjectLines(forced.stdout)).toEqual(
    expect.arrayContaining([
      'unchanged index-pattern/netobs-vpcflow',
      'updated dashboard/netobs-alb',
    ])
  );
  expect(dashboard()?.attributes?.title).not.toBe('My ALB');
  const view = savedObjects.list('default', 'index-pattern').find((d) => d.id === 'netobs-vpcflow');
  expect(view?.attributes?.timeFieldName).toBe('event.end');
});

test('--space installs into that space under the ids Kibana gives there', async () => {
  const setup = await netobs('setup', '--es', esUrl(), '--kibana', kibanaUrl, '--space', 'ops');
  expect(new Set(savedObjectLines(setup.stdout).map((l) => l.split(' ')[0]))).toEqual(
    new Set(['installed'])
  );
  expect(kibana.requests).toContain('POST /s/ops/api/saved_objects/_import');
  expect(savedObjects.list('ops')).toHaveLength(objects.length + 1);
  const removed = await netobs(
    'uninstall',
    '--es',
    esUrl(),
    '--kibana',
    kibanaUrl,
    '--space',
    'ops'
  );
  expect(new Set(savedObjectLines(removed.stdout).map((l) => l.split(' ')[0]))).toEqual(
    new Set(['removed'])
  );
  expect(savedObjects.list('ops')).toEqual([]);
  expect(savedObjects.list('default')).toHaveLength(objects.length + 1);
  // Without --elasticsearch the templates and pipelines every space shares stay.
  expect(removed.stdout).not.toMatch(/component_template/);
  await installEsAssets(testClient());
});

test('credentials in the --kibana URL are used, and never printed', async () => {
  const secret = 'kib-secret-88';
  const url = kibanaUrl.replace('http://', `http://admin:${secret}@`);
  const before = kibana.authorizations.length;
  const status = await netobs('status', '--es', esUrl(), '--kibana', url);
  expect(savedObjectLines(status.stdout).length).toBe(objects.length);
  expect(status.stdout).not.toContain(secret);
  const sent = kibana.authorizations.slice(before);
  expect(sent.length).toBeGreaterThan(0);
  expect(new Set(sent)).toEqual(
    new Set([`Basic ${Buffer.from(`admin:${secret}`).toString('base64')}`])
  );
  // An unreachable Kibana with credentials in its URL: the error names it without them.
  const down = await netobs(
    'status',
    '--es',
    esUrl(),
    '--kibana',
    `http://admin:${secret}@127.0.0.1:9`
  );
  expect(down.code).toBe(1);
  expect(down.stdout).toContain('cannot reach Kibana at http://127.0.0.1:9');
  expect(down.stdout).not.toContain(secret);
});

test('a Kibana without this plugin still gets the saved objects, untracked', async () => {
  const bare = new KibanaSavedObjectsDouble();
  const other = await startKibanaHttpDouble(bare);
  try {
    const setup = await netobs('setup', '--es', esUrl(), '--kibana', other.url);
    expect(new Set(savedObjectLines(setup.stdout).map((l) => l.split(' ')[0]))).toEqual(
      new Set(['installed'])
    );
    expect(bare.list('default')).toHaveLength(objects.length);
    const status = await netobs('status', '--es', esUrl(), '--kibana', other.url);
    expect(new Set(savedObjectLines(status.stdout).map((l) => l.split(' ')[0]))).toEqual(
      new Set(['installed'])
    );
  } finally {
    await other.close();
  }
});

test('uninstall removes every saved object and our Elasticsearch assets, and nothing else', async () => {
  await savedObjects
    .client('default')
    .create('dashboard', { title: 'someone else' }, { id: 'someone-elses', overwrite: false });
  const result = await netobs(
    'uninstall',
    '--es',
    esUrl(),
    '--kibana',
    kibanaUrl,
    '--elasticsearch'
  );
  expect(savedObjectLines(result.stdout).sort()).toEqual(
    objects.map((o) => `removed ${o.type}/${o.id}`).sort()
  );
  expect(savedObjects.list('default').map((o) => `${o.type}/${o.id}`)).toEqual([
    'dashboard/someone-elses',
  ]);
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
