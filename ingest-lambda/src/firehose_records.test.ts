// CloudWatch Logs subscription records that Firehose wrote to S3 (gzip members, one JSON record
// each, back to back with no newline): each log event becomes its own raw document.
import { CONTROL_RECORD, dataRecord, firehoseObject } from '../../test/support/cloudwatch_records';
import type { ObjectOrigin, RawDocument } from './documents';
import { logEventDocument, ObjectDocuments, subscriptionRecord } from './documents';
import { readLines, splitLines } from './reader';

const origin: ObjectOrigin = {
  version: 'v1',
  bucket: 'firehose-bucket',
  key: 'flowlogs/2026/11/22/12/netobs-stream-1-2026-11-22-12-00-00-abcd',
  timestamp: '2026-11-22T12:10:00.000Z',
};
const FLOW_1 =
  '2 123456789012 eni-0a1 10.0.0.1 10.0.0.2 49152 443 6 10 840 1763800000 1763800060 ACCEPT OK';
const FLOW_2 =
  '2 123456789012 eni-0a1 203.0.113.9 10.0.0.2 51515 22 6 1 40 1763800000 1763800060 REJECT OK';
const FLOW_3 =
  '2 123456789012 eni-0b2 10.0.1.5 10.0.0.2 40000 53 17 2 120 1763800001 1763800061 ACCEPT OK';

const record = dataRecord;
const RECORD_A = record('eni-0a1-all', [
  { id: '37628', timestamp: 1763800060000, message: FLOW_1 },
  { id: '37629', timestamp: 1763800060000, message: FLOW_2 },
]);
const RECORD_B = record('eni-0b2-all', [
  { id: '37700', timestamp: 1763800061000, message: FLOW_3 },
]);
const CONTROL = CONTROL_RECORD;

