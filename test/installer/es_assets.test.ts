// The installer against the real node: first run installs, second changes nothing, options
// upgrade only what they touch, hand edits show as "modified", an older release's asset is
// upgraded, uninstall removes only ours.
import { errors } from '@elastic/elasticsearch';
import {
  esAssetStatus,
  installEsAssets,
  uninstallEsAssets,
} from '../../server/lib/installer/es_assets';
import { loadEsAssets } from '../../server/lib/assets/load_es_assets';
import { processorTypes } from '../../server/lib/installer/ingest_capabilities';
import { setupStatus } from '../../server/lib/installer/setup';
import { testClient } from '../support/es_env';

const client = testClient();

/** Whether this cluster has the ingest-common processors (the Maven Central build has none). */
async function hasProcessors(): Promise<boolean> {
  const nodes = await client.nodes.info({ metric: 'ingest' });
  const types = Object.values(nodes.nodes)[0].ingest?.processors?.map((p) => p.type) ?? [];
  return types.includes('script');
}

const countBy = (items: { action?: string; state?: string }[], key: 'action' | 'state') =>
  items.reduce<Record<string, number>>((acc, item) => {
    const value = item[key] as string;
    acc[value] = (acc[value] ?? 0) + 1;
    return acc;
  }, {});

/** Data streams that already exist block removal of their index template (ES refuses it). */
async function templatesInUse(): Promise<Set<string>> {
  const resolved = await client.indices.resolveIndex({
    name: 'logs-netobs.*',
    expand_wildcards: 'all',
  });
  return new Set(
    resolved.data_streams.map((ds) => `logs-netobs.${ds.name.split('.')[1].split('-')[0]}`)
  );
}

beforeAll(async () => {
  await uninstallEsAssets(client);
});
afterAll(() => client.close());

test('install, re-run, upgrade by option, detect hand edits, uninstall', async () => {
  const processors = await hasProcessors();
  // Other suites may have left data streams behind, which keeps their templates installed.
  const before = new Map(
    (await esAssetStatus(client)).map((s) => [`${s.kind}/${s.name}`, s.state])
  );
  const first = await installEsAssets(client);
  const templates = first.filter((r) => r.kind !== 'ingest_pipeline');
  for (const result of templates) {
    expect(result.action).toBe(
      before.get(`${result.kind}/${result.name}`) === 'installed' ? 'unchanged' : 'installed'
    );
  }
  expect(templates).toHaveLength(
    loadEsAssets('component_template').length + loadEsAssets('index_template').length
  );
  const pipelineCount = loadEsAssets('ingest_pipeline').length;
  const pipelines = first.filter((r) => r.kind === 'ingest_pipeline');
  if (processors) {
    expect(countBy(pipelines, 'action')).toEqual({ installed: pipelineCount });
  } else {
    // Reported per asset with Elasticsearch's reason, not thrown for the whole run.
    expect(countBy(pipelines, 'action')).toEqual({ failed: pipelineCount });
    pipelines.forEach((r) =>
      expect(r.error).toMatch(/No processor type exists with name \[(set|script|json|geoip)\]/)
    );
  }

  const second = await installEsAssets(client);
  expect(
    second.filter((r) => r.kind !== 'ingest_pipeline').every((r) => r.action === 'unchanged')
  ).toBe(true);

  const longer = await installEsAssets(client, { retention: '90d' });
  const changed = longer.filter((r) => r.action === 'updated').map((r) => r.name);
  // Every parsed source's index template; not the raw landing stream, not components.
  expect(changed.sort()).toEqual([
    'logs-netobs.alb',
    'logs-netobs.alb_connection',
    'logs-netobs.nlb',
    'logs-netobs.tgwflow',
    'logs-netobs.unknown',
    'logs-netobs.vpcflow',
  ]);
  const retentionOf = async (name: string) =>
    (await client.indices.getIndexTemplate({ name })).index_templates[0].index_template.template
      ?.lifecycle?.data_retention;
  expect(await retentionOf('logs-netobs.vpcflow')).toBe('90d');
  // A run without the option (the app's Install button, an upgrade) keeps it, and status says so.
  const kept = await installEsAssets(client);
  expect(kept.filter((r) => r.kind !== 'ingest_pipeline' && r.action !== 'unchanged')).toEqual([]);
  expect(await retentionOf('logs-netobs.vpcflow')).toBe('90d');
  expect(await retentionOf('logs-netobs.raw')).toBe('7d');
  expect((await setupStatus(client)).settings?.retention).toBe('90d');

  const current = await client.cluster.getComponentTemplate({ name: 'netobs-raw' });
  const { _meta } = current.component_templates[0].component_template;
  await client.cluster.putComponentTemplate({
    name: 'netobs-raw',
    template: { settings: { number_of_shards: 2 } },
    _meta,
  });
  const status = await esAssetStatus(client);
  expect(status.find((s) => s.name === 'netobs-raw')?.state).toBe('modified');
  expect(
    countBy(
      status.filter((s) => s.kind !== 'ingest_pipeline'),
      'state'
    )
  ).toEqual({
    installed:
      loadEsAssets('component_template').length + loadEsAssets('index_template').length - 1,
    modified: 1,
  });
  const repaired = await installEsAssets(client, { retention: '90d', force: true });
  expect(repaired.find((r) => r.name === 'netobs-raw')?.action).toBe('updated');
  expect((await esAssetStatus(client)).find((s) => s.name === 'netobs-raw')?.state).toBe(
    'installed'
  );

  // An asset an older release installed (its _meta carries the old version) is upgraded by a
  // plain run, without force, and only that asset changes.
  const ours = await client.cluster.getComponentTemplate({ name: 'netobs-alb' });
  const old = ours.component_templates[0].component_template;
  await client.cluster.putComponentTemplate({
    name: 'netobs-alb',
    template: old.template,
    _meta: { ...old._meta, version: '0.0.1', installed_hash: undefined },
  } as never);
  const olderRelease = await esAssetStatus(client);
  expect(olderRelease.find((s) => s.name === 'netobs-alb')).toMatchObject({
    state: 'outdated',
    installedVersion: '0.0.1',
  });
  const upgraded = await installEsAssets(client, { retention: '90d' });
  expect(
    upgraded.filter((r) => r.action === 'updated' || r.action === 'installed').map((r) => r.name)
  ).toEqual(['netobs-alb']);
  expect((await esAssetStatus(client)).find((s) => s.name === 'netobs-alb')?.state).toBe(
    'installed'
  );

  await client.cluster.putComponentTemplate({ name: 'someone-elses', template: {} });
  const inUse = await templatesInUse();
  const removed = await uninstallEsAssets(client);
  for (const result of removed.filter((r) => r.kind === 'index_template')) {
    if (inUse.has(result.name)) {
      // Never data: a template whose data stream exists stays, with Elasticsearch's reason. (A
      // stream of this pattern may belong to another suite's higher-priority template instead.)
      if (result.action === 'failed') expect(result.error).toMatch(/data stream/);
      else expect(result.action).toBe('removed');
    } else {
      expect(result.action).toBe('removed');
    }
  }
  if (inUse.size === 0) {
    const templateCount =
      loadEsAssets('component_template').length + loadEsAssets('index_template').length;
    expect(removed.filter((r) => r.action === 'removed').length).toBe(
      processors ? templateCount + loadEsAssets('ingest_pipeline').length : templateCount
    );
    await expect(
      client.cluster.getComponentTemplate({ name: 'netobs-ecs' })
    ).rejects.toBeInstanceOf(errors.ResponseError);
  }
  const untouched = await client.cluster.getComponentTemplate({ name: 'someone-elses' });
  expect(untouched.component_templates).toHaveLength(1);
  await client.cluster.deleteComponentTemplate({ name: 'someone-elses' });
  // Leave the assets installed for the suites that follow, with the shipped retention (a
  // template kept by its data stream would otherwise keep the 90 days).
  await installEsAssets(client, { retention: '30d' });
});

