// The forwarder's floors, each run in a fresh Node process of its own, as the forwarder runs (the
// CLI): a floor measured in the bench's own process ran after the object's generation had grown
// that process's heap, and varied up to 2x between runs (6.3 s against 11.5 s for the same
// file). `node --import tsx bench/forwarder_floors.ts <floor|issue|fast> <file>` prints
// {"lines":N,"seconds":S}, timed around the read alone (start-up left out).
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { splitLines } from '../ingest-lambda/src/reader';
import { legacySplitLines } from './forwarder_legacy_floor';
import { secondsSince } from './timing';

export type FloorKind = 'floor' | 'issue' | 'fast';

/** Newlines in a Buffer, found with indexOf (native memchr), as the fast floor counts them. */
export function countNewlines(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, at + 1)) count += 1;
  return count;
}

/** The fast floor: what reading and splitting can do with large chunks and no per-line work. */
async function fastFloor(file: string): Promise<number> {
  const chunk = 256 * 1024;
  let lines = 0;
  let last = 0x0a;
  const input = createReadStream(file, { highWaterMark: chunk });
  for await (const bytes of input.pipe(
    createGunzip({ chunkSize: chunk })
  ) as AsyncIterable<Buffer>) {
    lines += countNewlines(bytes);
    if (bytes.length > 0) last = bytes[bytes.length - 1];
  }
  return last === 0x0a ? lines : lines + 1;
}

/** Lines of `file` as the floor of `kind` reads them. */
async function readLines(kind: FloorKind, file: string): Promise<number> {
  if (kind === 'fast') return fastFloor(file);
  const split = kind === 'floor' ? splitLines : legacySplitLines;
  let lines = 0;
  for await (const _line of split(createReadStream(file).pipe(createGunzip()))) lines += 1;
  return lines;
}

async function main(): Promise<void> {
  const [kind, file] = process.argv.slice(2) as [FloorKind, string];
  if (!['floor', 'issue', 'fast'].includes(kind) || !file)
    throw new Error('usage: forwarder_floors.ts <floor|issue|fast> <file>');
  const start = process.hrtime.bigint();
  const lines = await readLines(kind, file);
  process.stdout.write(JSON.stringify({ lines, seconds: secondsSince(start) }) + '\n');
}

if (require.main === module) void main();
