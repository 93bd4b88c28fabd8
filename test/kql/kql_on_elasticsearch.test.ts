// KQL translated by common/kql runs on real Elasticsearch against our mappings: every prebuilt
// query and every overview panel filter is accepted, and hit counts on the golden documents
// match counts computed independently in JavaScript from the same documents.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceId } from '../../common/constants';
import { kqlToDsl } from '../../common/kql';
import { QUERY_CATALOG, renderQuery } from '../../common/queries';
import { OVERVIEW_SPECS } from '../../server/lib/analytics/overview_specs';
import { installEsAssets } from '../../server/lib/installer/es_assets';
import { testClient } from '../support/es_env';

type Doc = Record<string, unknown>;
const client = testClient();
const namespace = `kql${Date.now()}`;
const docs: Record<SourceId, Doc[]> = {
  vpcflow: [],
  tgwflow: [],
  alb: [],
  nlb: [],
  alb_connection: [],
};
const get = (doc: Doc, field: string): unknown =>
  field.split('.').reduce<unknown>((node, part) => (node as Doc | undefined)?.[part], doc);

beforeAll(async () => {
  await installEsAssets(client);
  const goldenDir = path.join(__dirname, '..', 'pipelines');
  for (const source of Object.keys(docs) as SourceId[]) {
    for (const file of readdirSync(path.join(goldenDir, source)).filter((f) =>
      f.endsWith('.expected.json')
    )) {
      docs[source].push(
        ...(JSON.parse(readFileSync(path.join(goldenDir, source, file), 'utf8')) as Doc[])
      );
    }
    const operations = docs[source].flatMap((doc) => [
      { create: { _index: `logs-netobs.${source}-${namespace}`, pipeline: '_none' } },
      doc,
    ]);
    const bulk = await client.bulk({ operations, refresh: 'wait_for' });
    expect(bulk.errors).toBe(false);
  }
});
afterAll(() => client.close());

const count = async (source: SourceId, kql: string) =>
  (await client.count({ index: `logs-netobs.${source}-${namespace}`, query: kqlToDsl(kql) })).count;

test.each(QUERY_CATALOG.map((q) => [q.id, q] as const))(
  'prebuilt query %s runs on the mappings',
  async (_id, query) => {
    const sources: SourceId[] = query.source === 'all' ? ['vpcflow', 'alb'] : [query.source];
    for (const source of sources) {
      await expect(count(source, renderQuery(query))).resolves.toBeGreaterThanOrEqual(0);
    }
  }
);

test('every overview panel and KPI filter runs on its source', async () => {
  for (const [source, spec] of Object.entries(OVERVIEW_SPECS) as [
    SourceId,
    (typeof OVERVIEW_SPECS)[SourceId],
  ][]) {
    for (const item of [...spec.kpis, ...spec.panels]) {
      if (item.kql) await expect(count(source, item.kql)).resolves.toBeGreaterThanOrEqual(0);
    }
  }
});

const inTen = (ip: unknown) => typeof ip === 'string' && ip.startsWith('10.');

test.each<[string, SourceId, (doc: Doc) => boolean]>([
  ['source.ip: "10.0.0.0/8"', 'vpcflow', (d) => inTen(get(d, 'source.ip'))],
  [
    'not source.ip: "10.0.0.0/8" and source.ip: *',
    'vpcflow',
    (d) => get(d, 'source.ip') !== undefined && !inTen(get(d, 'source.ip')),
  ],
  [
    'event.action: "reject" and destination.port >= 22 and destination.port <= 8080',
    'vpcflow',
    (d) => {
      const port = get(d, 'destination.port') as number | undefined;
      return (
        get(d, 'event.action') === 'reject' && port !== undefined && port >= 22 && port <= 8080
      );
    },
  ],
  [
    'network.transport: (icmp or udp)',
    'vpcflow',
    (d) => ['icmp', 'udp'].includes(String(get(d, 'network.transport'))),
  ],
  ['event.kind: "pipeline_error"', 'vpcflow', (d) => get(d, 'event.kind') === 'pipeline_error'],
  [
    'destination.ip: "2001:db8::/32" or source.ip: "fd00::/8"',
    'vpcflow',
    (d) =>
      String(get(d, 'destination.ip')).startsWith('2001:db8:') ||
      String(get(d, 'source.ip')).startsWith('fd'),
  ],
  [
    'user_agent.original: *zgrab*',
    'alb',
    (d) => String(get(d, 'user_agent.original')).includes('zgrab'),
  ],
  [
    'http.response.status_code >= 500 and not aws.elb.target_status_code: *',
    'alb',
    (d) =>
      Number(get(d, 'http.response.status_code')) >= 500 &&
      get(d, 'aws.elb.target_status_code') === undefined,
  ],
  [
    'url.path: /wp-login.php or url.path: "/checkout"',
    'alb',
    (d) => ['/wp-login.php', '/checkout'].includes(String(get(d, 'url.path'))),
  ],
  ['tls.established: false', 'nlb', (d) => get(d, 'tls.established') === false],
  [
    'aws.tgwflow.packets_lost_blackhole > 0',
    'tgwflow',
    (d) => Number(get(d, 'aws.tgwflow.packets_lost_blackhole')) > 0,
  ],
])('%s', async (kql, source, predicate) => {
  const expected = docs[source].filter(predicate).length;
  expect(await count(source, kql)).toBe(expected);
});
