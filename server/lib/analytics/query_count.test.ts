// queryCount with a search client that records what it is asked and answers as Elasticsearch
// does for size-0 searches (hits.total and aggregations).
import { localQueryLanguage } from '../../../dev/query_language';
import { ValidationError } from '../validation/validate_object';
import type { SearchClient } from './query_context';
import { queryCount, UnknownQueryError } from './query_count';

function fakeClient(aggregations: Record<string, unknown> = {}) {
  const search = jest.fn(async (_request: { aggs?: Record<string, unknown> }) => ({
    hits: { total: { value: 2350, relation: 'eq' }, hits: [] },
    aggregations,
  }));
  return { client: { search } as unknown as SearchClient, search };
}

const range = { from: 'now-24h', to: 'now' };

test('parameter values are checked as the form checks them, before any search', async () => {
  const { client, search } = fakeClient();
  const count = (params: Record<string, string>) =>
    queryCount(client, { ...range, id: 'vpc-port-traffic', params }, localQueryLanguage);
  await expect(count({ port: '70000' })).rejects.toThrow(
    new ValidationError('params.port', 'expected a whole number from 0 to 65535, got "70000"')
  );
  await expect(count({ port: '443', ip: '10.0.0.1' })).rejects.toThrow(
    '[params.ip]: query vpc-port-traffic has no parameter ip'
  );
  await expect(
    queryCount(
      client,
      { ...range, id: 'vpc-source-blocked-on', params: { ip: 'scanner' } },
      localQueryLanguage
    )
  ).rejects.toThrow(/^\[params\.ip\]: expected an IPv4 or IPv6 address/);
  expect(search).not.toHaveBeenCalled();
  await expect(
    queryCount(client, { ...range, id: 'nope' }, localQueryLanguage)
  ).rejects.toBeInstanceOf(UnknownQueryError);
});

test('a "top" query also counts the distinct values it asks about', async () => {
  const { client, search } = fakeClient({ distinct: { value: 12 }, by: { buckets: [] } });
  const answer = await queryCount(client, { ...range, id: 'vpc-top-talkers' }, localQueryLanguage);
  expect(search.mock.calls[0][0].aggs?.distinct).toEqual({ cardinality: { field: 'source.ip' } });
  expect(answer).toMatchObject({ id: 'vpc-top-talkers', count: 2350, distinct: 12 });
});

test('other queries count documents only', async () => {
  const { client, search } = fakeClient();
  const answer = await queryCount(
    client,
    { ...range, id: 'vpc-port-traffic', params: { port: '22' } },
    localQueryLanguage
  );
  expect(search.mock.calls[0][0].aggs?.distinct).toBeUndefined();
  expect(answer.distinct).toBeUndefined();
  expect(answer.kql).toBe('destination.port: 22');
});
