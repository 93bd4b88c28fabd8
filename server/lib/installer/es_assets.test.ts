import { esAssetStore } from '../../../test/doubles/es_asset_store';
import { loadEsAssets } from '../assets/load_es_assets';
import type { EsClient } from './es_assets';
import {
  customise,
  esAssetStatus,
  logGroupCondition,
  installEsAssets,
  installedFlowLogFormats,
  installedKeepOriginal,
  installedRetention,
} from './es_assets';
import { SETUP_RULES } from '../validation/request_rules';
import { validateObject } from '../validation/validate_object';

const pipeline = (name: string) => loadEsAssets('ingest_pipeline').find((a) => a.name === name)!;
const template = (name: string) => loadEsAssets('index_template').find((a) => a.name === name)!;
type Processors = { processors: Record<string, Record<string, unknown>>[] };

test('keepOriginal renames message to event.original instead of removing it, and changes nothing else', () => {
  const asset = pipeline('netobs-alb');
  const plain = customise(asset, {}) as Processors;
  const kept = customise(asset, { keepOriginal: true }) as Processors;
  const removal = (body: Processors) =>
    body.processors.find((p) => p.remove?.tag === 'remove_working_fields')?.remove;
  expect(removal(plain)?.field).toEqual(['netobs', 'message']);
  expect(removal(kept)?.field).toEqual(['netobs']);
  const at = kept.processors.findIndex((p) => p.rename);
  expect(kept.processors[at].rename).toEqual({
    tag: 'keep_original',
    field: 'message',
    target_field: 'event.original',
    ignore_missing: true,
  });
  expect(kept.processors[at + 1].remove?.tag).toBe('remove_working_fields');
  // Everything before the removal is as shipped.
  expect(kept.processors.slice(0, at)).toEqual(plain.processors.slice(0, at));
  expect(kept.processors).toHaveLength(plain.processors.length + 1);
  // The loaded asset itself is untouched.
  expect((asset.body as Processors).processors.some((p) => p.rename)).toBe(false);
  expect(removal(asset.body as Processors)?.field).toEqual(['netobs', 'message']);
});

test('retention applies to parsed sources, not to the raw landing stream', () => {
  const lifecycle = (name: string) =>
    (
      customise(template(name), { retention: '90d' }) as {
        template: { lifecycle: { data_retention: string } };
      }
    ).template.lifecycle.data_retention;
  expect(lifecycle('logs-netobs.vpcflow')).toBe('90d');
  expect(lifecycle('logs-netobs.raw')).toBe('7d');
});

// Flow-log formats per CloudWatch log group live in the netobs-flowlog-formats pipeline.

const V5 =
  'version vpc-id subnet-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status flow-direction traffic-path';
const TGW =
  'version resource-type account-id tgw-id tgw-attachment-id srcaddr dstaddr srcport dstport protocol packets bytes start end log-status';
const DEFAULT_V2 =
  'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status';

type ScriptParams = { processors: { script: { if: string; params: { formats: unknown } } }[] };

test('flowLogFormats become the pipeline entries: source told from the fields, default v2 without a list', () => {
  const body = customise(pipeline('netobs-flowlog-formats'), {
    flowLogFormats: { '/aws/vpc/prod': V5, 'tgw-flows': TGW, 'plain-group': DEFAULT_V2 },
  }) as ScriptParams;
  expect(body.processors[0].script.params.formats).toEqual({
    '/aws/vpc/prod': { source: 'vpcflow', fields: V5 },
    'tgw-flows': { source: 'tgwflow', fields: TGW },
    'plain-group': { source: 'vpcflow' },
  });
  expect(installedFlowLogFormats(body as never)).toEqual({
    '/aws/vpc/prod': V5,
    'tgw-flows': TGW,
    'plain-group': DEFAULT_V2,
  });
  // The script runs for the configured groups only; with none, never.
  expect(body.processors[0].script.if).toBe(
    "['/aws/vpc/prod', 'plain-group', 'tgw-flows'].contains(ctx.awscloudwatch?.log_group)"
  );
  const none = customise(pipeline('netobs-flowlog-formats'), {}) as ScriptParams;
  expect(none.processors[0].script.if).toBe('false');
  // Other pipelines are untouched by the option.
  expect(customise(pipeline('netobs-vpcflow'), { flowLogFormats: { g: V5 } })).toEqual(
    customise(pipeline('netobs-vpcflow'), {})
  );
});

