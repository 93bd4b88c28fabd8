import { gzipSync } from 'node:zlib';
import type { Line } from './reader';
import { decodedStream, readLines, splitLines, UnsupportedFormatError } from './reader';

/** The given buffers as a stream of chunks (exactly those boundaries). */
async function* chunks(...parts: (Buffer | string)[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield Buffer.isBuffer(part) ? part : Buffer.from(part);
}

/** A buffer cut into chunks of `size` bytes. */
async function* sliced(buffer: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

async function collect(lines: AsyncIterable<Line>): Promise<Line[]> {
  const out: Line[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

const texts = (lines: Line[]) => lines.map((l) => [l.text, l.offset]);

describe('decoding', () => {
  const plain = 'first line\nsecond line\n';

  test('gzip is detected by its magic number, whatever the name', async () => {
    const lines = await collect(readLines(sliced(gzipSync(plain), 7)));
    expect(texts(lines)).toEqual([
      ['first line', 0],
      ['second line', 11],
    ]);
  });

  test('plain text passes through', async () => {
    expect(texts(await collect(readLines(chunks(plain))))).toEqual([
      ['first line', 0],
      ['second line', 11],
    ]);
  });

  test('multi-member gzip (concatenated members) is read to the end', async () => {
    const object = Buffer.concat([gzipSync('a1\na2\n'), gzipSync('b1\n'), gzipSync('c1')]);
    expect(texts(await collect(readLines(sliced(object, 5))))).toEqual([
      ['a1', 0],
      ['a2', 3],
      ['b1', 6],
      ['c1', 9],
    ]);
  });

  test('a one-byte stream that starts like gzip is plain text', async () => {
    expect(texts(await collect(readLines(chunks(Buffer.from([0x1f])))))).toEqual([['\u001f', 0]]);
  });

  test('Parquet is refused with a clear message', async () => {
    const parquet = Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(20)]);
    await expect(collect(readLines(sliced(parquet, 2)))).rejects.toThrow(UnsupportedFormatError);
    await expect(decodedStream(chunks(parquet))).rejects.toThrow(
      /Parquet objects are not supported/
    );
  });

  test('an empty object has no lines', async () => {
    expect(await collect(readLines(chunks()))).toEqual([]);
    expect(await collect(readLines(chunks(gzipSync(''))))).toEqual([]);
  });

  test('a corrupt gzip stream fails instead of ending quietly', async () => {
    const truncated = gzipSync('x'.repeat(10000) + '\n').subarray(0, 30);
    await expect(collect(readLines(chunks(truncated)))).rejects.toThrow(/unexpected end of file/);
  });

  test('a source that fails mid-object rejects the reader (gzip and plain)', async () => {
    async function* failing(first: Buffer): AsyncGenerator<Buffer> {
      yield first;
      throw new Error('socket reset');
    }
    const gz = gzipSync('line\n'.repeat(50000));
    await expect(collect(readLines(failing(gz.subarray(0, 100))))).rejects.toThrow('socket reset');
    await expect(collect(readLines(failing(Buffer.from('abc\n'))))).rejects.toThrow('socket reset');
  });

  test('a reader that stops early releases the source', async () => {
    let released = false;
    async function* source(): AsyncGenerator<Buffer> {
      try {
        for (;;) yield Buffer.from('line\n'.repeat(100));
      } finally {
        released = true;
      }
    }
    for await (const line of readLines(source())) {
      expect(line.text).toBe('line');
      break;
    }
    expect(released).toBe(true);
  });
});

describe('splitLines', () => {
  test('CRLF, including \\r\\n split across chunks', async () => {
    const lines = await collect(splitLines(chunks('one\r\ntwo\r', '\nthree\r\n')));
    expect(texts(lines)).toEqual([
      ['one', 0],
      ['two', 5],
      ['three', 10],
    ]);
  });

  test('a newline exactly at a chunk boundary', async () => {
    expect(texts(await collect(splitLines(chunks('abc\n', 'def\n', 'gh'))))).toEqual([
      ['abc', 0],
      ['def', 4],
      ['gh', 8],
    ]);
    expect(texts(await collect(splitLines(chunks('abc', '\ndef'))))).toEqual([
      ['abc', 0],
      ['def', 4],
    ]);
  });

  test('no final newline, and a final lone \\r', async () => {
    expect(texts(await collect(splitLines(chunks('a\nb'))))).toEqual([
      ['a', 0],
      ['b', 2],
    ]);
    expect(texts(await collect(splitLines(chunks('a\r\n\r'))))).toEqual([['a', 0]]);
  });

  test('empty lines are skipped, offsets still exact', async () => {
    const lines = await collect(splitLines(chunks('\n\na\n\r\n\nb\n\n')));
    expect(texts(lines)).toEqual([
      ['a', 2],
      ['b', 7],
    ]);
  });

  test('byte offsets are exact for multi-byte UTF-8, split across chunks', async () => {
    const text = 'café ✓\n日本語\n😀 x\n';
    const bytes = Buffer.from(text);
    for (const size of [1, 2, 3, 5, 64]) {
      const lines = await collect(splitLines(sliced(bytes, size)));
      expect(texts(lines)).toEqual([
        ['café ✓', 0],
        ['日本語', Buffer.byteLength('café ✓\n')],
        ['😀 x', Buffer.byteLength('café ✓\n日本語\n')],
      ]);
      expect(lines.every((l) => l.raw === undefined)).toBe(true);
    }
  });

  test('invalid UTF-8 keeps the original bytes', async () => {
    const bad = Buffer.from([0x61, 0xff, 0xfe, 0x62]);
    const lines = await collect(splitLines(chunks(Buffer.concat([bad, Buffer.from('\nok\n')]))));
    expect(lines[0]).toEqual({ text: 'a\ufffd\ufffdb', offset: 0, raw: bad });
    expect(lines[1]).toEqual({ text: 'ok', offset: 5 });
  });

  test('a line longer than maxLineBytes is shipped in pieces with exact offsets', async () => {
    const long = 'abcdefghij'; // 10 bytes
    for (const parts of [[`x\n${long}\ny\n`], ['x\n', 'abc', 'defgh', 'ij\ny', '\n']]) {
      const lines = await collect(splitLines(chunks(...parts), { maxLineBytes: 4 }));
      expect(lines).toEqual([
        { text: 'x', offset: 0 },
        { text: 'abcd', offset: 2, piece: 0 },
        { text: 'efgh', offset: 6, piece: 1 },
        { text: 'ij', offset: 10, piece: 2 },
        { text: 'y', offset: 13 },
      ]);
    }
  });

  test('a line of exactly maxLineBytes is not split; a \\r inside a piece is kept', async () => {
    expect(await collect(splitLines(chunks('abcd\r\nab\rcdef\n'), { maxLineBytes: 4 }))).toEqual([
      { text: 'abcd', offset: 0 },
      { text: 'ab\rc', offset: 6, piece: 0 },
      { text: 'def', offset: 10, piece: 1 },
    ]);
  });

  test('a long final line without newline is pieced too', async () => {
    expect(await collect(splitLines(chunks('abcdefghi'), { maxLineBytes: 4 }))).toEqual([
      { text: 'abcd', offset: 0, piece: 0 },
      { text: 'efgh', offset: 4, piece: 1 },
      { text: 'i', offset: 8, piece: 2 },
    ]);
  });
});