test('status names the processors this cluster lacks for the pipelines, or none', async () => {
  const status = await setupStatus(client);
  if (await hasProcessors()) {
    expect(status.missingProcessors).toBeUndefined();
  } else {
    // The Maven Central build has no processor modules at all: every type we use is missing.
    const used = processorTypes(loadEsAssets('ingest_pipeline'));
    expect(status.missingProcessors).toEqual([...used].sort());
    expect(used.size).toBeGreaterThanOrEqual(8);
  }
});

test('a user @custom component: missing is fine, an existing one applies, nothing reads as modified', async () => {
  await installEsAssets(client);
  const custom = 'logs-netobs.nlb@custom';
  const streams = [`logs-netobs.nlb-custa${process.pid}`, `logs-netobs.nlb-custb${process.pid}`];
  // This build has no data-streams module API: the first document creates the stream, with no
  // pipeline (the Maven Central build may lack the processors ours use).
  const create = (name: string) =>
    client.index({
      index: name,
      op_type: 'create',
      pipeline: '_none',
      document: { '@timestamp': '2026-12-01T00:00:00.000Z' },
    });
  const settingsOf = async (stream: string) => {
    // Asked by the stream's name, Elasticsearch answers for its one backing index.
    const settings = await client.indices.getSettings({ index: stream, flat_settings: true });
    return Object.values(settings)[0].settings as Record<string, string>;
  };
  try {
    await client.cluster.deleteComponentTemplate({ name: custom }).catch(() => undefined);
    // Without the user's component the template still creates data streams.
    await create(streams[0]);
    const plain = await settingsOf(streams[0]);
    expect(plain['index.number_of_shards']).toBe('1');
    // The licence of the test node is basic: stored _source, written explicitly.
    expect(plain['index.mapping.source.mode']).toBe('stored');

    await client.cluster.putComponentTemplate({
      name: custom,
      template: { settings: { index: { number_of_shards: 2, refresh_interval: '7s' } } },
    });
    expect(
      (await esAssetStatus(client)).filter(
        (s) => s.kind !== 'ingest_pipeline' && s.state !== 'installed'
      )
    ).toEqual([]);
    expect(
      (await installEsAssets(client))
        .filter((r) => r.kind !== 'ingest_pipeline')
        .every((r) => r.action === 'unchanged')
    ).toBe(true);
    await create(streams[1]);
    const customised = await settingsOf(streams[1]);
    expect(customised['index.number_of_shards']).toBe('2');
    expect(customised['index.refresh_interval']).toBe('7s');
    // Ours still apply underneath.
    expect(customised['index.default_pipeline']).toBe('netobs-nlb');
    expect(customised['index.codec']).toBe('best_compression');
  } finally {
    // The streams stay (no DELETE _data_stream in this build; their names are this run's own).
    await client.cluster.deleteComponentTemplate({ name: custom }).catch(() => undefined);
  }
});
