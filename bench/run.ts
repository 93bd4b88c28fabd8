// `npm run bench`: forwarder throughput on a generated gzip VPC flow-log object, measured side
// by side with the physical floor (Node's gunzip + newline split of the same file, no shipping)
// in one run, against a loopback bulk sink that accepts and discards. Prints a table and writes
// bench/results.json. NETOBS_BENCH_MB sets the uncompressed size (default 1024).
// Not yet measured here (issue 8): per-pipeline ingest cost, end to end into Elasticsearch,
// storage per record, setup time, app query latency.
import { createReadStream, createWriteStream, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from '@elastic/elasticsearch';
import { shipStream } from '../ingest-lambda/src/ship_object';
import { splitLines } from '../ingest-lambda/src/reader';

const MB = Number(process.env.NETOBS_BENCH_MB ?? 1024);

async function generate(file: string): Promise<number> {
  let written = 0;
  let i = 0;
  const target = MB * 1024 * 1024;
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

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netobs-bench-'));
  const file = path.join(dir, 'flows.log.gz');
  console.log(`Generating ${MB} MB (uncompressed) of VPC flow logs…`);
  const records = await generate(file);
  const gz = statSync(file).size;

  let floorLines = 0;
  const floorStart = process.hrtime.bigint();
  for await (const _line of splitLines(createReadStream(file).pipe(createGunzip())))
    floorLines += 1;
  const floorSeconds = Number(process.hrtime.bigint() - floorStart) / 1e9;

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
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(sampler);
  target.close();
  await client.close();

  const rows = {
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    objectMB: MB,
    gzipMB: +(gz / 1e6).toFixed(1),
    records,
    floor: {
      seconds: +floorSeconds.toFixed(2),
      linesPerSecond: Math.round(floorLines / floorSeconds),
      mbPerSecond: +(MB / floorSeconds).toFixed(1),
    },
    forwarder: {
      seconds: +seconds.toFixed(2),
      linesPerSecond: Math.round(result.lines / seconds),
      mbPerSecond: +(MB / seconds).toFixed(1),
      shipped: result.created,
      failed: result.failed,
      peakRssMB: Math.round(peakRss / 2 ** 20),
    },
    ratioToFloor: +(floorSeconds / seconds).toFixed(3),
  };
  writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(rows, null, 2) + '\n');
  console.log(
    `\n${rows.machine}; object ${MB} MB (${rows.gzipMB} MB gzip), ${records.toLocaleString('en')} records`
  );
  console.log('| measure | seconds | lines/s | MB/s |');
  console.log('|---|---|---|---|');
  console.log(
    `| gunzip + split (floor) | ${rows.floor.seconds} | ${rows.floor.linesPerSecond.toLocaleString('en')} | ${rows.floor.mbPerSecond} |`
  );
  console.log(
    `| forwarder → loopback sink | ${rows.forwarder.seconds} | ${rows.forwarder.linesPerSecond.toLocaleString('en')} | ${rows.forwarder.mbPerSecond} |`
  );
  console.log(
    `ratio forwarder/floor: ${rows.ratioToFloor}; forwarder peak RSS ${rows.forwarder.peakRssMB} MB; shipped ${result.created}, failed ${result.failed}`
  );
  if (result.created !== records)
    throw new Error(`shipped ${result.created} of ${records} records`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
