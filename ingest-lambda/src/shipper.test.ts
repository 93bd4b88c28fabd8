import type { DiagnosticResult } from '@elastic/elasticsearch';
import { errors } from '@elastic/elasticsearch';
import type { BulkClient, ShipperOptions } from './shipper';
import { backoffDelay, BulkShipper, UnresponsiveError } from './shipper';
import { bulkText } from '../../test/forwarder/bulk_text';

interface Call {
  ids: string[];
  bytes: number;
  path: string;
  options: { maxRetries?: number; requestTimeout?: number };
}
type Item = { status: number; error?: { type: string; reason: string } };
/** Answers one bulk request: items per id, or throws. */
type Script = (ids: string[], call: number) => Item[] | Promise<Item[]>;

function fakeClient(script: Script): { client: BulkClient; calls: Call[] } {
  const calls: Call[] = [];
  const request = async (
    params: { path: string; bulkBody: unknown },
    options: Call['options']
  ): Promise<unknown> => {
    const lines = bulkText(params).split('\n').filter(Boolean);
    const ids = lines
      .filter((_, i) => i % 2 === 0)
      .map((l) => (JSON.parse(l) as { create: { _id: string } }).create._id);
    calls.push({ ids, bytes: Buffer.byteLength(bulkText(params)), path: params.path, options });
    const items = await script(ids, calls.length - 1);
    return { errors: items.some((i) => i.status >= 300), items: items.map((i) => ({ create: i })) };
  };
  // The shipper only uses transport.request; the rest of the client is not needed here.
  return { client: { transport: { request } } as unknown as BulkClient, calls };
}

const ok = (ids: string[]): Item[] => ids.map(() => ({ status: 201 }));
const responseError = (statusCode: number) =>
  new errors.ResponseError({
    body: { error: { type: 'x', reason: 'injected' }, status: statusCode },
    statusCode,
    headers: {},
    warnings: null,
    meta: {},
  } as unknown as DiagnosticResult);

const noSleep = { sleep: async () => undefined, random: () => 0.5 };
const base: ShipperOptions = { index: 'logs-netobs.raw-test', ...noSleep };

async function ship(
  client: BulkClient,
  count: number,
  options: Partial<ShipperOptions> = {}
): Promise<BulkShipper> {
  const shipper = new BulkShipper(client, { ...base, ...options });
  for (let i = 0; i < count; i++) await shipper.add(`id${i}`, { message: `line number ${i}` });
  await shipper.finish().catch(() => undefined);
  return shipper;
}

test('sends create actions to the data stream, without client-side retries', async () => {
  const { client, calls } = fakeClient(ok);
  const shipper = await ship(client, 3);
  expect(calls).toHaveLength(1);
  expect(calls[0].path).toBe('/logs-netobs.raw-test/_bulk');
  expect(calls[0].options.maxRetries).toBe(0);
  expect(shipper.stats).toMatchObject({ docs: 3, created: 3, conflicts: 0, failed: 0, retries: 0 });
  expect(shipper.stats.bytes).toBe(calls[0].bytes);
});

test('batches by bytes', async () => {
  const { client, calls } = fakeClient(ok);
  const shipper = await ship(client, 50, { maxBytes: 500 });
  const perDoc = calls[0].bytes / calls[0].ids.length;
  expect(calls.length).toBeGreaterThanOrEqual(5);
  for (const call of calls.slice(0, -1)) {
    expect(call.bytes).toBeGreaterThanOrEqual(500);
    expect(call.bytes).toBeLessThan(500 + perDoc + 1);
  }
  expect(calls.flatMap((c) => c.ids)).toEqual(Array.from({ length: 50 }, (_, i) => `id${i}`));
  expect(shipper.stats.created).toBe(50);
});

test('never more requests in flight than the concurrency bound', async () => {
  let inFlight = 0;
  let peak = 0;
  const { client, calls } = fakeClient(async (ids) => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight -= 1;
    return ok(ids);
  });
  const shipper = await ship(client, 200, { maxBytes: 200, concurrency: 3 });
  expect(calls.length).toBeGreaterThan(20);
  expect(peak).toBe(3);
  expect(shipper.stats.created).toBe(200);
});

test('options given as undefined keep their defaults (the CLI passes them so)', async () => {
  let inFlight = 0;
  let peak = 0;
  const { client, calls } = fakeClient(async (ids) => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 2));
    inFlight -= 1;
    return ok(ids);
  });
  // About 6 MB of documents: more than one default 5 MB batch, two requests at most at once.
  const shipper = new BulkShipper(client, { ...base, maxBytes: undefined, concurrency: undefined });
  const message = 'x'.repeat(1000);
  for (let i = 0; i < 6000; i++) await shipper.add(`id${i}`, { message });
  await shipper.finish();
  expect(calls.length).toBe(2);
  expect(calls[0].bytes).toBeGreaterThanOrEqual(5 * 1024 * 1024);
  expect(peak).toBeLessThanOrEqual(2);
});