async function* once(buffer: Buffer): AsyncGenerator<Buffer> {
  yield buffer;
}
async function* sliced(buffer: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

async function documentsOf(
  bytes: AsyncIterable<Buffer>,
  read = readLines
): Promise<{ id: string; doc: RawDocument }[]> {
  const documents = new ObjectDocuments(origin);
  const out: { id: string; doc: RawDocument }[] = [];
  for await (const line of read(bytes)) out.push(...documents.toDocuments(line));
  return out;
}

describe('splitting concatenated JSON objects', () => {
  test('objects back to back on one line become lines of their own, with exact offsets', async () => {
    const text = `${RECORD_A}${RECORD_B}\n${RECORD_A}`;
    const lines = [];
    for await (const line of splitLines(sliced(Buffer.from(text), 13))) lines.push(line);
    expect(lines.map((l) => [l.text, l.offset])).toEqual([
      [RECORD_A, 0],
      [RECORD_B, RECORD_A.length],
      [RECORD_A, RECORD_A.length + RECORD_B.length + 1],
    ]);
  });

  test('braces and escaped quotes inside strings do not end an object', async () => {
    const tricky = JSON.stringify({ message: 'a } b { "c" \\ }}', n: { m: '}' } });
    const lines = [];
    for await (const line of splitLines(once(Buffer.from(`${tricky}${tricky}\r\n`))))
      lines.push(line.text);
    expect(lines).toEqual([tricky, tricky]);
  });

  test('a malformed JSON line still ends at its newline and nothing is lost', async () => {
    const broken = '{"messageType":"DATA_MESSAGE","logEvents":[{"message":"2 1';
    const lines = [];
    for await (const line of splitLines(once(Buffer.from(`${broken}\n${FLOW_1}\n`))))
      lines.push(line.text);
    expect(lines).toEqual([broken, FLOW_1]);
  });

  test('lines that do not begin with { are split on newlines only', async () => {
    const line = `${FLOW_1} {"x":1}{"y":2}`;
    const lines = [];
    for await (const l of splitLines(once(Buffer.from(`${line}\n`)))) lines.push(l.text);
    expect(lines).toEqual([line]);
  });
});

describe('Firehose-written CloudWatch Logs records', () => {
  // How Firehose writes a CloudWatch Logs subscription to S3 without record transformation:
  // each record is the subscription's gzip data, appended as is.
  const object = firehoseObject(CONTROL, RECORD_A, RECORD_B);

  test('one raw document per log event, with its log group, stream, account and place', async () => {
    const docs = await documentsOf(once(object));
    expect(docs.map((d) => d.doc.message)).toEqual([FLOW_1, FLOW_2, FLOW_3]);
    expect(docs[0].doc).toEqual({
      '@timestamp': '2025-11-22T08:27:40.000Z',
      message: FLOW_1,
      awscloudwatch: { log_group: '/aws/vpc/flowlogs', log_stream: 'eni-0a1-all' },
      cloud: { provider: 'aws', account: { id: '123456789012' } },
      log: { offset: CONTROL.length, file: { path: `s3://${origin.bucket}/${origin.key}` } },
      aws: { s3: { bucket: { name: origin.bucket }, object: { key: origin.key } } },
    });
    expect(docs[2].doc.awscloudwatch).toEqual({
      log_group: '/aws/vpc/flowlogs',
      log_stream: 'eni-0b2-all',
    });
  });

  test('ids are stable across runs and chunkings, and match the subscription path', async () => {
    const first = (await documentsOf(once(object))).map((d) => d.id);
    const again = (await documentsOf(sliced(object, 17))).map((d) => d.id);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(3);
    const direct = logEventDocument(
      { logGroup: '/aws/vpc/flowlogs', logStream: 'eni-0a1-all', owner: '123456789012' },
      { id: '37628', timestamp: 1763800060000, message: FLOW_1 }
    );
    expect(first[0]).toBe(direct.id);
  });

  test('a record Firehose delivered twice gives the same ids (indexed once)', async () => {
    const twice = Buffer.concat([object, firehoseObject(RECORD_A)]);
    const ids = (await documentsOf(once(twice))).map((d) => d.id);
    expect(ids).toHaveLength(5);
    expect(ids.slice(3)).toEqual(ids.slice(0, 2));
  });

  test('events without ids get ids from their place in the object', async () => {
    const noIds = record('eni-0a1-all', [
      { timestamp: 1763800060000, message: FLOW_1 },
      { timestamp: 1763800060000, message: FLOW_1 },
    ]);
    const text = Buffer.from(`${noIds}\n${noIds}`);
    const ids = (await documentsOf(once(text))).map((d) => d.id);
    expect(new Set(ids).size).toBe(4);
    expect((await documentsOf(sliced(text, 5))).map((d) => d.id)).toEqual(ids);
  });

  test('a malformed record is shipped raw, the records around it are unwrapped', async () => {
    const broken = RECORD_B.slice(0, 60);
    const docs = await documentsOf(once(Buffer.from(`${RECORD_A}\n${broken}\n${RECORD_B}`)));
    expect(docs.map((d) => d.doc.message)).toEqual([FLOW_1, FLOW_2, broken, FLOW_3]);
    expect(docs[2].doc.awscloudwatch).toBeUndefined();
    expect(docs[2].doc.log).toEqual({
      offset: RECORD_A.length + 1,
      file: { path: `s3://${origin.bucket}/${origin.key}` },
    });
  });

  test('a configured flow-log format goes onto the unwrapped events', async () => {
    const documents = new ObjectDocuments({
      ...origin,
      flowLogFormat: 'version srcaddr dstaddr action',
      sourceHint: 'vpcflow',
    });
    const [doc] = documents.toDocuments({ text: RECORD_B, offset: 0 });
    expect(doc.doc.netobs).toEqual({
      source: 'vpcflow',
      flowlog: { fields: 'version srcaddr dstaddr action' },
    });
  });
});

describe('subscriptionRecord', () => {
  test('recognises data and control messages only', () => {
    expect(subscriptionRecord(RECORD_A)).toMatchObject({
      kind: 'cloudwatch',
      logGroup: '/aws/vpc/flowlogs',
      logStream: 'eni-0a1-all',
      owner: '123456789012',
    });
    expect(subscriptionRecord(CONTROL)).toBe('control');
    expect(subscriptionRecord(FLOW_1)).toBeUndefined();
    expect(subscriptionRecord('{"message":"2 123"}')).toBeUndefined();
    expect(subscriptionRecord('{"messageType":"DATA_MESSAGE","logGroup":"g"}')).toBeUndefined();
    expect(subscriptionRecord('{"messageType":"DATA_MESSAGE",')).toBeUndefined();
    expect(subscriptionRecord('[1]')).toBeUndefined();
  });
});