test('setup requests: each log group and format is checked, errors name the group', () => {
  const setup = (flowLogFormats: unknown) => () => validateObject({ flowLogFormats }, SETUP_RULES);
  expect(setup({ '/aws/vpc/prod': V5 })).not.toThrow();
  expect(setup({})).not.toThrow();
  expect(setup({ '/aws/vpc/prod': 'version srcadr dstaddr' })).toThrow(
    '[flowLogFormats./aws/vpc/prod]: unknown flow-log field "srcadr"'
  );
  expect(setup({ 'bad group!': V5 })).toThrow(
    '[flowLogFormats.bad group!]: "bad group!" is not a CloudWatch log group name'
  );
  expect(setup({ g: 'version srcaddr' })).toThrow('cannot describe a flow; add dstaddr');
  expect(setup({ g: 'srcaddr dstaddr srcaddr' })).toThrow('field "srcaddr" appears twice');
  expect(setup({ g: 42 })).toThrow('[flowLogFormats.g]: expected a string');
  expect(setup('x')).toThrow('[flowLogFormats]: expected an object of string values');
});

function storeClient(): EsClient & { stored: Map<string, unknown> } {
  return esAssetStore() as never;
}

test('setup keeps the configured formats when not given (re-run, upgrade) and replaces them when given', async () => {
  const client = storeClient();
  const formats = async () =>
    installedFlowLogFormats(client.stored.get('p/netobs-flowlog-formats') as never);
  await installEsAssets(client, { flowLogFormats: { '/aws/vpc/prod': V5 } });
  expect(await formats()).toEqual({ '/aws/vpc/prod': V5 });

  const rerun = await installEsAssets(client, {});
  expect(rerun.find((r) => r.name === 'netobs-flowlog-formats')?.action).toBe('unchanged');
  expect(await formats()).toEqual({ '/aws/vpc/prod': V5 });

  // An older release's pipeline is upgraded with its formats.
  const old = client.stored.get('p/netobs-flowlog-formats') as { _meta: { version: string } };
  old._meta.version = '0.0.1';
  const upgrade = await installEsAssets(client, { retention: '30d' });
  expect(upgrade.find((r) => r.name === 'netobs-flowlog-formats')?.action).toBe('updated');
  expect(await formats()).toEqual({ '/aws/vpc/prod': V5 });

  const replaced = await installEsAssets(client, { flowLogFormats: { 'tgw-flows': TGW } });
  expect(replaced.find((r) => r.name === 'netobs-flowlog-formats')?.action).toBe('updated');
  expect(await formats()).toEqual({ 'tgw-flows': TGW });

  await installEsAssets(client, { flowLogFormats: {} });
  expect(await formats()).toEqual({});
});

