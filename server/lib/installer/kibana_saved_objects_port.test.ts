import { Readable } from 'node:stream';
import { ASSET_VERSION } from '../../../common/constants';
import type { SetupResult } from '../../../common/api_types';
import { KibanaSavedObjectsDouble } from '../../../test/doubles/kibana_saved_objects';
import { loadKibanaAssets, toNdjson } from '../assets/load_kibana_assets';
import {
  INSTALLATION_ID,
  INSTALLATION_SAVED_OBJECT_TYPE,
  INSTALLATION_TYPE,
} from './installation_record';
import type { InstallationRecord } from './installation_record';
import { kibanaSavedObjectsPort } from './kibana_saved_objects_port';

const objects = loadKibanaAssets();
const ours = {
  name: INSTALLATION_TYPE,
  namespaceType: 'single',
  importableAndExportable: false,
} as const;

function kibana(kibanaVersion = '9.2.0', withPlugin = true) {
  let clock = Date.parse('2026-12-01T00:00:00Z');
  const double = new KibanaSavedObjectsDouble({
    kibanaVersion,
    types: withPlugin ? [ours] : [],
    // Every write a second later, so an edit always moves updated_at.
    now: () => new Date((clock += 1000)),
  });
  const port = (space = 'default') =>
    kibanaSavedObjectsPort(double.client(space), double.importer(space));
  return { double, port };
}

const actions = (results: SetupResult[]) => new Set(results.map((r) => r.action));
const byName = (results: SetupResult[]) => new Map(results.map((r) => [`${r.type}/${r.name}`, r]));

async function record(double: KibanaSavedObjectsDouble, space = 'default') {
  const [found] = (
    await double.client(space).bulkGet([{ type: INSTALLATION_TYPE, id: INSTALLATION_ID }])
  ).saved_objects;
  return found.error ? undefined : (found.attributes as unknown as InstallationRecord);
}

test('the registered record type is what Kibana accepts: single namespace, not importable', () => {
  expect(INSTALLATION_SAVED_OBJECT_TYPE).toMatchObject({
    name: INSTALLATION_TYPE,
    hidden: false,
    namespaceType: ours.namespaceType,
    management: { importableAndExportable: ours.importableAndExportable },
  });
});

test('first setup imports every object once, managed, and records the ids and version', async () => {
  const { double, port } = kibana();
  const results = await port().install({});
  expect(actions(results)).toEqual(new Set(['installed']));
  // Data views first and without overwrite (a user's copy is never replaced), then the rest.
  expect(double.imports.map((i) => [i.overwrite, new Set(i.objects.map((o) => o.type))])).toEqual([
    [false, new Set(['index-pattern'])],
    [true, new Set(['search', 'query', 'dashboard'])],
  ]);
  expect(double.list('default')).toHaveLength(objects.length + 1);
  expect(
    double
      .list('default')
      .filter((o) => o.type !== INSTALLATION_TYPE)
      .every((o) => o.managed)
  ).toBe(true);
  const saved = await record(double);
  expect(saved?.version).toBe(ASSET_VERSION);
  expect(saved?.objects.map((o) => `${o.type}/${o.name}`).sort()).toEqual(
    objects.map((o) => `${o.type}/${o.id}`).sort()
  );
  const status = await port().status();
  expect(new Set(status.map((s) => s.state))).toEqual(new Set(['installed']));
  expect(status.every((s) => s.id === s.name && s.installedVersion === ASSET_VERSION)).toBe(true);
});

test.each(['8.19.0', '9.2.0'])(
  "status stays installed although Kibana %s's migrations rewrote what it imported",
  async (version) => {
    const { double, port } = kibana(version);
    await port().install({});
    // The migrations really did rewrite our objects (panel versions; sessions in 9.2+).
    const dashboard = double.list('default', 'dashboard')[0];
    expect(dashboard.attributes?.panelsJSON).toContain(`"version":"${version}"`);
    expect(objects.find((o) => o.type === 'dashboard')?.attributes.panelsJSON).toContain(
      '"version":"8.11.0"'
    );
    expect(new Set((await port().status()).map((s) => s.state))).toEqual(new Set(['installed']));
    const again = await port().install({});
    expect(actions(again)).toEqual(new Set(['unchanged']));
    expect(double.imports).toHaveLength(2);
  }
);

test('the importer reads saved objects, not NDJSON text: a text stream fails as it does in Kibana', async () => {
  const { double } = kibana();
  await expect(
    double.importer().import({
      readStream: Readable.from([toNdjson(objects)]),
      overwrite: true,
      createNewCopies: false,
    })
  ).rejects.toThrow(TypeError);
});

