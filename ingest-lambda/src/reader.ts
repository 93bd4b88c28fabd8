// Turns an object's byte stream into lines with byte offsets, without ever holding the whole
// object: gunzip when the bytes say gzip (magic number, not the file name), split on \n, strip a
// trailing \r, keep a last line that has no newline, and refuse Parquet with a clear message.
import { pipeline, Readable } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import { createGunzip } from 'node:zlib';

export interface Line {
  /** The line's text (invalid UTF-8 bytes become U+FFFD; see `raw`). */
  text: string;
  /** Byte offset of the line's first byte in the uncompressed stream. */
  offset: number;
  /** The original bytes, only when they are not valid UTF-8 (so nothing is lost). */
  raw?: Buffer;
  /** Set on the pieces of a line longer than maxLineBytes, which is shipped in pieces. */
  piece?: number;
}

export class UnsupportedFormatError extends Error {}

const GZIP_MAGIC = [0x1f, 0x8b];
const PARQUET_MAGIC = Buffer.from('PAR1');

export interface ReadOptions {
  /** Lines longer than this are shipped in pieces of this size (default 16 MiB). */
  maxLineBytes?: number;
}

/** Where a line that began with `{` stands in its JSON: lets concatenated objects be split. */
interface JsonScan {
  depth: number;
  inString: boolean;
  escaped: boolean;
}

/**
 * Scans bytes [from, end) of a line that began with `{`, returning the index of the `}` that
 * closes its top-level object, or -1. Multi-byte UTF-8 never contains ASCII bytes, so scanning
 * bytes is exact. Unbalanced input never ends a line early except at such a `}`.
 */
function jsonObjectEnd(bytes: Buffer, from: number, end: number, scan: JsonScan): number {
  for (let i = from; i < end; i++) {
    const byte = bytes[i];
    if (scan.inString) {
      if (scan.escaped) scan.escaped = false;
      else if (byte === 0x5c) scan.escaped = true;
      else if (byte === 0x22) scan.inString = false;
    } else if (byte === 0x22) scan.inString = true;
    else if (byte === 0x7b) scan.depth += 1;
    else if (byte === 0x7d && scan.depth > 0) {
      scan.depth -= 1;
      if (scan.depth === 0) return i;
    }
  }
  return -1;
}

/** The bytes as a Buffer, without copying them. */
const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Reads up to `count` leading bytes, returning them and a stream of everything (them included). */
async function peek(
  source: AsyncIterable<Uint8Array>,
  count: number
): Promise<{ head: Buffer; all: AsyncIterable<Buffer> }> {
  const iterator = source[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < count) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = asBuffer(next.value);
    taken.push(chunk);
    size += chunk.length;
  }
  async function* all(): AsyncGenerator<Buffer> {
    try {
      yield* taken;
      if (done) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next())
        yield asBuffer(next.value);
    } finally {
      // A consumer that stops early must release the source (an S3 body holds a socket).
      if (!done) await iterator.return?.();
    }
  }
  return { head: Buffer.concat(taken).subarray(0, count), all: all() };
}

/**
 * Decompressed chunks, each freed as soon as the consumer asks for the next one: a chunk that
 * fills its ArrayBuffer to the end is the last zlib writes there (Node's zlib starts a new output
 * buffer once one is full), so the buffer is detached (`transfer(0)`), which frees its memory
 * now instead of at the next full garbage collection (without it, dead 256 KiB chunks pile up
 * to tens of MB: reading makes little garbage on the JavaScript heap, so collections are rare,
 * and a chunk that lives through a scavenge waits for a full one).
 */
async function* freedAfterUse(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    yield chunk;
    const buffer = chunk.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer };
    if (chunk.byteOffset + chunk.length === buffer.byteLength && buffer.transfer)
      buffer.transfer(0);
  }
}

export interface DecodeOptions {
  /**
   * The consumer keeps no reference to a decompressed chunk (nor to any part of it) once it
   * asks for the next: chunks are freed right away (LineSplitter copies what it keeps).
   */
  freeChunks?: boolean;
}

/** The decompressed bytes of an object stream. */
export async function decodedStream(
  source: AsyncIterable<Uint8Array>,
  options: DecodeOptions = {}
): Promise<AsyncIterable<Buffer>> {
  const { head, all } = await peek(source, 4);
  if (head.length >= 4 && head.equals(PARQUET_MAGIC)) {
    throw new UnsupportedFormatError(
      'Parquet objects are not supported: configure the flow log to deliver plain text (log-format text) to S3'
    );
  }
  if (head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]) {
    // Node's gunzip also reads multi-member gzip files (concatenated members) to the end.
    // pipeline, not pipe: a source error (S3 connection reset) must reach the reader instead of
    // being an unhandled 'error' event, and a reader that stops early must close the source.
    const gunzipped: AsyncIterable<Buffer> = pipeline(
      Readable.from(all),
      createGunzip({ chunkSize: 256 * 1024 }),
      () => undefined
    );
    return options.freeChunks ? freedAfterUse(gunzipped) : gunzipped;
  }
  return all;
}

/** A line handed to a LineHandler as a Line (its text decoded, its bytes kept when invalid). */
export function lineOf(
  bytes: Buffer,
  start: number,
  end: number,
  offset: number,
  piece?: number
): Line {
  const body = bytes.subarray(start, end);
  const valid = isUtf8(body);
  return {
    text: body.toString('utf8'),
    offset,
    ...(valid ? {} : { raw: Buffer.from(body) }),
    ...(piece !== undefined ? { piece } : {}),
  };
}

