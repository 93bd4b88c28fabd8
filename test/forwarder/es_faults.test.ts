// The Lambda handler against Elasticsearch misbehaving, through a loopback proxy in front of the
// real node (test/support/bulk_proxy.ts), with objects from s3rver through the real AWS SDK:
// connections dropped mid-object, an outage that ends within the time budget, answers lost after
// the work was done, 429 storms, slow answers, and the time budget running out before or during a
// message. Every test ends with the exactly-once check: each line indexed once, nothing else.
// No assertion depends on wall-clock speed; budgets only decide which branch is taken.
import { gzipSync } from 'node:zlib';
import { SAFETY_MARGIN_MS } from '../../ingest-lambda/src/handler';
import { esUrl } from '../support/es_env';
import type { LogLine } from './helpers';
import {
  captureLogs,
  expectExactlyOnce,
  expectRedeliveryCompletes,
  flowLines,
  flowText,
  forwarder,
  forwarderStack,
  messageLogs,
  putObject,
  rawCount,
  shippedLog,
  sqsEvent,
  uniqueNamespace,
} from './helpers';

const BUCKET = 'es-faults';
const stack = forwarderStack(BUCKET, { proxy: true });
const { es } = stack;
let logs: LogLine[];
let faultedBefore = 0;
/** Bulk requests the proxy answered with a fault since this test began. */
const faulted = () => stack.proxy.counts.faulted - faultedBefore;

beforeEach(() => {
  logs = captureLogs();
  faultedBefore = stack.proxy.counts.faulted;
});
afterEach(async () => {
  // A request the client gave up on may still be on its way to Elasticsearch.
  stack.proxy.setPlan({ fault: { kind: 'none' } });
  await stack.proxy.idle();
});

const keyFor = (name: string) => `AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/${name}`;

async function putFlowObject(name: string, lines: number): Promise<string> {
  const key = keyFor(name);
  await putObject(stack.s3.client, BUCKET, key, gzipSync(flowText(lines)));
  return key;
}

/** The line counts of a "shipped…" log always add up: nothing is silently dropped. */
function expectAccounted(log: LogLine | undefined, lines: number): void {
  expect(log).toBeDefined();
  expect(Number(log?.created) + Number(log?.conflicts) + Number(log?.failed)).toBe(
    log?.stoppedReading ? Number(log?.lines) : lines
  );
}

test('connections dropped mid-object: reported failed, a redelivery completes exactly', async () => {
  const namespace = uniqueNamespace('dropped');
  const lines = 6000;
  const key = await putFlowObject('midway.log.gz', lines);
  // ~40 KB bodies: the object takes about 50 bulk requests; connections die after the third.
  const fwd = forwarder(stack.s3.client, stack.proxy.url, namespace, {
    bulkBytes: 40_000,
    concurrency: 1,
  });
  stack.proxy.setPlan({ fault: { kind: 'close' }, after: 3 });
  const failed = await fwd.invoke(
    sqsEvent([
      { id: 'midway', bucket: BUCKET, key },
      { id: 'next', bucket: BUCKET, key },
    ]),
    SAFETY_MARGIN_MS + 3000
  );
  expect(failed).toEqual({
    batchItemFailures: [{ itemIdentifier: 'midway' }, { itemIdentifier: 'next' }],
  });
  const first = shippedLog(logs, 'midway');
  expect(first).toMatchObject({ level: 'error', message: 'shipped with failures' });
  expect(Number(first?.created)).toBeGreaterThan(0);
  expectAccounted(first, lines);
  // What the log says was created is exactly what is there, and it is less than the object.
  await stack.proxy.idle();
  const partial = await rawCount(es, namespace);
  expect(partial).toBe(first?.created);
  expect(partial).toBeLessThan(lines);
  // The second message found the budget gone, before (warn) or during (error) its object.
  const next = messageLogs(logs, 'next');
  expect(next).toHaveLength(1);
  expect(['warn', 'error']).toContain(next[0].level);

  // Refused connections (nothing listening) are failures too, never a crash.
  await stack.proxy.refuse();
  logs.length = 0;
  expect(
    await fwd.invoke(sqsEvent([{ id: 'refused', bucket: BUCKET, key }]), SAFETY_MARGIN_MS + 1500)
  ).toEqual({ batchItemFailures: [{ itemIdentifier: 'refused' }] });
  expect(shippedLog(logs, 'refused')).toMatchObject({ level: 'error', created: 0 });
  await stack.proxy.accept();

  stack.proxy.setPlan({ fault: { kind: 'none' } });
  await expectRedeliveryCompletes(
    fwd,
    { id: 'midway', bucket: BUCKET, key },
    { es, logs, namespace, lines, already: partial }
  );
  await fwd.close();
});

