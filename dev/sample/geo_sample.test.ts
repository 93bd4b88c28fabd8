// The sample's internet traffic that GeoIP can place: rejected inbound flows from GEO_SENDERS and
// accepted outbound bytes to GEO_DESTINATIONS, without touching the other stories (the scanner
// stays by far the loudest rejected sender, and none of the geo senders looks like a scan).
// test/pipelines/geo.test.ts checks the constants' countries and networks on the ingest engine.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GEO_DESTINATIONS, GEO_SENDERS, generateSample, SCANNER_IP } from './generate';

interface Flow {
  src: string;
  dst: string;
  dstPort: string;
  bytes: number;
  action: string;
}

let flows: Flow[];

beforeAll(() => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netobs-geo-sample-'));
  try {
    generateSample({ dir, end: new Date('2026-01-15T12:00:00Z') });
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.includes('fl-0web00001')
    );
    const lines = files.flatMap((f) =>
      gunzipSync(readFileSync(path.join(dir, f)))
        .toString('utf8')
        .trim()
        .split('\n')
        .slice(1)
    );
    flows = lines.map((line) => {
      const f = line.split(' ');
      return { src: f[3], dst: f[4], dstPort: f[6], bytes: Number(f[9]), action: f[12] };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every geo sender is rejected inbound to the web tier, on a few ports only', () => {
  for (const { ip } of GEO_SENDERS) {
    const mine = flows.filter((f) => f.src === ip);
    expect([ip, mine.length > 0]).toEqual([ip, true]);
    expect(mine.every((f) => f.action === 'REJECT' && f.dst.startsWith('10.0.1.'))).toBe(true);
    // port_scan needs 25 distinct ports or hosts; bruteforce 50 attempts on 22/3389.
    expect(new Set(mine.map((f) => f.dstPort)).size).toBeLessThan(25);
    expect(mine.filter((f) => f.dstPort === '3389').length).toBeLessThan(50);
  }
});

test('every geo destination receives accepted outbound bytes, below the large-outbound threshold', () => {
  for (const { ip } of GEO_DESTINATIONS) {
    const mine = flows.filter((f) => f.dst === ip && f.src.startsWith('10.'));
    expect([ip, mine.length > 0]).toEqual([ip, true]);
    expect(mine.every((f) => f.action === 'ACCEPT')).toBe(true);
    expect(mine.reduce((sum, f) => sum + f.bytes, 0)).toBeLessThan(100_000_000);
  }
});

test('the scanner stays the loudest rejected sender', () => {
  const rejected = new Map<string, number>();
  for (const f of flows.filter((flow) => flow.action === 'REJECT'))
    rejected.set(f.src, (rejected.get(f.src) ?? 0) + 1);
  const [top] = [...rejected.entries()].sort((a, b) => b[1] - a[1]);
  expect(top[0]).toBe(SCANNER_IP);
  for (const { ip } of GEO_SENDERS) expect(rejected.get(ip)).toBeLessThan(top[1] / 50);
});
