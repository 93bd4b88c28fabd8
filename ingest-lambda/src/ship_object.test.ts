import type { BulkClient } from './shipper';
import { documentId } from './documents';
import { shipLogEvents, shipStream } from './ship_object';
import { bulkText } from '../../test/forwarder/bulk_text';

const origin = { bucket: 'b', key: 'k', version: 'v', timestamp: '2026-11-22T12:00:00.000Z' };

function slowClient(log: string[]): BulkClient {
  const request = async (params: { bulkBody: unknown }) => {
    log.push('request started');
    await new Promise((resolve) => setTimeout(resolve, 50));
    log.push('request done');
    const count = bulkText(params).split('\n').filter(Boolean).length / 2;
    return { items: Array.from({ length: count }, () => ({ create: { status: 201 } })) };
  };
  // Only transport.request is used by the shipper.
  return { transport: { request } } as unknown as BulkClient;
}

test('counts lines without the header and reports progress', async () => {
  const log: string[] = [];
  const seen: number[] = [];
  async function* source(): AsyncGenerator<Buffer> {
    yield Buffer.from('version srcaddr dstaddr\n3 a b\n3 c d\n');
  }
  const result = await shipStream(
    slowClient(log),
    source(),
    origin,
    { index: 'x' },
    {
      onLines: (n) => seen.push(n),
    }
  );
  expect(result).toMatchObject({ lines: 2, created: 2, failed: 0 });
  expect(seen).toEqual([2]);
});

test('a read error mid-object waits for requests in flight before it is reported', async () => {
  const log: string[] = [];
  async function* source(): AsyncGenerator<Buffer> {
    yield Buffer.from('x'.repeat(100) + '\n' + 'y'.repeat(100) + '\n');
    await new Promise((resolve) => setTimeout(resolve, 5));
    throw new Error('connection reset by peer');
  }
  await expect(
    shipStream(slowClient(log), source(), origin, { index: 'x', maxBytes: 100 })
  ).rejects.toThrow('connection reset by peer');
  log.push('reported');
  expect(log.at(-1)).toBe('reported');
  expect(log.filter((l) => l === 'request done')).toHaveLength(
    log.filter((l) => l === 'request started').length
  );
});

test('stops reading once the deadline has passed, instead of reading the object to its end', async () => {
  const log: string[] = [];
  let chunksRead = 0;
  async function* source(): AsyncGenerator<Buffer> {
    for (let i = 0; i < 1000; i++) {
      chunksRead += 1;
      yield Buffer.from(`chunk ${i} line a\nchunk ${i} line b\n`);
    }
  }
  const result = await shipStream(slowClient(log), source(), origin, {
    index: 'x',
    deadline: Date.now() - 1,
  });
  expect(result).toMatchObject({ lines: 0, created: 0, failed: 0, stoppedReading: true });
  // Only the bytes the reader peeks at (and the chunk being split) were pulled from the source.
  expect(chunksRead).toBeLessThan(5);
  expect(log).toEqual([]);
});

test('an object read to its end before the deadline is not marked stopped', async () => {
  const log: string[] = [];
  async function* source(): AsyncGenerator<Buffer> {
    yield Buffer.from('a\nb\n');
  }
  const result = await shipStream(slowClient(log), source(), origin, {
    index: 'x',
    deadline: Date.now() + 60_000,
  });
  expect(result).toMatchObject({ lines: 2, created: 2 });
  expect(result).not.toHaveProperty('stoppedReading');
});

test('CloudWatch events without an id, or repeating one, each keep their own document', async () => {
  const ids: string[] = [];
  const client = {
    transport: {
      request: async (params: { bulkBody: unknown }) => {
        const lines = bulkText(params).split('\n').filter(Boolean);
        for (let i = 0; i < lines.length; i += 2)
          ids.push((JSON.parse(lines[i]) as { create: { _id: string } }).create._id);
        return {
          items: Array.from({ length: lines.length / 2 }, () => ({ create: { status: 201 } })),
        };
      },
    },
  } as unknown as BulkClient;
  const batch = {
    kind: 'cloudwatch' as const,
    logGroup: '/vpc/flow',
    logStream: 'eni-1-all',
    events: [
      { timestamp: 1, message: 'same line' },
      { timestamp: 1, message: 'same line' },
      { id: 'e1', timestamp: 2, message: 'a' },
      { id: 'e1', timestamp: 2, message: 'a' },
      { id: 'e2', timestamp: 3, message: 'b' },
    ],
  };
  const result = await shipLogEvents(client, batch, { index: 'x' });
  expect(result).toMatchObject({ lines: 5, created: 5 });
  expect(new Set(ids).size).toBe(5);
  // Redelivery of the same batch gives the same ids, so nothing is indexed twice.
  const first = [...ids];
  ids.length = 0;
  await shipLogEvents(client, batch, { index: 'x' });
  expect(ids).toEqual(first);
  // An event with its own id keeps the id it always had.
  expect(first[4]).toBe(documentId('/vpc/flow', 'eni-1-all', 'e2'));
});
