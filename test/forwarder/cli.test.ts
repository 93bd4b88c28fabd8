// `netobs ship` against s3rver and the real Elasticsearch: an s3:// prefix backfill through
// --s3-endpoint, local files, ids shared with the Lambda (a backfill after the Lambda adds
// nothing), and a non-zero exit code when anything failed.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { main } from '../../ingest-lambda/src/cli';
import { esUrl } from '../support/es_env';
import { S3_CREDENTIALS, S3_REGION } from '../support/s3_server';
import {
  captureLogs,
  forwarder,
  forwarderStack,
  putObject,
  rawCount,
  rawDocs,
  sqsEvent,
  uniqueNamespace,
} from './helpers';

const BUCKET = 'backfill';
const stack = forwarderStack(BUCKET, { proxy: true });
const { es } = stack;
let stderr: string[];

const lines = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix} line ${i}`).join('\n') + '\n';

beforeAll(async () => {
  // The CLI builds its own S3 client from the environment, as it would on a laptop.
  process.env.AWS_ACCESS_KEY_ID = S3_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = S3_CREDENTIALS.secretAccessKey;
  process.env.AWS_REGION = S3_REGION;
  process.env.AWS_REQUEST_CHECKSUM_CALCULATION = 'WHEN_REQUIRED';
  process.env.AWS_RESPONSE_CHECKSUM_VALIDATION = 'WHEN_REQUIRED';
  const { client } = stack.s3;
  await putObject(client, BUCKET, 'AWSLogs/1/elb/a.log.gz', gzipSync(lines('a', 120)));
  await putObject(client, BUCKET, 'AWSLogs/1/elb/sub/b c.log', lines('b', 30));
  await putObject(client, BUCKET, 'AWSLogs/1/elb/sub/empty.log', '');
  await putObject(client, BUCKET, 'other/not-this.log', lines('x', 5));
});
beforeEach(() => {
  stderr = [];
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    stderr.push(args.join(' '));
  });
});
afterEach(() => jest.restoreAllMocks());

test('backfills an s3:// prefix recursively; a second run adds nothing', async () => {
  const namespace = uniqueNamespace('cli');
  const args = [
    'ship',
    `s3://${BUCKET}/AWSLogs/1/elb/`,
    '--es',
    esUrl(),
    '--namespace',
    namespace,
    '--s3-endpoint',
    stack.s3.endpoint,
    '--source-hint',
    'alb',
  ];
  expect(await main(args)).toBe(0);
  expect(stderr[0]).toBe(`Shipping 3 object(s) to logs-netobs.raw-${namespace}…`);
  expect(stderr.join('\n')).toContain('Done: 150 lines, 150 indexed, 0 already there, 0 failed');
  const docs = await rawDocs(es, namespace);
  expect(docs).toHaveLength(150);
  expect(new Set(docs.map((d) => (d.log as { file: { path: string } }).file.path))).toEqual(
    new Set([`s3://${BUCKET}/AWSLogs/1/elb/a.log.gz`, `s3://${BUCKET}/AWSLogs/1/elb/sub/b c.log`])
  );
  expect(docs.every((d) => (d.netobs as { source: string }).source === 'alb')).toBe(true);

  stderr.length = 0;
  expect(await main(args)).toBe(0);
  expect(stderr.join('\n')).toContain('Done: 150 lines, 0 indexed, 150 already there, 0 failed');
  expect(await rawCount(es, namespace)).toBe(150);
});

test('the Lambda and the CLI give a line the same id: a backfill after the Lambda adds nothing', async () => {
  const namespace = uniqueNamespace('cli_lambda');
  captureLogs();
  const fwd = forwarder(stack.s3.client, esUrl(), namespace);
  expect(
    await fwd.invoke(sqsEvent([{ id: 'm', bucket: BUCKET, key: 'AWSLogs/1/elb/sub/b c.log' }]))
  ).toEqual({ batchItemFailures: [] });
  await fwd.close();
  const code = await main([
    'ship',
    `s3://${BUCKET}/AWSLogs/1/elb/sub/b`,
    '--es',
    esUrl(),
    '--namespace',
    namespace,
    '--s3-endpoint',
    stack.s3.endpoint,
  ]);
  expect(code).toBe(0);
  expect(stderr.join('\n')).toContain('Done: 30 lines, 0 indexed, 30 already there, 0 failed');
});