test('a second space gets its own copies under the ids Kibana gives, and its own record', async () => {
  const { double, port } = kibana();
  await port().install({});
  const results = await port('ops').install({});
  expect(actions(results)).toEqual(new Set(['installed']));
  const status = await port('ops').status();
  expect(new Set(status.map((s) => s.state))).toEqual(new Set(['installed']));
  // Every type we ship is multi-namespace: the ids are taken by the default space's objects.
  expect(status.every((s) => s.id !== s.name)).toBe(true);
  const ids = new Map(status.map((s) => [`${s.type}/${s.name}`, s.id]));
  for (const dashboard of double.list('ops', 'dashboard'))
    for (const ref of dashboard.references ?? [])
      if (ref.type === 'index-pattern') expect([...ids.values()]).toContain(ref.id);
  // A second run in that space finds its copies again instead of making more.
  expect(actions(await port('ops').install({}))).toEqual(new Set(['unchanged']));
  expect(double.list('ops')).toHaveLength(objects.length + 1);
  // The default space still has its own, under our ids.
  expect((await port().status()).every((s) => s.state === 'installed' && s.id === s.name)).toBe(
    true
  );
});

test('a second space imported again after its record is lost finds its earlier copies by origin', async () => {
  const { double, port } = kibana();
  await port().install({});
  await port('ops').install({});
  await double.client('ops').delete(INSTALLATION_TYPE, INSTALLATION_ID);
  await port('ops').install({});
  expect(double.list('ops')).toHaveLength(objects.length + 1);
});

test('uninstall in one space leaves the other untouched', async () => {
  const { double, port } = kibana();
  await port().install({});
  await port('ops').install({});
  const removed = await port('ops').uninstall();
  expect(actions(removed)).toEqual(new Set(['removed']));
  expect(double.list('ops')).toEqual([]);
  expect(new Set((await port().status()).map((s) => s.state))).toEqual(new Set(['installed']));
  expect(double.list('default')).toHaveLength(objects.length + 1);
  // Removed objects go before the data views they point at.
  const order = removed.map((r) => r.type);
  expect(order.lastIndexOf('dashboard')).toBeLessThan(order.indexOf('index-pattern'));
});

test('uninstall leaves an object a user shared with other spaces, and says so', async () => {
  const { double, port } = kibana();
  await port().install({});
  const view = double.list('default', 'index-pattern')[0];
  // What "share to space" does: the one object now lists both spaces.
  (double as unknown as { docs: Map<string, { namespaces: string[] }> }).docs
    .get(`index-pattern:${view.id}`)!
    .namespaces.push('ops');
  const results = byName(await port().uninstall());
  expect(results.get(`index-pattern/${view.id}`)).toMatchObject({
    action: 'skipped',
    note: 'shared with other spaces; left in place',
  });
});

/** A Kibana where every object is installed and the record says `version` installed it. */
async function installedBy(version: string) {
  const setup = kibana();
  await setup.port().install({});
  const saved = (await record(setup.double)) as InstallationRecord;
  await setup.double
    .client()
    .create(INSTALLATION_TYPE, { ...saved, version } as unknown as Record<string, unknown>, {
      id: INSTALLATION_ID,
      overwrite: true,
    });
  return setup;
}

describe('upgrades', () => {
  test('objects an older release installed are outdated, and setup upgrades them', async () => {
    const { double, port } = await installedBy('0.0.1');
    expect(new Set((await port().status()).map((s) => s.state))).toEqual(new Set(['outdated']));
    expect(actions(await port().install({}))).toEqual(new Set(['updated']));
    expect((await record(double))?.version).toBe(ASSET_VERSION);
    expect(new Set((await port().status()).map((s) => s.state))).toEqual(new Set(['installed']));
  });

  test("a user's data view is kept, a user's dashboard reported modified and replaced only with force", async () => {
    const { double, port } = await installedBy('0.0.1');
    double.edit('default', 'index-pattern', 'netobs-vpcflow', { fieldFormatMap: '{"x":{}}' });
    double.edit('default', 'dashboard', 'netobs-alb', { title: 'My ALB' });
    const status = new Map((await port().status()).map((s) => [`${s.type}/${s.name}`, s.state]));
    expect(status.get('index-pattern/netobs-vpcflow')).toBe('modified');
    expect(status.get('dashboard/netobs-alb')).toBe('modified');
    expect(status.get('dashboard/netobs-tgw')).toBe('outdated');

    const upgrade = byName(await port().install({}));
    expect(upgrade.get('index-pattern/netobs-vpcflow')).toMatchObject({
      action: 'unchanged',
      note: 'changed by a user; kept',
    });
    expect(upgrade.get('dashboard/netobs-alb')?.action).toBe('skipped');
    expect(upgrade.get('dashboard/netobs-tgw')?.action).toBe('updated');
    expect(
      double.list('default', 'dashboard').find((d) => d.id === 'netobs-alb')?.attributes?.title
    ).toBe('My ALB');

    const forced = byName(await port().install({ force: true }));
    expect(forced.get('dashboard/netobs-alb')?.action).toBe('updated');
    expect(forced.get('index-pattern/netobs-vpcflow')?.action).toBe('unchanged');
    expect(
      double.list('default', 'dashboard').find((d) => d.id === 'netobs-alb')?.attributes?.title
    ).not.toBe('My ALB');
    expect(
      double.list('default', 'index-pattern').find((d) => d.id === 'netobs-vpcflow')?.attributes
        ?.fieldFormatMap
    ).toBe('{"x":{}}');
  });

  test('objects a newer release installed are reported as newer', async () => {
    const { port } = await installedBy('99.0.0');
    expect(new Set((await port().status()).map((s) => s.state))).toEqual(new Set(['newer']));
    expect(await port().installedVersion()).toBe('99.0.0');
  });

  test('objects of a release without records are adopted: data views kept, the rest replaced', async () => {
    const { double, port } = kibana();
    await port().install({});
    await double.client().delete(INSTALLATION_TYPE, INSTALLATION_ID);
    expect(new Set((await port().status()).map((s) => s.state))).toEqual(new Set(['outdated']));
    const results = await port().install({});
    expect(new Set(results.filter((r) => r.type === 'index-pattern').map((r) => r.action))).toEqual(
      new Set(['unchanged'])
    );
    expect(new Set(results.filter((r) => r.type !== 'index-pattern').map((r) => r.action))).toEqual(
      new Set(['updated'])
    );
    expect(new Set((await port().status()).map((s) => s.state))).toEqual(new Set(['installed']));
  });
});

