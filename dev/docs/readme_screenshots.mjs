// Copies the pictures the browser suite saved (test/screenshots/, not tracked) to the names the
// README shows (docs/screenshots/). Run after `npx jest test/browser --selectProjects
// integration`: `node dev/docs/readme_screenshots.mjs`. A missing picture is an error, so the
// README never shows a stale one by accident. Very tall full-page pictures are cut to their top
// part (`height`), which keeps the README's images small.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FROM = path.join(ROOT, 'test', 'screenshots');
const TO = path.join(ROOT, 'docs', 'screenshots');

/** README picture ← browser-suite picture, or { shot, height } to keep only its top rows. */
export const README_SCREENSHOTS = {
  'overview.png': 'overview-vpc.png',
  'alb.png': 'overview-alb.png',
  'geo.png': 'overview-geo.png',
  'queries.png': { shot: 'queries.png', height: 2200 },
  'setup.png': 'setup.png',
  'sources.png': 'sources.png',
  'empty-state.png': 'empty-state.png',
  'drill-down.png': 'overview-drill-down.png',
  'query-refused.png': 'query-refused.png',
  'troubleshoot.png': 'troubleshoot.png',
  'scans.png': 'scans.png',
  'spikes.png': 'overview-spikes.png',
  'detections.png': 'detections.png',
  'detections-finding.png': 'detections-finding.png',
};

/** Bytes per pixel of an 8-bit PNG, by colour type (grey, RGB, grey+alpha, RGBA). */
const BYTES_PER_PIXEL = { 0: 1, 2: 3, 4: 2, 6: 4 };

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * The top `height` rows of a non-interlaced 8-bit PNG (what Chromium saves). Scanlines keep
 * their filters: each refers only to the row above it, so the first rows decode alone.
 */
export function cropPngTop(png, height) {
  const chunks = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    chunks.push({
      type: png.toString('latin1', at + 4, at + 8),
      data: png.subarray(at + 8, at + 8 + length),
    });
    at += 12 + length;
  }
  const ihdr = Buffer.from(chunks[0].data);
  const [width, rows] = [ihdr.readUInt32BE(0), ihdr.readUInt32BE(4)];
  const [depth, colour, interlace] = [ihdr[8], ihdr[9], ihdr[12]];
  if (depth !== 8 || interlace !== 0 || !(colour in BYTES_PER_PIXEL)) {
    throw new Error(
      `cannot crop this PNG (depth ${depth}, colour ${colour}, interlace ${interlace})`
    );
  }
  if (height >= rows) return png;
  const pixels = zlib.inflateSync(
    Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data))
  );
  const kept = pixels.subarray(0, height * (1 + width * BYTES_PER_PIXEL[colour]));
  ihdr.writeUInt32BE(height, 4);
  return Buffer.concat([
    png.subarray(0, 8),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(kept, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const entries = Object.entries(README_SCREENSHOTS).map(([readme, from]) =>
  typeof from === 'string' ? { readme, shot: from } : { readme, ...from }
);
const missing = entries.filter(({ shot }) => !existsSync(path.join(FROM, shot))).map((e) => e.shot);
if (missing.length > 0) {
  console.error(`Run the browser suite first; missing in test/screenshots: ${missing.join(', ')}`);
  process.exit(1);
}
mkdirSync(TO, { recursive: true });
for (const { readme, shot, height } of entries) {
  if (height === undefined) copyFileSync(path.join(FROM, shot), path.join(TO, readme));
  else
    writeFileSync(path.join(TO, readme), cropPngTop(readFileSync(path.join(FROM, shot)), height));
}
console.log(`Copied ${entries.length} screenshots to docs/screenshots/`);
