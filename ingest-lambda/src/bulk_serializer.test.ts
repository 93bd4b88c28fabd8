// BulkAwareSerializer: counts the documents of an all-created filtered _bulk answer instead of
// parsing an object per document, and parses every other answer as the client's own does.
import { Serializer } from '@elastic/elasticsearch';
import { BulkAwareSerializer } from './shipper';

const serializer = new BulkAwareSerializer();
const created = (n: number) =>
  `{"errors":false,"items":[${new Array(n).fill('{"create":{"status":201}}').join(',')}]}`;

test.each([1, 2, 19_000])('an answer of %i created items is counted', (n) => {
  const answer = serializer.deserialize<{
    errors: boolean;
    netobsCreated: number;
    items: unknown[];
  }>(created(n));
  expect(answer.errors).toBe(false);
  expect(answer.netobsCreated).toBe(n);
  // Parsed on demand, as the plain serializer would.
  expect(answer.items).toEqual(
    new Serializer().deserialize<{ items: unknown[] }>(created(n)).items
  );
});

test.each([
  '{"errors":true,"items":[{"create":{"status":201}},{"create":{"status":409,"error":{"type":"version_conflict_engine_exception","reason":"x"}}}]}',
  '{"errors":false,"items":[{"create":{"status":201}},{"create":{"status":200}}]}',
  '{"errors":false,"took":3,"items":[{"create":{"_id":"a","status":201}}]}',
  '{"errors":false,"items":[{"create":{"status":201}}],"took":1}',
  '{"acknowledged":true}',
])('any other answer is parsed as usual: %s', (json) => {
  const answer = serializer.deserialize<Record<string, unknown>>(json);
  expect(answer.netobsCreated).toBeUndefined();
  expect(answer).toEqual(JSON.parse(json));
});
