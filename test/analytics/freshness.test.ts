// Freshness on the real node: the last event is the newest document's @timestamp (whatever the
// order documents arrived in), the same string a max aggregation gives, and null where a source
// has no data; counts and the error share are unchanged by the sorted search.
import { freshness } from '../../server/lib/analytics/freshness';
import { dataStreamName } from '../../common/constants';
import { testClient } from '../support/es_env';

const client = testClient();
const namespace = `fresh${process.pid}`;
const index = dataStreamName('vpcflow', namespace);

beforeAll(async () => {
  const docs = [
    { '@timestamp': '2026-01-01T00:00:00.123Z', event: { kind: 'event' } },
    // The newest, indexed between two older ones: the answer must not depend on arrival order.
    { '@timestamp': '2026-03-05T10:11:12.456Z', event: { kind: 'event' } },
    { '@timestamp': '2026-02-01T00:00:00.000Z', event: { kind: 'pipeline_error' } },
  ];
  // Parsed documents: no pipeline (the test node holds none; the stream's default one would fail).
  const response = await client.bulk({
    refresh: true,
    operations: docs.flatMap((doc) => [{ create: { _index: index, pipeline: '_none' } }, doc]),
  });
  expect(response.errors).toBe(false);
});

// The stream stays: the test node has no DELETE _data_stream, and the namespace is this run's own.
afterAll(() => client.close());

test('the last event is the newest document, as a max aggregation reports it', async () => {
  const entries = await freshness(client, namespace);
  const vpc = entries.find((e) => e.source === 'vpcflow');
  const max = await client.search({
    index,
    size: 0,
    aggs: { last: { max: { field: '@timestamp' } } },
  });
  const maxString = (max.aggregations as { last: { value_as_string: string } }).last
    .value_as_string;
  expect(vpc).toEqual({
    source: 'vpcflow',
    lastEvent: '2026-03-05T10:11:12.456Z',
    eventsPerMinute: 0,
    parseErrors: 1,
    total: 3,
    parseErrorRate: 1 / 3,
  });
  expect(vpc?.lastEvent).toBe(maxString);
});

test('a source without data has no last event and no documents', async () => {
  const entries = await freshness(client, namespace);
  expect(entries.find((e) => e.source === 'alb')).toEqual({
    source: 'alb',
    lastEvent: null,
    eventsPerMinute: 0,
    parseErrors: 0,
    total: 0,
    parseErrorRate: 0,
  });
});
