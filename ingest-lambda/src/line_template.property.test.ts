// The object reader's fast path (ObjectDocuments.appendLine: action and document written as bytes
// from a per-object template) must send exactly what the general path sends: the same id and
// the same document, field for field, for any line, origin and header, or decline the line.
import fc from 'fast-check';
import { runs } from '../../test/support/fast_check';
import type { ObjectOrigin } from './documents';
import { ObjectDocuments } from './documents';
import { lineOf } from './reader';
import { BulkBody } from './shipper';

const HEADER =
  'version interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status';

const originArb: fc.Arbitrary<ObjectOrigin> = fc.oneof(
  fc.record({
    bucket: fc.string({ minLength: 1, maxLength: 12 }),
    key: fc.string({ maxLength: 40 }),
    version: fc.string({ maxLength: 20 }),
    timestamp: fc.constant('2026-11-22T12:05:00.000Z'),
    sourceHint: fc.option(fc.constantFrom('vpcflow', 'alb'), { nil: undefined }),
  }),
  fc.record({
    path: fc.string({ minLength: 1, maxLength: 30 }),
    version: fc.string({ maxLength: 20 }),
    timestamp: fc.constant('2026-11-22T12:05:00.000Z'),
  }),
  // Paths beyond ASCII: multi-byte UTF-8 (the id hashes the path's UTF-8 bytes) and lone
  // surrogates (a string that is not well-formed UTF-16).
  fc.record({
    path: fc.string({
      minLength: 1,
      maxLength: 12,
      unit: fc.oneof(
        fc.constantFrom('a', '/', 'é', '€', '😀'),
        fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit))
      ),
    }),
    version: fc.string({ maxLength: 20, unit: 'binary' }),
    timestamp: fc.constant('2026-11-22T12:05:00.000Z'),
  })
);

// Lines of any bytes but newlines: ASCII, quotes, backslashes, controls, multi-byte UTF-8 and
// bytes that are not UTF-8 at all.
const lineArb = fc.oneof(
  fc
    .string({ minLength: 1, maxLength: 60 })
    .map((text) => Buffer.from(text.replace(/[\n\r]/g, ' '))),
  fc
    .uint8Array({ minLength: 1, maxLength: 40 })
    .map((bytes) => Buffer.from(bytes.map((b) => (b === 0x0a || b === 0x0d ? 0x20 : b))))
);

test('the fast path writes what the general path sends, or declines the line', () => {
  fc.assert(
    fc.property(
      originArb,
      fc.boolean(),
      fc.array(lineArb, { minLength: 1, maxLength: 8 }),
      fc.nat(1000),
      (origin, withHeader, lines, pad) => {
        const fast = new ObjectDocuments(origin);
        const general = new ObjectDocuments(origin);
        const first = Buffer.from(withHeader ? HEADER : 'first line');
        expect(fast.appendLine(new BulkBody(64), first, 0, first.length, 0, undefined)).toBe(false);
        fast.toDocuments(lineOf(first, 0, first.length, 0, undefined));
        general.toDocuments(lineOf(first, 0, first.length, 0, undefined));
        let offset = first.length + 1;
        for (const line of lines) {
          // The line sits inside a larger buffer, as it does in a decoded chunk.
          const chunk = Buffer.concat([Buffer.alloc(pad % 7, 0x41), line, Buffer.from('\n')]);
          const start = pad % 7;
          const end = start + line.length;
          const body = new BulkBody(16);
          const expected = general.toDocuments(lineOf(chunk, start, end, offset, undefined));
          if (fast.appendLine(body, chunk, start, end, offset, undefined)) {
            const text = body.bytes.subarray(0, body.length).toString('utf8');
            expect(text).toBe(
              expected
                .map(
                  ({ id, doc }) =>
                    `${JSON.stringify({ create: { _id: id } })}\n${JSON.stringify(doc)}\n`
                )
                .join('')
            );
          } else {
            // Declined: only lines the general path treats specially (JSON, invalid UTF-8).
            expect(line[0] === 0x7b || !Buffer.from(line.toString('utf8')).equals(line)).toBe(true);
          }
          offset += line.length + 1;
        }
      }
    ),
    runs(300)
  );
});
