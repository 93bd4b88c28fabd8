import { needsIngest, parseBulk, serializeBulk, splitDataStream } from './bulk_rewrite';

const body =
  [
    '{"create":{"_index":"logs-netobs.raw-default","_id":"a"}}',
    '{"message":"line one"}',
    '{"delete":{"_index":"other","_id":"b"}}',
    '{"create":{"_id":"c"}}',
    '{"message":"line two"}',
    '{"create":{"_index":"logs-netobs.raw-default","_id":"d","pipeline":"_none"}}',
    '{"message":"already parsed"}',
  ].join('\n') + '\n';

test('parses actions with their sources, using the URL index as default', () => {
  const items = parseBulk(body, 'logs-netobs.raw-prod');
  expect(items.map((i) => [i.action, i.meta._index, i.source?.message])).toEqual([
    ['create', 'logs-netobs.raw-default', 'line one'],
    ['delete', 'other', undefined],
    ['create', 'logs-netobs.raw-prod', 'line two'],
    ['create', 'logs-netobs.raw-default', 'already parsed'],
  ]);
  expect(items.map(needsIngest)).toEqual([true, false, true, false]);
});

test('serialises back to the same NDJSON', () => {
  expect(serializeBulk(parseBulk(body))).toBe(body);
});

test('splits a data stream name into dataset and namespace', () => {
  expect(splitDataStream('logs-netobs.raw-team-a')).toEqual({
    dataset: 'netobs.raw',
    namespace: 'team-a',
  });
  expect(() => splitDataStream('logs-other-default')).toThrow('not a netobs data stream');
});