test('a Kibana without the plugin (no record type): installs, keeps data views, reports presence', async () => {
  const { double, port } = kibana('9.2.0', false);
  expect(actions(await port().install({}))).toEqual(new Set(['installed']));
  expect(new Set((await port().status()).map((s) => s.state))).toEqual(new Set(['installed']));
  const again = await port().install({});
  expect(new Set(again.filter((r) => r.type === 'index-pattern').map((r) => r.action))).toEqual(
    new Set(['unchanged'])
  );
  expect(double.list('default')).toHaveLength(objects.length);
});

test('a failed import is reported per object and keeps the older version in the record', async () => {
  const { double } = await installedBy('0.0.1');
  // Another space's user shares an object with the same origin into ours: the origin is ambiguous.
  const importer = double.importer();
  const failing = {
    import: async () => ({
      success: false,
      successCount: 0,
      errors: [{ id: 'netobs-alb', type: 'dashboard', error: { type: 'ambiguous_conflict' } }],
    }),
  };
  const results = byName(await kibanaSavedObjectsPort(double.client(), failing).install({}));
  expect(results.get('dashboard/netobs-alb')).toMatchObject({
    action: 'failed',
    error: 'ambiguous_conflict',
  });
  expect(results.get('dashboard/netobs-tgw')).toMatchObject({ action: 'failed' });
  expect((await record(double))?.version).toBe('0.0.1');
  expect(actions(await kibanaSavedObjectsPort(double.client(), importer).install({}))).toEqual(
    new Set(['updated'])
  );
});

test("without a record, a user's data view in a second space is found by origin and kept", async () => {
  for (const withPlugin of [true, false]) {
    const { double, port } = kibana('9.2.0', withPlugin);
    await port().install({});
    await port('ops').install({});
    const view = double.list('ops', 'index-pattern')[0];
    double.edit('ops', 'index-pattern', view.id, { fieldFormatMap: '{"mine":{}}' });
    if (withPlugin) await double.client('ops').delete(INSTALLATION_TYPE, INSTALLATION_ID);
    const results = await port('ops').install({});
    const edited = double.list('ops', 'index-pattern').find((v) => v.id === view.id);
    expect(edited?.attributes?.fieldFormatMap).toBe('{"mine":{}}');
    expect(
      results.filter((r) => r.type === 'index-pattern').every((r) => r.action === 'unchanged')
    ).toBe(true);
    // Still one copy of each object in that space.
    expect(double.list('ops', 'index-pattern')).toHaveLength(
      objects.filter((o) => o.type === 'index-pattern').length
    );
  }
});

test('an import Kibana applied but whose answer was lost does not freeze the objects as modified', async () => {
  const { double, port } = await installedBy('0.0.1');
  const real = double.importer();
  const lostAnswer = {
    import: async (options: Parameters<typeof real.import>[0]) => {
      await real.import(options);
      throw new Error('no answer within 30 s');
    },
  };
  await expect(kibanaSavedObjectsPort(double.client(), lostAnswer).install({})).rejects.toThrow(
    'no answer within 30 s'
  );
  // The next setup sees outdated objects (not "modified" ones) and upgrades all of them.
  expect(new Set((await port().status()).map((s) => s.state))).toEqual(new Set(['outdated']));
  expect(actions(await port().install({}))).toEqual(new Set(['updated']));
  expect(new Set((await port().status()).map((s) => s.state))).toEqual(new Set(['installed']));
});

test('a record Kibana cannot read is an error, not "no record"', async () => {
  const { double } = kibana();
  const client = double.client();
  const broken = {
    ...client,
    bulkGet: async (refs: { type: string; id: string }[]) =>
      refs[0].type === INSTALLATION_TYPE
        ? { saved_objects: [{ ...refs[0], error: { statusCode: 500, message: 'shard failure' } }] }
        : client.bulkGet(refs),
  };
  await expect(kibanaSavedObjectsPort(broken, double.importer()).install({})).rejects.toThrow(
    'cannot read the installation record: shard failure'
  );
});
