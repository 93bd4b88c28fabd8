// Property-based tests of bulk bodies (fast-check). Pins: whatever the documents (any JSON, any
// Unicode, ids included) and limits, every request body is NDJSON of (create action with the
// document's _id, document) pairs; the documents go out once each, in order; and a body stays
// within the byte limit as the shipper batches: add() flushes as soon as the body reaches
// maxBytes, so before its last document a body is below maxBytes, i.e.
//   bytes(body) <= maxBytes - 1 + bytes(its last action+document pair)  (< maxBytes + one document)
// and every body but the last is at least maxBytes. Retried bodies are made of the items that were
// answered 429/502/503/504, in order, and every document ends up created, a conflict or failed.
// Reproduce a failure: FC_SEED=<seed> npx jest ingest-lambda/src/shipper.property --selectProjects unit
import fc from 'fast-check';
import { runs } from '../../test/support/fast_check';
import type { BulkClient } from './shipper';
import { BulkShipper } from './shipper';
import { bulkText } from '../../test/forwarder/bulk_text';

interface Pair {
  id: string;
  doc: unknown;
  /** Bytes of the action and document lines, newlines included. */
  bytes: number;
}

/** Parses a bulk body strictly: NDJSON, (create {_id}, document) pairs, nothing else. */
function parseBody(body: string): Pair[] {
  expect(body.endsWith('\n')).toBe(true);
  const lines = body.slice(0, -1).split('\n');
  expect(lines.length % 2).toBe(0);
  const pairs: Pair[] = [];
  for (let i = 0; i < lines.length; i += 2) {
    const action: unknown = JSON.parse(lines[i]);
    expect(action).toEqual({ create: { _id: expect.any(String) } });
    const doc: unknown = JSON.parse(lines[i + 1]);
    expect(doc).toEqual(expect.any(Object));
    pairs.push({
      id: (action as { create: { _id: string } }).create._id,
      doc,
      bytes: Buffer.byteLength(`${lines[i]}\n${lines[i + 1]}\n`),
    });
  }
  return pairs;
}

type Status = 201 | 409 | 429 | 400 | 503;
const RETRIED = new Set<number>([429, 503]);

/** A transport that records each bulk body and answers its items from `statuses`, in turn. */
function fakeClient(statuses: Status[] = [201]) {
  const bodies: string[] = [];
  const answers: number[][] = [];
  let answered = 0;
  const request = async (params: { bulkBody: unknown }): Promise<unknown> => {
    bodies.push(bulkText(params));
    const count = bulkText(params).split('\n').length >> 1;
    const answer = Array.from({ length: count }, () => statuses[answered++ % statuses.length]);
    answers.push(answer);
    await Promise.resolve(); // answer later, as a real request does
    const items = answer.map((status) => ({
      create: status < 300 ? { status } : { status, error: { type: 'x', reason: 'y' } },
    }));
    return { errors: answer.some((status) => status >= 300), items };
  };
  return { client: { transport: { request } } as unknown as BulkClient, bodies, answers };
}

const docArb = fc.oneof(
  fc.record({ message: fc.string({ unit: 'binary', maxLength: 80 }) }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })
);
const docsArb = fc.array(
  fc.record({
    // Real ids are 27 base64url characters; any string must still make valid NDJSON.
    id: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{27}$/), fc.string({ unit: 'binary' })),
    doc: docArb,
  }),
  { maxLength: 40 }
);
const options = { index: 'logs-netobs.raw-test', sleep: async () => undefined, random: () => 0.5 };

test('every body is NDJSON of create pairs, each document once and in order, within maxBytes plus one document', async () => {
  await fc.assert(
    fc.asyncProperty(
      docsArb,
      fc.integer({ min: 1, max: 3000 }),
      fc.integer({ min: 1, max: 3 }),
      async (docs, maxBytes, concurrency) => {
        const { client, bodies } = fakeClient();
        const shipper = new BulkShipper(client, { ...options, maxBytes, concurrency });
        for (const { id, doc } of docs) await shipper.add(id, doc);
        const stats = await shipper.finish();

        const sent = bodies.map(parseBody);
        expect(sent.flat().map((p) => p.id)).toEqual(docs.map((d) => d.id));
        expect(sent.flat().map((p) => p.doc)).toEqual(
          docs.map((d) => JSON.parse(JSON.stringify(d.doc)))
        );
        sent.forEach((pairs, i) => {
          const bytes = Buffer.byteLength(bodies[i]);
          expect(pairs.length).toBeGreaterThan(0);
          expect(bytes - pairs[pairs.length - 1].bytes).toBeLessThan(maxBytes);
          if (i < sent.length - 1) expect(bytes).toBeGreaterThanOrEqual(maxBytes);
        });
        expect(stats).toMatchObject({ docs: docs.length, created: docs.length, failed: 0 });
        expect(stats.bytes).toBe(bodies.reduce((sum, b) => sum + Buffer.byteLength(b), 0));
      }
    ),
    runs(150)
  );
});

test('with item errors and retries, every body is still valid and every document is accounted for', async () => {
  await fc.assert(
    fc.asyncProperty(
      docsArb,
      fc.integer({ min: 1, max: 3000 }),
      fc.array(fc.constantFrom<Status>(201, 409, 429, 400, 503), { minLength: 1, maxLength: 10 }),
      fc.integer({ min: 1, max: 4 }),
      async (docs, maxBytes, statuses, maxAttempts) => {
        const { client, bodies, answers } = fakeClient(statuses);
        const shipper = new BulkShipper(client, {
          ...options,
          maxBytes,
          maxAttempts,
          concurrency: 1, // one request at a time: each body follows the one it retries
        });
        for (const { id, doc } of docs) await shipper.add(id, doc);
        const stats = await shipper.finish();

        // Walk the requests: each is the retry of the previous one's retryable items while
        // attempts remain, else the next fresh batch; fresh batches are the documents in order.
        const ids = bodies.map((body) => parseBody(body).map((p) => p.id));
        const fresh: string[] = [];
        let attempt = 0;
        ids.forEach((body, k) => {
          const previous = k > 0 ? ids[k - 1].filter((_, i) => RETRIED.has(answers[k - 1][i])) : [];
          if (previous.length > 0 && attempt + 1 < maxAttempts) {
            expect(body).toEqual(previous);
            attempt += 1;
          } else {
            fresh.push(...body);
            attempt = 0;
          }
        });
        expect(fresh).toEqual(docs.map((d) => d.id));
        expect(stats.created + stats.conflicts + stats.failed).toBe(docs.length);
        expect(stats.docs).toBe(docs.length);
      }
    ),
    runs(150)
  );
});