test('Elasticsearch goes away mid-object and comes back: completes in the same invocation, exactly once', async () => {
  const namespace = uniqueNamespace('outage');
  const lines = 5000;
  const key = await putFlowObject('outage.log.gz', lines);
  const fwd = forwarder(stack.s3.client, stack.proxy.url, namespace, { bulkBytes: 40_000 });
  // On the fourth bulk request every connection is dropped (requests in flight included) and
  // new ones are refused for 1 s; then the same port answers again. (Eight attempts with full
  // jitter span a second with a probability of about 1 - 1e-5.)
  stack.proxy.setPlan({ fault: { kind: 'outage', ms: 1000 }, after: 3, times: 1 });
  expect(await fwd.invoke(sqsEvent([{ id: 'outage', bucket: BUCKET, key }]))).toEqual({
    batchItemFailures: [],
  });
  await fwd.close();
  expect(faulted()).toBe(1);
  const log = shippedLog(logs, 'outage');
  expect(log).toMatchObject({ level: 'info', message: 'shipped', lines, failed: 0 });
  expect(Number(log?.retries)).toBeGreaterThan(0);
  expectAccounted(log, lines);
  await expectExactlyOnce(es, namespace, flowLines(lines));
});

test('answers lost after Elasticsearch did the work: the retry meets 409s, no duplicate', async () => {
  const namespace = uniqueNamespace('lost');
  const lines = 3000;
  const key = await putFlowObject('lost.log.gz', lines);
  const fwd = forwarder(stack.s3.client, stack.proxy.url, namespace, {
    bulkBytes: 40_000,
    concurrency: 1,
  });
  // Bodies 2–4 reach Elasticsearch and are indexed, but the connection is reset instead of the
  // answer: the forwarder cannot know, retries them, and gets 409 for each of their lines.
  stack.proxy.setPlan({ fault: { kind: 'lostResponse' }, after: 1, times: 3 });
  expect(await fwd.invoke(sqsEvent([{ id: 'lost', bucket: BUCKET, key }]))).toEqual({
    batchItemFailures: [],
  });
  await fwd.close();
  expect(faulted()).toBe(3);
  const log = shippedLog(logs, 'lost');
  expect(log).toMatchObject({ message: 'shipped', lines, failed: 0 });
  expect(Number(log?.retries)).toBeGreaterThanOrEqual(3);
  expect(Number(log?.conflicts)).toBeGreaterThan(0);
  expect(Number(log?.created) + Number(log?.conflicts)).toBe(lines);
  await expectExactlyOnce(es, namespace, flowLines(lines));
});

test('a 429 storm that clears: completes, with retries, exactly once', async () => {
  const namespace = uniqueNamespace('storm');
  const lines = 3000;
  const key = await putFlowObject('storm.log.gz', lines);
  const fwd = forwarder(stack.s3.client, stack.proxy.url, namespace, { bulkBytes: 100_000 });
  // Item-level: 200 with every item rejected 429, for three bodies.
  stack.proxy.setPlan({ fault: { kind: 'item429' }, after: 1, times: 3 });
  expect(await fwd.invoke(sqsEvent([{ id: 'items', bucket: BUCKET, key }]))).toEqual({
    batchItemFailures: [],
  });
  expect(faulted()).toBe(3);
  const items = shippedLog(logs, 'items');
  expect(Number(items?.retries)).toBeGreaterThanOrEqual(3);
  expect(items).toMatchObject({ lines, created: lines, failed: 0 });
  await expectExactlyOnce(es, namespace, flowLines(lines));

  // Request-level: 429 for the whole request, four times; a redelivery, so every line is a 409.
  stack.proxy.setPlan({ fault: { kind: 'status', status: 429 }, times: 4 });
  logs.length = 0;
  expect(await fwd.invoke(sqsEvent([{ id: 'requests', bucket: BUCKET, key }]))).toEqual({
    batchItemFailures: [],
  });
  await fwd.close();
  expect(Number(shippedLog(logs, 'requests')?.retries)).toBeGreaterThanOrEqual(4);
  expect(shippedLog(logs, 'requests')).toMatchObject({
    lines,
    created: 0,
    conflicts: lines,
    failed: 0,
  });
  await expectExactlyOnce(es, namespace, flowLines(lines));
});

