import { QUERY_CATALOG } from './catalog';
import { countHeadline, nounFor, queryMeasure } from './measure';

const byId = (id: string) => QUERY_CATALOG.find((q) => q.id === id)!;

test("documents are counted with their source's noun", () => {
  const answer = { id: '', kql: '', count: 2350 };
  expect(countHeadline(byId('vpc-rejected-from-10-8'), answer)).toEqual({
    value: 2350,
    noun: 'flows',
  });
  expect(countHeadline(byId('alb-404s'), answer).noun).toBe('requests');
  expect(countHeadline(byId('nlb-tls-handshake-failures'), answer).noun).toBe('connections');
  expect(countHeadline(byId('parse-errors'), { ...answer, count: 1 }).noun).toBe('line');
  expect(countHeadline(byId('vpc-nodata-skipdata'), answer).noun).toBe('intervals');
});

test('"top" questions count the distinct values asked about, the documents second', () => {
  const talkers = byId('vpc-top-talkers');
  expect(queryMeasure(talkers)).toEqual({ kind: 'distinct', field: 'source.ip', noun: 'source' });
  expect(countHeadline(talkers, { id: '', kql: '', count: 2350, distinct: 12 })).toEqual({
    value: 12,
    noun: 'sources',
    documents: { value: 2350, noun: 'flows' },
  });
  expect(
    countHeadline(byId('alb-5xx-by-target'), { id: '', kql: '', count: 340, distinct: 1 })
  ).toEqual({ value: 1, noun: 'target', documents: { value: 340, noun: 'requests' } });
});

test('without a distinct count the documents are shown as documents, not mislabelled', () => {
  expect(countHeadline(byId('vpc-top-talkers'), { id: '', kql: '', count: 7 })).toEqual({
    value: 7,
    noun: 'flows',
  });
});

test('no catalog entry reads as "hits"', () => {
  for (const query of QUERY_CATALOG) {
    expect(countHeadline(query, { id: '', kql: '', count: 2, distinct: 2 }).noun).not.toMatch(
      /hit/
    );
  }
  expect(nounFor('flow', 0)).toBe('flows');
});
