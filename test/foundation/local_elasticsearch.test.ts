// The local node is real Elasticsearch: composable templates, data streams with a default
// pipeline and lifecycle, `_bulk` create semantics and CIDR queries on `ip` fields all behave as
// on a production cluster.
import { testClient } from '../support/es_env';

const client = testClient();
// The Maven Central distribution has no data-streams module, so no `DELETE _data_stream`:
// each run writes to a stream of its own (the test node itself starts from empty data).
const stream = `logs-foundation.check-${Date.now()}`;

afterAll(async () => {
  await client.indices.deleteIndexTemplate({ name: 'foundation-check' }).catch(() => undefined);
  await client.ingest.deletePipeline({ id: 'foundation-check' }).catch(() => undefined);
  await client.close();
});

test('is a real Elasticsearch 8.x or 9.x node', async () => {
  const nodes = await client.nodes.info({ metric: 'plugins' });
  const [node] = Object.values(nodes.nodes);
  expect(node.version).toMatch(/^(8|9)\.\d+\.\d+/);
  expect(node.modules?.map((m) => m.name)).toEqual(
    expect.arrayContaining(['transport-netty4', 'x-pack-core'])
  );
});

test('indexes into a data stream through a template with a default pipeline and lifecycle', async () => {
  await client.ingest.putPipeline({
    id: 'foundation-check',
    description: 'no processors: the Maven Central distribution has no processor modules',
    processors: [],
    _meta: { version: 'test' },
  });
  await client.indices.putIndexTemplate({
    name: 'foundation-check',
    index_patterns: ['logs-foundation.check-*'],
    data_stream: {},
    priority: 500,
    template: {
      lifecycle: { data_retention: '7d' },
      settings: { 'index.default_pipeline': 'foundation-check', number_of_replicas: 0 },
      mappings: { properties: { source: { properties: { ip: { type: 'ip' } } } } },
    },
  });
  const operations = [
    { create: { _index: stream, _id: 'same-id' } },
    { '@timestamp': '2026-11-01T00:00:00Z', source: { ip: '10.1.2.3' } },
    { create: { _index: stream, _id: 'same-id' } },
    { '@timestamp': '2026-11-01T00:00:00Z', source: { ip: '10.1.2.3' } },
    { create: { _index: stream, _id: 'other' } },
    { '@timestamp': '2026-11-01T00:00:01Z', source: { ip: '203.0.113.9' } },
  ];
  const bulk = await client.bulk({ operations, refresh: 'wait_for' });
  expect(bulk.items.map((item) => item.create?.status)).toEqual([201, 409, 201]);

  const inPrivateRange = await client.count({
    index: stream,
    query: { term: { 'source.ip': '10.0.0.0/8' } },
  });
  expect(inPrivateRange.count).toBe(1);
  const backing = await client.indices.getSettings({
    index: stream,
    name: 'index.default_pipeline',
  });
  expect(Object.values(backing)[0].settings?.index?.default_pipeline).toBe('foundation-check');
});