test('a 429 storm that outlasts the time budget: reported failed, never silently partial', async () => {
  const namespace = uniqueNamespace('endless');
  const lines = 2000;
  const key = await putFlowObject('endless.log.gz', lines);
  const fwd = forwarder(stack.s3.client, stack.proxy.url, namespace, { bulkBytes: 50_000 });
  stack.proxy.setPlan({ fault: { kind: 'item429' }, after: 2 });
  expect(
    await fwd.invoke(sqsEvent([{ id: 'endless', bucket: BUCKET, key }]), SAFETY_MARGIN_MS + 2500)
  ).toEqual({ batchItemFailures: [{ itemIdentifier: 'endless' }] });
  const log = shippedLog(logs, 'endless');
  expect(log).toMatchObject({ level: 'error', message: 'shipped with failures' });
  expect(Number(log?.failed)).toBeGreaterThan(0);
  expect(log?.failureReasons).toHaveProperty(['time budget exhausted']);
  expectAccounted(log, lines);
  // Either every line was read and counted, or reading stopped at the deadline (the rest of the
  // object unread, left for the redelivery): which one depends on the machine's speed.
  if (log?.stoppedReading) expect(Number(log.lines)).toBeLessThan(lines);
  else expect(log?.lines).toBe(lines);
  expect(await rawCount(es, namespace)).toBe(log?.created);

  stack.proxy.setPlan({ fault: { kind: 'none' } });
  await expectRedeliveryCompletes(
    fwd,
    { id: 'endless', bucket: BUCKET, key },
    { es, logs, namespace, lines, already: Number(log?.created) }
  );
  await fwd.close();
});

test('slow answers within the budget: completes, exactly once', async () => {
  const namespace = uniqueNamespace('slow');
  const lines = 1500;
  const key = await putFlowObject('slow.log.gz', lines);
  const fwd = forwarder(stack.s3.client, stack.proxy.url, namespace, { bulkBytes: 60_000 });
  stack.proxy.setPlan({ fault: { kind: 'delay', ms: 700 } });
  expect(await fwd.invoke(sqsEvent([{ id: 'slow', bucket: BUCKET, key }]))).toEqual({
    batchItemFailures: [],
  });
  await fwd.close();
  expect(faulted()).toBeGreaterThan(1);
  expect(shippedLog(logs, 'slow')).toMatchObject({ lines, created: lines, failed: 0 });
  await expectExactlyOnce(es, namespace, flowLines(lines));
});

test('answers slower than the time budget: reported failed; late writes and the redelivery add up exactly', async () => {
  const namespace = uniqueNamespace('slower');
  const lines = 1500;
  const key = await putFlowObject('slower.log.gz', lines);
  const fwd = forwarder(stack.s3.client, stack.proxy.url, namespace, { bulkBytes: 60_000 });
  // The forwarder gives up on each request at the deadline (its request timeout), but the proxy
  // still hands the body to Elasticsearch afterwards: the forwarder cannot know which lines made it.
  stack.proxy.setPlan({ fault: { kind: 'delay', ms: 4000 } });
  expect(
    await fwd.invoke(sqsEvent([{ id: 'slower', bucket: BUCKET, key }]), SAFETY_MARGIN_MS + 1500)
  ).toEqual({ batchItemFailures: [{ itemIdentifier: 'slower' }] });
  const log = shippedLog(logs, 'slower');
  expect(log).toMatchObject({ level: 'error', message: 'shipped with failures', created: 0 });
  expect(Number(log?.failed)).toBeGreaterThan(0);
  expectAccounted(log, lines);
  await stack.proxy.idle();
  const late = await rawCount(es, namespace);
  expect(late).toBeGreaterThan(0); // written after the forwarder had given up

  stack.proxy.setPlan({ fault: { kind: 'none' } });
  await expectRedeliveryCompletes(
    fwd,
    { id: 'slower', bucket: BUCKET, key },
    { es, logs, namespace, lines, already: late }
  );
  await fwd.close();
});

test('no time left at all: every message is reported unstarted, and the redelivery completes them', async () => {
  const namespace = uniqueNamespace('no_time');
  const keys = [await putFlowObject('late-a.log.gz', 300), await putFlowObject('late-b.log', 200)];
  const event = sqsEvent([
    { id: 'late-a', bucket: BUCKET, key: keys[0] },
    { id: 'late-b', bucket: BUCKET, key: keys[1] },
  ]);
  const fwd = forwarder(stack.s3.client, esUrl(), namespace);
  // Less than the safety margin left: the handler must not start anything.
  expect(await fwd.invoke(event, SAFETY_MARGIN_MS - 1)).toEqual({
    batchItemFailures: [{ itemIdentifier: 'late-a' }, { itemIdentifier: 'late-b' }],
  });
  expect(logs.filter((l) => l.messageId).map((l) => [l.level, l.message, l.messageId])).toEqual([
    ['warn', 'time budget exhausted before this message; left for redelivery', 'late-a'],
    ['warn', 'time budget exhausted before this message; left for redelivery', 'late-b'],
  ]);
  expect(logs.at(-1)).toMatchObject({
    message: 'invocation done',
    messages: 2,
    failed: 2,
    shipped: 0,
  });
  expect(await es.indices.exists({ index: `logs-netobs.raw-${namespace}` })).toBe(false);

  logs.length = 0;
  expect(await fwd.invoke(event)).toEqual({ batchItemFailures: [] });
  await fwd.close();
  expect(shippedLog(logs, 'late-a')).toMatchObject({ lines: 300, created: 300 });
  expect(shippedLog(logs, 'late-b')).toMatchObject({ lines: 200, created: 200 });
  await expectExactlyOnce(es, namespace, [...flowLines(300), ...flowLines(200)]);
});

