// Property-based tests of the line splitter (fast-check). Pins: any bytes, cut into any chunks
// (empty ones included), split into the same lines with the same byte offsets, pieces and raw
// bytes as the whole buffer in one chunk, and those are what a plain model of the format says
// (split on \n, strip one trailing \r, skip empty lines, cut lines longer than maxLineBytes into
// pieces, keep the bytes of invalid UTF-8); gzip is transparent whatever the chunking.
// Reproduce a failure: FC_SEED=<seed> npx jest ingest-lambda/src/reader.property --selectProjects unit
import { isUtf8 } from 'node:buffer';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { runs } from '../../test/support/fast_check';
import type { Line } from './reader';
import { readLines, splitLines } from './reader';

/** Bytes rich in what the splitter cares about: \n, \r, multi-byte UTF-8, invalid bytes. */
const byteUnit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom([0x0a], [0x0d], [0x0d, 0x0a]) },
  { weight: 4, arbitrary: fc.constantFrom([0x61], [0x62], [0x20], [0x2c]) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      [0xc3, 0xa9], // é
      [0xe2, 0x9c, 0x93], // ✓
      [0xf0, 0x9f, 0x98, 0x80], // 😀
      [0xff], // never valid UTF-8
      [0xc3], // a truncated sequence
      [0x1f, 0x8b] // the gzip magic, inside a plain stream
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }).map((b) => [b]) }
);
const bytesArb = fc.array(byteUnit, { maxLength: 80 }).map((units) => Buffer.from(units.flat()));

/** Cut points, reduced modulo the length; duplicates make empty chunks. */
const cutsArb = fc.array(fc.nat({ max: 1000 }), { maxLength: 12 });
const maxLineArb = fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined });

function cut(buffer: Buffer, cuts: number[]): Buffer[] {
  const points = cuts.map((c) => c % (buffer.length + 1)).sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let from = 0;
  for (const point of [...points, buffer.length]) {
    parts.push(buffer.subarray(from, point));
    from = point;
  }
  return parts;
}

async function* stream(parts: Buffer[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield part;
}

async function collect(lines: AsyncIterable<Line>): Promise<Line[]> {
  const out: Line[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

function lineOf(bytes: Buffer, offset: number, piece?: number): Line {
  return {
    text: bytes.toString('utf8'),
    offset,
    ...(isUtf8(bytes) ? {} : { raw: Buffer.from(bytes) }),
    ...(piece !== undefined ? { piece } : {}),
  };
}

/** The format, stated plainly over the whole buffer. */
function model(buffer: Buffer, maxLineBytes = 16 * 1024 * 1024): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= buffer.length) {
    const newline = buffer.indexOf(0x0a, start);
    const end = newline < 0 ? buffer.length : newline;
    let body = buffer.subarray(start, end);
    if (body.length > 0 && body[body.length - 1] === 0x0d) body = body.subarray(0, -1);
    if (body.length > maxLineBytes) {
      for (let piece = 0; piece * maxLineBytes < body.length; piece++) {
        const from = piece * maxLineBytes;
        lines.push(lineOf(body.subarray(from, from + maxLineBytes), start + from, piece));
      }
    } else if (body.length > 0) {
      lines.push(lineOf(body, start));
    }
    if (newline < 0) break;
    start = newline + 1;
  }
  return lines;
}

test('any chunking of any bytes gives the same lines, offsets and pieces', async () => {
  await fc.assert(
    fc.asyncProperty(bytesArb, cutsArb, maxLineArb, async (bytes, cuts, maxLineBytes) => {
      const whole = await collect(splitLines(stream([bytes]), { maxLineBytes }));
      const chunked = await collect(splitLines(stream(cut(bytes, cuts)), { maxLineBytes }));
      expect(chunked).toEqual(whole);
    }),
    runs(300)
  );
});

test('the lines are those of the plain model of the format', async () => {
  await fc.assert(
    fc.asyncProperty(bytesArb, cutsArb, maxLineArb, async (bytes, cuts, maxLineBytes) => {
      const lines = await collect(splitLines(stream(cut(bytes, cuts)), { maxLineBytes }));
      expect(lines).toEqual(model(bytes, maxLineBytes));
      // Nothing is lost: each line's bytes are the input's at its offset.
      for (const line of lines) {
        const own = line.raw ?? Buffer.from(line.text);
        expect(bytes.subarray(line.offset, line.offset + own.length).equals(own)).toBe(true);
      }
    }),
    runs(300)
  );
});

test('gzip is transparent: the same lines whatever the chunking of the compressed bytes', async () => {
  await fc.assert(
    fc.asyncProperty(bytesArb, cutsArb, maxLineArb, async (bytes, cuts, maxLineBytes) => {
      const gz = await collect(readLines(stream(cut(gzipSync(bytes), cuts)), { maxLineBytes }));
      expect(gz).toEqual(model(bytes, maxLineBytes));
    }),
    runs(100)
  );
});

test('plain bytes that start like neither gzip nor Parquet pass through readLines unchanged', async () => {
  const plain = bytesArb.filter(
    (b) => !(b[0] === 0x1f && b[1] === 0x8b) && !b.subarray(0, 4).equals(Buffer.from('PAR1'))
  );
  await fc.assert(
    fc.asyncProperty(plain, cutsArb, maxLineArb, async (bytes, cuts, maxLineBytes) => {
      const lines = await collect(readLines(stream(cut(bytes, cuts)), { maxLineBytes }));
      expect(lines).toEqual(model(bytes, maxLineBytes));
    }),
    runs(200)
  );
});