test('setup keeps the installed retention and keep-original when not given (re-run, upgrade, another option) and changes them when given', async () => {
  const client = storeClient();
  const retention = (name: string) => installedRetention(client.stored.get(`i/${name}`) as never);
  const kept = (name: string) => installedKeepOriginal(client.stored.get(`p/${name}`) as never);
  await installEsAssets(client, { retention: '90d', keepOriginal: true });
  expect(retention('logs-netobs.vpcflow')).toBe('90d');
  expect(kept('netobs-vpcflow')).toBe(true);
  const rawRetention = retention('logs-netobs.raw');
  expect(rawRetention).not.toBe('90d');

  // A re-run from the app's button sends no options: nothing changes.
  const rerun = await installEsAssets(client, {});
  expect(rerun.filter((r) => r.action !== 'unchanged')).toEqual([]);

  // An upgrade of an older release's assets, asked for another option only.
  for (const key of ['i/logs-netobs.vpcflow', 'p/netobs-vpcflow']) {
    (client.stored.get(key) as { _meta: { version: string } })._meta.version = '0.0.1';
  }
  const upgrade = await installEsAssets(client, { flowLogFormats: { '/aws/vpc/prod': V5 } });
  const action = (kind: string, name: string) =>
    upgrade.find((r) => r.kind === kind && r.name === name)?.action;
  expect(action('index_template', 'logs-netobs.vpcflow')).toBe('updated');
  expect(action('ingest_pipeline', 'netobs-vpcflow')).toBe('updated');
  expect(retention('logs-netobs.vpcflow')).toBe('90d');
  expect(retention('logs-netobs.alb')).toBe('90d');
  expect(retention('logs-netobs.raw')).toBe(rawRetention);
  expect(kept('netobs-vpcflow')).toBe(true);
  expect(kept('netobs-alb')).toBe(true);

  // Given, they change.
  await installEsAssets(client, { retention: '14d', keepOriginal: false });
  expect(retention('logs-netobs.vpcflow')).toBe('14d');
  expect(kept('netobs-vpcflow')).toBe(false);
  expect(kept('netobs-nlb')).toBe(false);
});

test("a foreign asset's retention is not taken over", async () => {
  const client = storeClient();
  client.stored.set('i/logs-netobs.vpcflow', {
    index_patterns: ['logs-netobs.vpcflow-*'],
    template: { lifecycle: { data_retention: '1d' } },
  });
  await installEsAssets(client, { force: true });
  expect(installedRetention(client.stored.get('i/logs-netobs.vpcflow') as never)).toBe(
    installedRetention(template('logs-netobs.vpcflow').body as never)
  );
});

test('an asset whose content changed without a version bump is outdated and setup replaces it, keeping its options', async () => {
  const client = storeClient();
  await installEsAssets(client, { keepOriginal: true });
  const stored = () =>
    client.stored.get('p/netobs-vpcflow') as {
      _meta: Record<string, unknown>;
      description: string;
    };
  expect(stored()._meta.shipped_hash).toMatch(/^[0-9a-f]{16}$/);
  expect((await esAssetStatus(client)).every((s) => s.state === 'installed')).toBe(true);

  // As an earlier build of the same version installed it: other content, another hash.
  stored()._meta.shipped_hash = '0123456789abcdef';
  stored().description = 'an earlier build';
  // Installed before assets carried the hash at all.
  delete (client.stored.get('p/netobs-alb') as { _meta: Record<string, unknown> })._meta
    .shipped_hash;
  const state = async (name: string) =>
    (await esAssetStatus(client)).find((s) => s.kind === 'ingest_pipeline' && s.name === name)
      ?.state;
  expect(await state('netobs-vpcflow')).toBe('outdated');
  expect(await state('netobs-alb')).toBe('outdated');
  expect(await state('netobs-nlb')).toBe('installed');

  const rerun = await installEsAssets(client, {});
  expect(rerun.filter((r) => r.action === 'updated').map((r) => r.name)).toEqual([
    'netobs-alb',
    'netobs-vpcflow',
  ]);
  expect(stored().description).toBe(pipeline('netobs-vpcflow').body.description);
  expect(kept('netobs-vpcflow')).toBe(true);
  expect((await esAssetStatus(client)).every((s) => s.state === 'installed')).toBe(true);

  function kept(name: string): boolean {
    return installedKeepOriginal(client.stored.get(`p/${name}`) as never);
  }
});

test('a log group name that Painless would read as code stays a string literal', () => {
  expect(logGroupCondition(["it's", 'back\\slash'])).toBe(
    "['back\\\\slash', 'it\\'s'].contains(ctx.awscloudwatch?.log_group)"
  );
});
