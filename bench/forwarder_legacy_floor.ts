// The line splitter of ingest-lambda/src/reader.ts as it was when issue 15 set its targets
// (commit f624741, before the forwarder's speed work), kept verbatim for one bench row: "the
// bench's gunzip+split floor" as the issue measured it, side by side with today's floor, since
// today's splitter (LineSplitter) made that floor itself about twice as fast. Not used by the
// forwarder.
import { isUtf8 } from 'node:buffer';
import type { Line } from '../ingest-lambda/src/reader';

interface ReadOptions {
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

/** `final`: the line's last piece (or the whole line), whose trailing \r belongs to a CRLF. */
function toLine(bytes: Buffer, offset: number, piece?: number, final = true): Line {
  let end = bytes.length;
  if (final && end > 0 && bytes[end - 1] === 0x0d) end -= 1;
  const body = bytes.subarray(0, end);
  const valid = isUtf8(body);
  return {
    text: body.toString('utf8'),
    offset,
    ...(valid ? {} : { raw: Buffer.from(body) }),
    ...(piece !== undefined ? { piece } : {}),
  };
}

/**
 * Splits decoded bytes into lines; empty lines are skipped (their offsets still count). A line
 * longer than maxLineBytes is shipped as pieces of exactly maxLineBytes (the last one shorter),
 * so memory stays bounded whatever the object holds.
 *
 * A line that begins with `{` also ends where its top-level JSON object closes: Firehose writes
 * CloudWatch Logs subscription records to S3 back to back with no newline between them
 * (`{...}{...}`), and each becomes a line of its own, with its own byte offset.
 */
export async function* legacySplitLines(
  bytes: AsyncIterable<Buffer>,
  options: ReadOptions = {}
): AsyncGenerator<Line> {
  const maxLine = options.maxLineBytes ?? 16 * 1024 * 1024;
  const pending: Buffer[] = [];
  let pendingSize = 0;
  let lineStart = 0; // offset of the pending line's first byte
  let position = 0; // offset of the current chunk's first byte
  let piece: number | undefined;
  // undefined: the pending line's first byte is not seen yet; null: not a JSON line.
  let json: JsonScan | null | undefined;

  const endsWithCr = (): boolean => {
    const last = pending[pending.length - 1];
    return last !== undefined && last[last.length - 1] === 0x0d;
  };

  function* takeLine(): Generator<Line> {
    const line = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingSize);
    if (line.length > 0 && !(line.length === 1 && line[0] === 0x0d)) {
      yield toLine(line, lineStart, piece === undefined ? undefined : piece + 1);
    }
    pending.length = 0;
    pendingSize = 0;
    piece = undefined;
    json = undefined;
  }

  for await (const chunk of bytes) {
    let from = 0;
    while (from < chunk.length) {
      const newline = chunk.indexOf(0x0a, from);
      let end = newline < 0 ? chunk.length : newline;
      if (json === undefined && end > from)
        json = chunk[from] === 0x7b ? { depth: 0, inString: false, escaped: false } : null;
      const close = json ? jsonObjectEnd(chunk, from, end, json) : -1;
      if (close >= 0) end = close + 1;
      if (end > from) {
        pending.push(chunk.subarray(from, end));
        pendingSize += end - from;
      }
      // A runaway line: ship what we have as pieces rather than growing without bound (one
      // byte more when it is a \r, which may be the first half of a CRLF).
      while (pendingSize > maxLine + (endsWithCr() ? 1 : 0)) {
        const joined = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingSize);
        piece = (piece ?? -1) + 1;
        yield toLine(joined.subarray(0, maxLine), lineStart, piece, false);
        lineStart += maxLine;
        pending.length = 0;
        pending.push(joined.subarray(maxLine));
        pendingSize = joined.length - maxLine;
      }
      if (close >= 0) {
        yield* takeLine();
        from = end;
      } else {
        if (newline < 0) break;
        yield* takeLine();
        from = newline + 1;
      }
      lineStart = position + from;
    }
    position += chunk.length;
  }
  if (pendingSize > 0) yield* takeLine();
}