test('409 conflicts count as already indexed', async () => {
  const { client } = fakeClient((ids) =>
    ids.map((_, i) =>
      i % 2 ? { status: 409, error: { type: 'version_conflict', reason: 'x' } } : { status: 201 }
    )
  );
  const shipper = await ship(client, 4);
  expect(shipper.stats).toMatchObject({ created: 2, conflicts: 2, failed: 0, retries: 0 });
});

test('item-level 429s are retried, and only those items', async () => {
  const rejected = {
    status: 429,
    error: { type: 'es_rejected_execution_exception', reason: 'busy' },
  };
  const { client, calls } = fakeClient((ids, call) =>
    call === 0
      ? ids.map((id) => (id === 'id1' || id === 'id3' ? rejected : { status: 201 }))
      : ok(ids)
  );
  const waits: number[] = [];
  const shipper = await ship(client, 5, {
    sleep: async (ms) => {
      waits.push(ms);
    },
    backoffBaseMs: 100,
  });
  expect(calls.map((c) => c.ids)).toEqual([
    ['id0', 'id1', 'id2', 'id3', 'id4'],
    ['id1', 'id3'],
  ]);
  expect(shipper.stats).toMatchObject({ created: 5, failed: 0, retries: 1 });
  expect(waits).toEqual([50]); // random 0.5 × min(cap, 100 · 2^0)
});

test.each([
  ['503', () => responseError(503)],
  ['429', () => responseError(429)],
  ['502', () => responseError(502)],
  ['504', () => responseError(504)],
  ['a connection error', () => new errors.ConnectionError('ECONNREFUSED')],
])('request-level %s is retried', async (_, error) => {
  const { client, calls } = fakeClient((ids, call) => {
    if (call < 2) throw error();
    return ok(ids);
  });
  const shipper = await ship(client, 3);
  expect(calls).toHaveLength(3);
  expect(shipper.stats).toMatchObject({ created: 3, failed: 0, retries: 2 });
});

test('non-retryable item errors are counted with their reasons', async () => {
  const { client, calls } = fakeClient((ids) =>
    ids.map((_, i) =>
      i === 0
        ? { status: 400, error: { type: 'document_parsing_exception', reason: 'bad field' } }
        : i === 1
          ? { status: 403, error: { type: 'security_exception', reason: 'no privilege' } }
          : { status: 201 }
    )
  );
  const shipper = await ship(client, 4);
  expect(calls).toHaveLength(1);
  expect(shipper.stats).toMatchObject({ created: 2, failed: 2, retries: 0 });
  expect(shipper.stats.failureReasons).toEqual({
    '400 document_parsing_exception: bad field': 1,
    '403 security_exception: no privilege': 1,
  });
});

test('a non-retryable request error fails the batch with the status', async () => {
  const { client, calls } = fakeClient(() => {
    throw responseError(413);
  });
  const shipper = await ship(client, 3);
  expect(calls).toHaveLength(1);
  expect(shipper.stats.failed).toBe(3);
  expect(Object.keys(shipper.stats.failureReasons)[0]).toMatch(/^bulk request failed \(413\)/);
});

test('retries stop after maxAttempts and the rest count as failed', async () => {
  const { client, calls } = fakeClient(() => {
    throw responseError(503);
  });
  const shipper = await ship(client, 3, { maxAttempts: 4 });
  expect(calls).toHaveLength(4);
  expect(shipper.stats).toMatchObject({ failed: 3, created: 0 });
  expect(shipper.stats.failureReasons).toEqual({ 'retries exhausted': 3 });
});

test('the deadline stops retries: what is left counts as failed', async () => {
  const { client, calls } = fakeClient((ids, call) => {
    if (call === 0) return ids.map((_, i) => (i < 2 ? { status: 201 } : { status: 429 }));
    return ok(ids);
  });
  const shipper = await ship(client, 5, {
    deadline: Date.now() + 500,
    backoffBaseMs: 10_000,
    random: () => 0.9,
  });
  expect(calls).toHaveLength(1);
  expect(shipper.stats).toMatchObject({ created: 2, failed: 3 });
  expect(shipper.stats.failureReasons).toEqual({ 'time budget exhausted': 3 });
});

test('past the deadline nothing is sent', async () => {
  const { client, calls } = fakeClient(ok);
  const shipper = await ship(client, 5, { deadline: Date.now() - 1 });
  expect(calls).toHaveLength(0);
  expect(shipper.stats).toMatchObject({ created: 0, failed: 5 });
});

