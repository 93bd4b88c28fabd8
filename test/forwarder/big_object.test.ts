// A large gzip object (NETOBS_BIG_OBJECT_MB uncompressed, default 64 so `npm test` stays quick;
// docs/forwarder.md's figures come from 256 and 1024) generated as a stream, put into s3rver and
// shipped by the Lambda handler into the real Elasticsearch: every line arrives exactly once and
// the process's peak RSS stays bounded (the object is never held).
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { rawDataStream, VPC_FLOW_DEFAULT_FIELDS } from '../../common/constants';
import { esUrl } from '../support/es_env';
import {
  captureLogs,
  forwarder,
  forwarderStack,
  rawCount,
  sqsEvent,
  uniqueNamespace,
} from './helpers';

const MEGABYTES = Number(process.env.NETOBS_BIG_OBJECT_MB ?? 64);
const MAX_RSS_GROWTH_MB = 400;
const BUCKET = 'big';
const KEY = `AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/big-${MEGABYTES}mb.log.gz`;

const stack = forwarderStack(BUCKET);
const { es } = stack;
let dir: string;

const flowLine = (i: number) =>
  `2 123456789012 eni-0a1b2c3d4e5f ${10 + (i % 200)}.${i % 256}.${(i >> 8) % 256}.${i % 250} ` +
  `172.31.${(i >> 4) % 256}.${i % 254} ${1024 + (i % 64000)} ${[443, 80, 22, 3306][i % 4]} 6 ` +
  `${1 + (i % 90)} ${40 + ((i * 7) % 90000)} ${1763800000 + (i % 3600)} ${1763800060 + (i % 3600)} ` +
  `${i % 9 ? 'ACCEPT' : 'REJECT'} OK\n`;

/** Lines until `bytes` uncompressed bytes, in ~64 KiB chunks; counts them as it goes. */
function generate(bytes: number, counter: { lines: number }): Readable {
  return Readable.from(
    (function* () {
      let written = 0;
      const header = `${VPC_FLOW_DEFAULT_FIELDS.join(' ')}\n`;
      written += header.length;
      yield header;
      while (written < bytes) {
        let chunk = '';
        while (chunk.length < 65_536 && written + chunk.length < bytes) {
          chunk += flowLine(counter.lines);
          counter.lines += 1;
        }
        written += chunk.length;
        yield chunk;
      }
    })()
  );
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'netobs-big-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test(`a ${MEGABYTES} MB object streams through with bounded memory and exact counts`, async () => {
  const counter = { lines: 0 };
  const file = path.join(dir, 'big.log.gz');
  await pipeline(
    generate(MEGABYTES * 1024 * 1024, counter),
    createGzip({ level: 1 }),
    createWriteStream(file)
  );
  const compressed = statSync(file).size;
  await stack.s3.client.send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: KEY,
      Body: createReadStream(file),
      ContentLength: compressed,
    })
  );
  rmSync(file);

  const namespace = uniqueNamespace('big');
  const logs = captureLogs();
  const fwd = forwarder(stack.s3.client, esUrl(), namespace);
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = Date.now();
  try {
    const response = await fwd.invoke(
      sqsEvent([{ id: 'big', bucket: BUCKET, key: KEY, size: compressed }]),
      900_000
    );
    expect(response).toEqual({ batchItemFailures: [] });
  } finally {
    clearInterval(sampler);
    await fwd.close();
  }
  const seconds = (Date.now() - started) / 1000;
  const growthMb = (peak - baseline) / 1024 / 1024;
  const shipped = logs.find((l) => l.messageId === 'big');
  expect(shipped).toMatchObject({
    message: 'shipped',
    lines: counter.lines,
    created: counter.lines,
  });

  console.log(
    `big object: ${MEGABYTES} MB uncompressed (${(compressed / 1024 / 1024).toFixed(1)} MB gzip), ` +
      `${counter.lines.toLocaleString('en')} lines in ${seconds.toFixed(1)} s: ` +
      `${Math.round(counter.lines / seconds).toLocaleString('en')} lines/s, ` +
      `${(MEGABYTES / seconds).toFixed(1)} MB/s; peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB ` +
      `(+${growthMb.toFixed(0)} MB over ${(baseline / 1024 / 1024).toFixed(0)} MB)`
  );
  expect(growthMb).toBeLessThan(MAX_RSS_GROWTH_MB);
  expect(await rawCount(es, namespace)).toBe(counter.lines);

  // Data streams cannot be deleted on the test node: roll over and drop the full backing index
  // so repeated runs do not fill the disk.
  const index = rawDataStream(namespace);
  const rollover = await es.indices.rollover({ alias: index });
  await es.indices.delete({ index: rollover.old_index });
}, 900_000);