/**
 * Receives one line: its bytes are `bytes[start, end)` (a trailing \r of a CRLF already left
 * out), valid only during the call; `offset` is its first byte's in the decoded stream.
 */
export type LineHandler = (
  bytes: Buffer,
  start: number,
  end: number,
  offset: number,
  piece: number | undefined
) => void;

/**
 * Splits decoded bytes into lines, chunk by chunk, without copying a line that lies within one
 * chunk; empty lines are skipped (their offsets still count). A line longer than maxLineBytes is
 * handed over as pieces of exactly maxLineBytes (the last one shorter), so memory stays bounded
 * whatever the object holds.
 *
 * A line that begins with `{` also ends where its top-level JSON object closes: Firehose writes
 * CloudWatch Logs subscription records to S3 back to back with no newline between them
 * (`{...}{...}`), and each becomes a line of its own, with its own byte offset.
 */
export class LineSplitter {
  private readonly maxLine: number;
  private readonly pending: Buffer[] = [];
  private pendingSize = 0;
  private lineStart = 0; // offset of the pending line's first byte
  private position = 0; // offset of the current chunk's first byte
  private piece: number | undefined;
  // undefined: the pending line's first byte is not seen yet; null: not a JSON line.
  private json: JsonScan | null | undefined;

  constructor(options: ReadOptions = {}) {
    this.maxLine = options.maxLineBytes ?? 16 * 1024 * 1024;
  }

  /** A complete line (or its last piece): \r of a CRLF left out, empty lines skipped. */
  private finish(bytes: Buffer, start: number, end: number, onLine: LineHandler): void {
    if (end > start && bytes[end - 1] === 0x0d) end -= 1;
    if (end > start)
      onLine(
        bytes,
        start,
        end,
        this.lineStart,
        this.piece === undefined ? undefined : this.piece + 1
      );
    this.piece = undefined;
    this.json = undefined;
  }

  private takeLine(onLine: LineHandler): void {
    const { pending } = this;
    const line = pending.length === 1 ? pending[0] : Buffer.concat(pending, this.pendingSize);
    pending.length = 0;
    this.pendingSize = 0;
    this.finish(line, 0, line.length, onLine);
  }

  private endsWithCr(): boolean {
    const last = this.pending[this.pending.length - 1];
    return last !== undefined && last[last.length - 1] === 0x0d;
  }

  /** Splits the next chunk of the stream; `onLine` gets every line it completes. */
  push(chunk: Buffer, onLine: LineHandler): void {
    const maxLine = this.maxLine;
    const length = chunk.length;
    let from = 0;
    while (from < length) {
      const newline = chunk.indexOf(0x0a, from);
      let end = newline < 0 ? length : newline;
      if (this.json === undefined && end > from)
        this.json = chunk[from] === 0x7b ? { depth: 0, inString: false, escaped: false } : null;
      const close = this.json ? jsonObjectEnd(chunk, from, end, this.json) : -1;
      if (close >= 0) end = close + 1;
      if (this.pendingSize === 0 && (close >= 0 || newline >= 0) && end - from <= maxLine) {
        // The whole line (or the rest of one shipped in pieces) lies in this chunk: no copy.
        this.finish(chunk, from, end, onLine);
        from = close >= 0 ? end : newline + 1;
        this.lineStart = this.position + from;
        continue;
      }
      if (end > from) {
        // A copy, not a view: once pushed, a chunk is no longer referenced (see `push`).
        this.pending.push(Buffer.from(chunk.subarray(from, end)));
        this.pendingSize += end - from;
      }
      // A runaway line: hand over what we have as pieces rather than growing without bound
      // (one byte more when it is a \r, which may be the first half of a CRLF).
      while (this.pendingSize > maxLine + (this.endsWithCr() ? 1 : 0)) {
        const { pending } = this;
        const joined = pending.length === 1 ? pending[0] : Buffer.concat(pending, this.pendingSize);
        this.piece = (this.piece ?? -1) + 1;
        onLine(joined, 0, maxLine, this.lineStart, this.piece);
        this.lineStart += maxLine;
        pending.length = 0;
        pending.push(joined.subarray(maxLine));
        this.pendingSize = joined.length - maxLine;
      }
      if (close >= 0) {
        this.takeLine(onLine);
        from = end;
      } else {
        if (newline < 0) break;
        this.takeLine(onLine);
        from = newline + 1;
      }
      this.lineStart = this.position + from;
    }
    this.position += length;
  }

  /** The stream ended: a last line without a newline is complete now. */
  end(onLine: LineHandler): void {
    if (this.pendingSize > 0) this.takeLine(onLine);
  }
}

/** Splits decoded bytes into lines (see LineSplitter), as Line objects. */
export async function* splitLines(
  bytes: AsyncIterable<Buffer>,
  options: ReadOptions = {}
): AsyncGenerator<Line> {
  const splitter = new LineSplitter(options);
  let lines: Line[] = [];
  const collect: LineHandler = (line, start, end, offset, piece) => {
    lines.push(lineOf(line, start, end, offset, piece));
  };
  for await (const chunk of bytes) {
    splitter.push(chunk, collect);
    const ready = lines;
    lines = [];
    yield* ready;
  }
  splitter.end(collect);
  yield* lines;
}

/** Lines of an object stream: decompressed when gzip, split, with byte offsets. */
export async function* readLines(
  source: AsyncIterable<Uint8Array>,
  options: ReadOptions = {}
): AsyncGenerator<Line> {
  yield* splitLines(await decodedStream(source), options);
}
