import { gzipSync } from 'node:zlib';
import { BufferCollector } from './memory';
import { decodedStream, LineSplitter } from './reader';

test('BufferCollector collects once ArrayBuffers pass its limit, never when turned off', () => {
  const over = new BufferCollector(1);
  over.check();
  expect(over.collections).toBe(1);
  const off = new BufferCollector(0);
  off.check();
  expect(off.collections).toBe(0);
});

test('freed gunzip chunks: every line intact across chunk boundaries, chunk buffers detached after use', async () => {
  // Lines of varying length (some longer than a 256 KiB chunk) so that many straddle chunks.
  const lines = Array.from({ length: 40_000 }, (_, i) =>
    i % 5000 === 7 ? 'L'.repeat(300_000 + i) : `${i} ${'x'.repeat(i % 211)}`
  );
  const gz = gzipSync(Buffer.from(lines.join('\n') + '\n'));
  const source = (async function* () {
    for (let at = 0; at < gz.length; at += 10_000) yield gz.subarray(at, at + 10_000);
  })();
  const splitter = new LineSplitter();
  const got: string[] = [];
  const seen: Buffer[] = [];
  for await (const chunk of await decodedStream(source, { freeChunks: true })) {
    seen.push(chunk);
    splitter.push(chunk, (bytes, start, end) => got.push(bytes.toString('utf8', start, end)));
  }
  splitter.end((bytes, start, end) => got.push(bytes.toString('utf8', start, end)));
  expect(got).toEqual(lines);
  // Full chunks were freed (their ArrayBuffer detached: byteLength 0).
  expect(seen.filter((chunk) => chunk.buffer.byteLength === 0).length).toBeGreaterThan(10);
});