test('the request timeout never outlives the deadline by more than a second', async () => {
  const { client, calls } = fakeClient(ok);
  await ship(client, 1, { deadline: Date.now() + 3000 });
  expect(calls[0].options.requestTimeout).toBeLessThanOrEqual(3000);
  expect(calls[0].options.requestTimeout).toBeGreaterThanOrEqual(1000);
});

describe('backoffDelay', () => {
  test('full jitter below min(cap, base · 2^attempt)', () => {
    expect(backoffDelay(0, 200, 20_000, () => 0)).toBe(0);
    expect(backoffDelay(0, 200, 20_000, () => 0.999999)).toBe(199);
    expect(backoffDelay(3, 200, 20_000, () => 0.5)).toBe(800);
    expect(backoffDelay(10, 200, 20_000, () => 0.999999)).toBe(19_999);
    expect(backoffDelay(50, 200, 20_000, () => 0.5)).toBe(10_000);
    for (let attempt = 0; attempt < 12; attempt++) {
      const delay = backoffDelay(attempt, 200, 20_000);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(Math.min(20_000, 200 * 2 ** attempt));
    }
  });
});

test('a request that times out is retried once it has been answered in between', async () => {
  const { client, calls } = fakeClient((ids, call) => {
    if (call === 0 || call === 2) throw new errors.TimeoutError('Request timed out');
    return call === 1 ? ids.map((_, i) => (i === 0 ? { status: 429 } : { status: 201 })) : ok(ids);
  });
  const shipper = await ship(client, 3, { maxBytes: 10_000 });
  expect(calls).toHaveLength(4);
  expect(shipper.stats).toMatchObject({ created: 3, failed: 0 });
});

test('requests unanswered twice in a row stop shipping and name the node and the wait', async () => {
  const { client, calls } = fakeClient(() => {
    throw new errors.TimeoutError('Request timed out');
  });
  const shipper = new BulkShipper(client, {
    ...base,
    requestTimeoutMs: 5000,
    endpoint: 'https://es.example:9243',
  });
  for (let i = 0; i < 3; i++) await shipper.add(`id${i}`, { message: `line ${i}` });
  const reason =
    'Elasticsearch at https://es.example:9243 did not answer within 5 s, 2 times in a row';
  await expect(shipper.finish()).rejects.toThrow(new UnresponsiveError(reason));
  expect(calls.map((c) => c.options.requestTimeout)).toEqual([5000, 5000]);
  expect(shipper.stats).toMatchObject({ created: 0, failed: 3, failureReasons: { [reason]: 3 } });
  // Nothing more is accepted once the node is known unresponsive.
  await expect(shipper.add('id9', { message: 'late' })).rejects.toThrow(UnresponsiveError);
});

test.each([0, 1])(
  'bodies of many windows (compression level %i): every document once, in order, and a retry sends exactly the failed ones',
  async (compressionLevel) => {
    const rejected = {
      status: 429,
      error: { type: 'es_rejected_execution_exception', reason: 'x' },
    };
    // Documents of about 1 KiB: a 2 MB body spans several 256 KiB windows.
    const failing = new Set(['id5', 'id700', 'id1999', 'id2500']);
    // Each of them is rejected twice, then created.
    const seen = new Map<string, number>();
    const { client, calls } = fakeClient((ids) =>
      ids.map((id) => {
        seen.set(id, (seen.get(id) ?? 0) + 1);
        return failing.has(id) && seen.get(id)! <= 2 ? rejected : { status: 201 };
      })
    );
    const shipper = new BulkShipper(client, {
      ...base,
      compressionLevel,
      maxBytes: 2 * 1024 * 1024,
    });
    const count = 3000;
    for (let i = 0; i < count; i++)
      await shipper.add(`id${i}`, { message: `${i} `.padEnd(1000 + (i % 97), 'x') });
    const stats = await shipper.finish();
    expect(stats).toMatchObject({ docs: count, created: count, failed: 0, retries: 4 });
    // First requests: every document once, in order, in bodies of at most maxBytes + one document.
    const firsts = calls.filter((c) => c.ids.length > failing.size);
    expect(firsts.flatMap((c) => c.ids)).toEqual(Array.from({ length: count }, (_, i) => `id${i}`));
    expect(firsts.length).toBe(2);
    for (const call of firsts) expect(call.bytes).toBeLessThan(2 * 1024 * 1024 + 1300);
    // Retries: only the rejected documents, rebuilt from what was sent.
    const retried = calls.filter((c) => c.ids.length <= failing.size).flatMap((c) => c.ids);
    expect(retried.sort()).toEqual([...failing, ...failing].sort());
    // Bytes of every answered request, retries included.
    expect(stats.bytes).toBe(calls.reduce((sum, c) => sum + c.bytes, 0));
  }
);
