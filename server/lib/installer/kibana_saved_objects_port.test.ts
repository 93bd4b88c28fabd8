import type { Readable } from 'node:stream';
import type { KibanaSavedObject } from '../assets/load_kibana_assets';
import type { ImporterLike, SavedObjectsClientLike } from './kibana_saved_objects_port';
import { kibanaSavedObjectsPort } from './kibana_saved_objects_port';

const objects: KibanaSavedObject[] = [
  { id: 'dv', type: 'index-pattern', attributes: { title: 'logs-netobs.*-*' }, references: [] },
  {
    id: 'q',
    type: 'query',
    attributes: { title: 'Q', query: { query: 'a:1', language: 'kuery' } },
    references: [],
  },
  {
    id: 'd',
    type: 'dashboard',
    attributes: { title: 'D', panelsJSON: '[{"panelIndex":"1","title":"Flows"}]' },
    references: [{ name: 'r', type: 'index-pattern', id: 'dv' }],
  },
];

/** An in-memory saved-objects store with the importer's overwrite semantics. */
function fakeKibana(initial: Record<string, Record<string, unknown>> = {}) {
  const store = new Map(Object.entries(initial));
  const imports: { overwrite: boolean; ids: string[] }[] = [];
  const client: SavedObjectsClientLike = {
    bulkGet: async (refs) => ({
      saved_objects: refs.map(({ type, id }) =>
        store.has(`${type}/${id}`)
          ? { type, id, attributes: store.get(`${type}/${id}`) }
          : { type, id, error: { statusCode: 404 } }
      ),
    }),
    delete: async (type, id) => store.delete(`${type}/${id}`),
  };
  const importer: ImporterLike = {
    import: async ({ readStream, overwrite }) => {
      let text = '';
      for await (const chunk of readStream as Readable) text += chunk;
      const parsed = text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as KibanaSavedObject);
      imports.push({ overwrite, ids: parsed.map((o) => o.id) });
      const errors = [];
      for (const o of parsed) {
        const key = `${o.type}/${o.id}`;
        if (store.has(key) && !overwrite)
          errors.push({ id: o.id, type: o.type, error: { type: 'conflict' } });
        else store.set(key, o.attributes);
      }
      return { success: errors.length === 0, errors };
    },
  };
  return { store, imports, port: kibanaSavedObjectsPort(client, importer, objects) };
}

test('first install imports data views without overwrite and the rest with it', async () => {
  const { imports, port } = fakeKibana();
  const results = await port.install({});
  expect(results.map((r) => [r.name, r.action])).toEqual([
    ['dv', 'installed'],
    ['q', 'installed'],
    ['d', 'installed'],
  ]);
  expect(imports).toEqual([
    { overwrite: false, ids: ['dv'] },
    { overwrite: true, ids: ['q', 'd'] },
  ]);
  expect((await port.status()).every((s) => s.state === 'installed')).toBe(true);
});

test("a re-run changes nothing, and a user's data view edits survive an upgrade", async () => {
  const { imports, store, port } = fakeKibana({
    'index-pattern/dv': {
      title: 'logs-netobs.*-*',
      fieldFormatMap: '{"bytes":"bytes"}',
      name: 'mine',
    },
    'query/q': { title: 'Q', query: { query: 'a:1', language: 'kuery' } },
    'dashboard/d': { title: 'old dashboard' },
  });
  const status = await port.status();
  expect(status.map((s) => s.state)).toEqual(['installed', 'installed', 'outdated']);
  const results = await port.install({});
  expect(results.map((r) => [r.name, r.action])).toEqual([
    ['dv', 'unchanged'],
    ['d', 'updated'],
    ['q', 'unchanged'],
  ]);
  expect(imports).toEqual([{ overwrite: true, ids: ['d'] }]);
  expect(store.get('index-pattern/dv')?.name).toBe('mine');
  expect(store.get('dashboard/d')?.title).toBe('D');
});

test('uninstall removes only what exists, dashboards before data views', async () => {
  const { store, port } = fakeKibana({
    'index-pattern/dv': { title: 'x' },
    'dashboard/d': { title: 'D' },
  });
  const results = await port.uninstall();
  expect(results.map((r) => [r.name, r.action])).toEqual([
    ['d', 'removed'],
    ['q', 'skipped'],
    ['dv', 'removed'],
  ]);
  expect(store.size).toBe(0);
});

test('status tolerates what Kibana adds and re-serialises, and still sees our changes', async () => {
  const stored = (panelsJSON: string) =>
    fakeKibana({
      'index-pattern/dv': { title: 'logs-netobs.*-*' },
      'query/q': { title: 'Q', titleKeyword: 'Q', query: { language: 'kuery', query: 'a:1' } },
      'dashboard/d': { title: 'D', version: 2, panelsJSON },
    }).port.status();
  const migrated = '[{"title":"Flows","panelIndex":"1","version":"9.1.0"}]';
  expect((await stored(migrated)).map((s) => s.state)).toEqual([
    'installed',
    'installed',
    'installed',
  ]);
  const older = '[{"panelIndex":"1","title":"Flows (old)"}]';
  expect((await stored(older)).map((s) => s.state)).toEqual(['installed', 'installed', 'outdated']);
  expect((await stored('[]')).map((s) => s.state)[2]).toBe('outdated');
});

test('an object a newer Kibana migrated into a new layout is still current', async () => {
  const search: KibanaSavedObject = {
    id: 's',
    type: 'search',
    attributes: { title: 'S', columns: ['source.ip'], sort: [['@timestamp', 'desc']] },
    references: [],
  };
  const statusOver = async (attributes: Record<string, unknown>) =>
    (
      await kibanaSavedObjectsPort(
        {
          bulkGet: async () => ({ saved_objects: [{ id: 's', type: 'search', attributes }] }),
          delete: async () => undefined,
        },
        { import: async () => ({ success: true }) },
        [search]
      ).status()
    ).map((s) => s.state);
  // What Kibana 9.2+ stores after import: columns and sort moved into the session's tabs.
  const tabs = [{ id: 't', attributes: { columns: ['source.ip'] } }];
  expect(await statusOver({ title: 'S', description: '', tabs })).toEqual(['installed']);
  expect(await statusOver({ title: 'Old', description: '', tabs })).toEqual(['outdated']);
  expect(await statusOver({ title: 'S', columns: ['other'], sort: [] })).toEqual(['outdated']);
});