test('ships local files and directories', async () => {
  const namespace = uniqueNamespace('cli_local');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netobs-cli-'));
  mkdirSync(path.join(dir, 'nested'));
  writeFileSync(path.join(dir, 'one.log'), lines('one', 10));
  writeFileSync(path.join(dir, 'nested', 'two.log.gz'), gzipSync(lines('two', 20)));
  expect(await main(['ship', dir, '--es', esUrl(), '--namespace', namespace])).toBe(0);
  expect(await rawCount(es, namespace)).toBe(30);
});

test('exits non-zero and names the object when anything failed', async () => {
  const namespace = uniqueNamespace('cli_fail');
  stack.proxy.setPlan({ fault: { kind: 'status', status: 400 } });
  const code = await main([
    'ship',
    `s3://${BUCKET}/AWSLogs/1/elb/a.log.gz`,
    '--es',
    stack.proxy.url,
    '--namespace',
    namespace,
    '--s3-endpoint',
    stack.s3.endpoint,
  ]);
  stack.proxy.setPlan({ fault: { kind: 'none' } });
  expect(code).toBe(1);
  expect(stderr.join('\n')).toMatch(
    /FAILED s3:\/\/backfill\/AWSLogs\/1\/elb\/a\.log\.gz: 120 failed .*bulk request failed \(400\)/
  );
});

test('usage errors exit 2', async () => {
  expect(await main(['ship'])).toBe(2);
  expect(stderr.join('\n')).toContain('give at least one file, directory or s3:// prefix');
  expect(await main(['ship', 'x', '--es', esUrl(), '--source-hint', 'waf'])).toBe(2);
});

test('a truncated gzip file: exit 1, says truncated, and the indexed count printed is what Elasticsearch holds', async () => {
  const namespace = uniqueNamespace('cli_trunc');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netobs-cli-'));
  const full = gzipSync(lines('t', 20_000));
  writeFileSync(path.join(dir, 'cut.log.gz'), full.subarray(0, Math.floor(full.length * 0.5)));
  const code = await main(['ship', dir, '--es', esUrl(), '--namespace', namespace]);
  expect(code).toBe(1);
  const output = stderr.join('\n');
  expect(output).toMatch(
    /FAILED .*cut\.log\.gz: the object is truncated: its gzip data ends early/
  );
  const indexed = Number(
    /Done: [\d,]+ lines, ([\d,]+) indexed/.exec(output)?.[1].replace(/,/g, '')
  );
  expect(indexed).toBeGreaterThan(0);
  expect(indexed).toBe(await rawCount(es, namespace));
});

test('a node that accepts connections but never answers: ship stops in bounded time and names it', async () => {
  const sockets = new Set<net.Socket>();
  const silent = net.createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const url = `http://elastic:planted-secret-9f2@127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netobs-cli-'));
  writeFileSync(path.join(dir, 'one.log'), lines('one', 10));
  writeFileSync(path.join(dir, 'two.log'), lines('two', 10));
  const endpoint = url.replace('elastic:planted-secret-9f2@', '');
  const started = Date.now();
  const code = await main(['ship', dir, '--es', url, '--timeout', '1']);
  const seconds = (Date.now() - started) / 1000;
  for (const socket of sockets) socket.destroy();
  silent.close();
  expect(code).toBe(1);
  // Two unanswered requests of 1 s and a short backoff, then no more objects are tried.
  expect(seconds).toBeLessThan(10);
  const output = stderr.join('\n');
  expect(output).toContain(`Elasticsearch at ${endpoint}`);
  expect(output).toMatch(/did not answer within 1 s, 2 times in a row/);
  expect(output).toMatch(/FAILED 1 more object\(s\) not attempted: .*two\.log/);
  expect(output).not.toContain('planted-secret-9f2');
});
