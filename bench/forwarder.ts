// Measure 1: the forwarder's throughput on a generated gzip VPC flow-log object, side by side
// with the physical floor (Node's gunzip + newline split of the same file, no shipping), against
// a loopback _bulk sink that accepts and discards. Needs no Elasticsearch.
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from '@elastic/elasticsearch';
import { splitLines } from '../ingest-lambda/src/reader';
import { shipStream } from '../ingest-lambda/src/ship_object';
import { round, secondsSince } from './timing';

export interface ForwarderResult {
  objectMB: number;
  gzipMB: number;
  records: number;
  floor: { seconds: number; linesPerSecond: number; mbPerSecond: number };
  forwarder: {
    seconds: number;
    linesPerSecond: number;
    mbPerSecond: number;
    shipped: number;
    failed: number;
    peakRssMB: number;
  };
  ratioToFloor: number;
}

/** A simple, fast-to-generate v2 object of `mb` MB (kept as it was, so runs stay comparable). */
async function generate(file: string, mb: number): Promise<number> {
  let written = 0;
  let i = 0;
  const target = mb * 1024 * 1024;
  async function* lines() {
    yield 'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n';
    while (written < target) {
      const chunk: string[] = [];
      for (let k = 0; k < 2000; k++, i++) {
        chunk.push(
          `2 123456789012 eni-0a1b2c3d4e5f6${(i % 1000).toString().padStart(4, '0')} 10.0.${(i >> 8) & 255}.${i & 255} 10.1.${(i >> 4) & 255}.${(i * 7) & 255} ${32768 + (i % 28000)} ${[443, 80, 22, 5432][i % 4]} 6 ${1 + (i % 40)} ${40 + (i % 9000)} ${1763800000 + (i % 3600)} ${1763800060 + (i % 3600)} ${i % 9 === 0 ? 'REJECT' : 'ACCEPT'} OK\n`
        );
      }
      const text = chunk.join('');
      written += Buffer.byteLength(text);
      yield text;
    }
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
  return i;
}

/** A loopback _bulk endpoint that answers 201 for every item and keeps nothing. */
async function sink(): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    let count = 0;
    let pending = '';
    const counter = req.headers['content-encoding'] === 'gzip' ? req.pipe(createGunzip()) : req;
    counter.on('data', (chunk: Buffer) => {
      const text = pending + chunk.toString('latin1');
      const parts = text.split('\n');
      pending = parts.pop() ?? '';
      count += parts.length;
    });
    counter.on('end', () => {
      const items = Array.from(
        { length: Math.floor(count / 2) },
        () => '{"create":{"status":201}}'
      ).join(',');
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-elastic-product': 'Elasticsearch',
      });
      res.end(`{"errors":false,"items":[${items}]}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

export async function measureForwarder(dir: string, mb: number): Promise<ForwarderResult> {
  const file = path.join(dir, 'forwarder-flows.log.gz');
  const records = await generate(file, mb);
  const gz = statSync(file).size;

  let floorLines = 0;
  const floorStart = process.hrtime.bigint();
  for await (const _line of splitLines(createReadStream(file).pipe(createGunzip())))
    floorLines += 1;
  const floorSeconds = secondsSince(floorStart);

  const target = await sink();
  const client = new Client({ node: target.url, maxRetries: 0, compression: true });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const start = process.hrtime.bigint();
  const result = await shipStream(
    client,
    createReadStream(file),
    { path: file, version: 'bench', timestamp: new Date().toISOString() },
    { index: 'logs-netobs.raw-bench' }
  );
  const seconds = secondsSince(start);
  clearInterval(sampler);
  target.close();
  await client.close();
  if (result.created !== records)
    throw new Error(`forwarder shipped ${result.created} of ${records} records`);

  return {
    objectMB: mb,
    gzipMB: round(gz / 1e6, 1),
    records,
    floor: {
      seconds: round(floorSeconds),
      linesPerSecond: Math.round(floorLines / floorSeconds),
      mbPerSecond: round(mb / floorSeconds, 1),
    },
    forwarder: {
      seconds: round(seconds),
      linesPerSecond: Math.round(result.lines / seconds),
      mbPerSecond: round(mb / seconds, 1),
      shipped: result.created,
      failed: result.failed,
      peakRssMB: Math.round(peakRss / 2 ** 20),
    },
    ratioToFloor: round(floorSeconds / seconds, 3),
  };
}