test('the budget runs out during a batch: finished messages stay done, the rest is reported and completed by the redelivery', async () => {
  const namespace = uniqueNamespace('deadline');
  const sizes = [400, 500, 600, 700];
  const ids = sizes.map((_, i) => `batch-${i}`);
  const keys: string[] = [];
  for (const [i, size] of sizes.entries())
    keys.push(await putFlowObject(`batch-${i}.log.gz`, size));
  const event = sqsEvent(ids.map((id, i) => ({ id, bucket: BUCKET, key: keys[i] })));
  const fwd = forwarder(stack.s3.client, stack.proxy.url, namespace);
  // One body per object, each answered after ≥ 1 s: whatever the machine's speed, the 1.5 s
  // budget is gone before the third message starts.
  stack.proxy.setPlan({ fault: { kind: 'delay', ms: 1000 } });
  const first = await fwd.invoke(event, SAFETY_MARGIN_MS + 1500);
  const failedIds = first.batchItemFailures.map((f) => f.itemIdentifier);
  expect(failedIds).toEqual(expect.arrayContaining(['batch-2', 'batch-3']));
  for (const id of ['batch-2', 'batch-3']) {
    expect(messageLogs(logs, id)).toEqual([
      expect.objectContaining({
        level: 'warn',
        message: 'time budget exhausted before this message; left for redelivery',
      }),
    ]);
  }
  // Every message either completed (and says so) or is in batchItemFailures: none is lost.
  for (const [i, id] of ids.entries()) {
    if (failedIds.includes(id)) continue;
    expect(shippedLog(logs, id)).toMatchObject({ message: 'shipped', lines: sizes[i], failed: 0 });
  }
  await stack.proxy.idle();

  // SQS redelivers exactly the reported messages.
  stack.proxy.setPlan({ fault: { kind: 'none' } });
  logs.length = 0;
  const redelivery = sqsEvent(
    ids
      .map((id, i) => ({ id, bucket: BUCKET, key: keys[i] }))
      .filter((m) => failedIds.includes(m.id))
  );
  expect(await fwd.invoke(redelivery)).toEqual({ batchItemFailures: [] });
  await fwd.close();
  for (const id of failedIds) {
    const i = ids.indexOf(id);
    expect(shippedLog(logs, id)).toMatchObject({ lines: sizes[i], failed: 0 });
  }
  await expectExactlyOnce(
    es,
    namespace,
    sizes.flatMap((size) => flowLines(size))
  );
});

test('the budget runs out mid-object: reading stops there, and the redelivery ships the rest exactly', async () => {
  const namespace = uniqueNamespace('midobject');
  const lines = 9000;
  const key = await putFlowObject('long.log.gz', lines);
  const fwd = forwarder(stack.s3.client, stack.proxy.url, namespace, {
    bulkBytes: 50_000,
    concurrency: 1,
  });
  // Each body is answered after ≥ 400 ms: far fewer than the object's ~60 bodies fit in 1.5 s.
  stack.proxy.setPlan({ fault: { kind: 'delay', ms: 400 } });
  expect(
    await fwd.invoke(sqsEvent([{ id: 'long', bucket: BUCKET, key }]), SAFETY_MARGIN_MS + 1500)
  ).toEqual({ batchItemFailures: [{ itemIdentifier: 'long' }] });
  const log = shippedLog(logs, 'long');
  expect(log).toMatchObject({
    level: 'error',
    message: 'shipped with failures',
    stoppedReading: 'time budget exhausted',
  });
  expect(Number(log?.lines)).toBeLessThan(lines);
  expectAccounted(log, lines);
  await stack.proxy.idle();
  const before = await rawCount(es, namespace);
  expect(before).toBeLessThan(lines);

  stack.proxy.setPlan({ fault: { kind: 'none' } });
  const fast = forwarder(stack.s3.client, esUrl(), namespace);
  await expectRedeliveryCompletes(
    fast,
    { id: 'long', bucket: BUCKET, key },
    { es, logs, namespace, lines, already: before }
  );
  await Promise.all([fwd.close(), fast.close()]);
});
