// Property-based tests of document ids (fast-check). Pins: an object line's _id is a function of
// (object, version, offset, piece) only (not of its text, timestamp or source hint), so a
// redelivered object yields the same ids; distinct (object, version, offset, piece) give distinct
// ids; every line of one object has its own id; CloudWatch Logs events get ids that are
// deterministic and unique within a batch, whatever the ids CloudWatch gave (none, repeated).
// Domains are AWS's: bucket names cannot hold "/", versions (S3 version ids, ETags, local
// size:mtime) hold no newline, keys may hold anything, newlines included.
// Reproduce a failure: FC_SEED=<seed> npx jest ingest-lambda/src/documents.property --selectProjects unit
import fc from 'fast-check';
import { runs } from '../../test/support/fast_check';
import type { LogEventOrigin, ObjectOrigin } from './documents';
import { logEventDocument, ObjectDocuments } from './documents';
import type { LogEventsBatch } from './events';
import type { Line } from './reader';
import { splitLines } from './reader';

const ID_SHAPE = /^[A-Za-z0-9_-]{27}$/;

const bucketArb = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,10}[a-z0-9]$/);
/** S3 keys are any UTF-8, slashes and newlines included. */
const keyArb = fc.string({
  unit: fc.oneof(
    fc.constantFrom('/', '\n', '\r', '.', ' ', 'é', '😀'),
    fc.string({ maxLength: 1 })
  ),
  minLength: 1,
  maxLength: 12,
});
const versionArb = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9._-]{1,16}$/), // S3 version id
  fc.stringMatching(/^[0-9a-f]{8}(-[1-9][0-9]?)?$/), // ETag, quotes removed (multipart: -N)
  fc.tuple(fc.nat(), fc.nat()).map(([size, mtime]) => `${size}:${mtime}`) // local file
);
const pathArb = keyArb.map((key) => `/${key}`);

type Place = { bucket: string; key: string } | { path: string };
const placeArb: fc.Arbitrary<Place> = fc.oneof(
  fc.record({ bucket: bucketArb, key: keyArb }),
  fc.record({ path: pathArb })
);
const timestampArb = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());

const lineArb: fc.Arbitrary<Line> = fc.record(
  {
    text: fc.string({ maxLength: 20 }),
    offset: fc.nat({ max: 2 ** 40 }),
    piece: fc.nat({ max: 5 }),
    raw: fc.uint8Array({ minLength: 1, maxLength: 8 }).map((b) => Buffer.from(b)),
  },
  { requiredKeys: ['text', 'offset'] }
);

/** The document of `line` as the second line of its object (the first may be a header). */
function build(origin: ObjectOrigin, line: Line) {
  const documents = new ObjectDocuments(origin);
  documents.toDocument({ text: 'first', offset: 0 });
  const built = documents.toDocument(line);
  if (!built) throw new Error('a line after the first always gives a document');
  return built;
}

test('ids are deterministic: a function of (object, version, offset, piece) only', () => {
  fc.assert(
    fc.property(
      placeArb,
      versionArb,
      lineArb,
      fc.tuple(timestampArb, timestampArb),
      fc.tuple(fc.option(fc.string()), fc.option(fc.string())),
      fc.tuple(fc.string(), fc.option(fc.uint8Array({ minLength: 1 }))),
      (place, version, line, [t1, t2], [hint1, hint2], [otherText, otherRaw]) => {
        const first = build(
          { ...place, version, timestamp: t1, sourceHint: hint1 ?? undefined },
          line
        );
        // Same object, version, offset and piece; anything else may differ.
        const again = build(
          { ...place, version, timestamp: t2, sourceHint: hint2 ?? undefined },
          { ...line, text: otherText, raw: otherRaw ? Buffer.from(otherRaw) : undefined }
        );
        expect(again.id).toBe(first.id);
        expect(first.id).toMatch(ID_SHAPE);
        // And a second run over the very same input gives the very same document.
        expect(
          build({ ...place, version, timestamp: t1, sourceHint: hint1 ?? undefined }, line)
        ).toEqual(first);
      }
    ),
    runs(200)
  );
});

test('distinct (object, version, offset, piece) give distinct ids', () => {
  // Small pools, so that tuples share most of their parts and differ in one.
  const tuples = fc
    .tuple(
      fc.array(placeArb, { minLength: 1, maxLength: 3 }),
      fc.array(versionArb, { minLength: 1, maxLength: 3 })
    )
    .chain(([places, versions]) =>
      fc.uniqueArray(
        fc.record({
          place: fc.constantFrom(...places),
          version: fc.constantFrom(...versions),
          offset: fc.nat({ max: 12 }),
          piece: fc.option(fc.nat({ max: 3 }), { nil: undefined }),
        }),
        { selector: (t) => JSON.stringify(t), minLength: 2, maxLength: 40 }
      )
    );
  fc.assert(
    fc.property(tuples, (all) => {
      const ids = all.map(
        ({ place, version, offset, piece }) =>
          build({ ...place, version, timestamp: 't' }, { text: 'x', offset, piece }).id
      );
      expect(new Set(ids).size).toBe(ids.length);
    }),
    runs(200)
  );
});

test('every line of an object has its own id, and another version shares none', async () => {
  const bytes = fc
    .array(fc.constantFrom('a', 'bc', '\n', '\r\n', ' ', 'é', '\n\n'), { maxLength: 60 })
    .map((parts) => Buffer.from(parts.join('')));
  await fc.assert(
    fc.asyncProperty(
      fc.record({ bucket: bucketArb, key: keyArb }),
      fc.uniqueArray(versionArb, { minLength: 2, maxLength: 2 }),
      bytes,
      fc.integer({ min: 1, max: 4 }),
      async (place, [v1, v2], content, maxLineBytes) => {
        const idsOf = async (version: string) => {
          const documents = new ObjectDocuments({ ...place, version, timestamp: 't' });
          const ids: string[] = [];
          async function* source() {
            yield content;
          }
          for await (const line of splitLines(source(), { maxLineBytes })) {
            const built = documents.toDocument(line);
            if (!built) continue;
            expect(built.doc.log).toEqual({
              offset: line.offset,
              file: { path: `s3://${place.bucket}/${place.key}` },
            });
            expect(built.doc.message).toBe(line.text);
            expect((built.doc.netobs as { piece?: number } | undefined)?.piece).toBe(line.piece);
            ids.push(built.id);
          }
          return ids;
        };
        const first = await idsOf(v1);
        expect(new Set(first).size).toBe(first.length);
        expect(await idsOf(v1)).toEqual(first);
        const second = new Set(await idsOf(v2));
        expect(first.filter((id) => second.has(id))).toEqual([]);
      }
    ),
    runs(100)
  );
});

describe('CloudWatch Logs events', () => {
  const originArb: fc.Arbitrary<LogEventOrigin> = fc.record({
    logGroup: fc.stringMatching(/^[A-Za-z0-9._/#-]{1,12}$/),
    // Stream names may hold anything but ":" and "*", a newline included.
    logStream: fc
      .string({
        unit: fc.oneof(fc.constantFrom('\n', '3762', '/'), fc.string({ maxLength: 1 })),
        minLength: 1,
        maxLength: 8,
      })
      .filter((s) => !/[:*]/.test(s)),
  });
  /** Events as CloudWatch gives them, and as redelivery and odd payloads do: ids repeated or absent. */
  const eventsArb = fc.array(
    fc.record({
      id: fc.option(fc.constantFrom('3762', '3763', '3764', '37640'), { nil: undefined }),
      timestamp: fc.constantFrom(1763800000000, 1763800000001),
      message: fc.constantFrom('a', 'b', ''),
    }),
    { maxLength: 12 }
  );

  /** The ids of a batch, the way shipLogEvents (ship_object.ts) numbers repeated events. */
  function batchIds(origin: LogEventOrigin, events: LogEventsBatch['events']): string[] {
    const seen = new Set<string>();
    return events.map((event, position) => {
      const repeated = event.id === undefined || seen.has(event.id);
      if (event.id !== undefined) seen.add(event.id);
      return logEventDocument(origin, event, repeated ? position : undefined).id;
    });
  }

  test('ids are deterministic and unique within a batch, duplicates included', () => {
    fc.assert(
      fc.property(originArb, eventsArb, (origin, events) => {
        const ids = batchIds(origin, events);
        expect(new Set(ids).size).toBe(ids.length);
        expect(batchIds({ ...origin, sourceHint: 'vpcflow' }, events)).toEqual(ids);
        for (const id of ids) expect(id).toMatch(ID_SHAPE);
      }),
      runs(200)
    );
  });

  test('another log stream or group shares no id', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(originArb, {
          selector: (o) => JSON.stringify([o.logGroup, o.logStream]),
          minLength: 2,
          maxLength: 2,
        }),
        eventsArb,
        ([a, b], events) => {
          const other = new Set(batchIds(b, events));
          expect(batchIds(a, events).filter((id) => other.has(id))).toEqual([]);
        }
      ),
      runs(200)
    );
  });
});
