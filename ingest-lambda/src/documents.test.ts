import { VPC_FLOW_DEFAULT_FIELDS } from '../../common/constants';
import type { ObjectOrigin } from './documents';
import { documentId, logEventDocument, ObjectDocuments } from './documents';

const origin: ObjectOrigin = {
  bucket: 'logs-bucket',
  key: 'AWSLogs/123/vpcflowlogs/us-east-1/2026/11/22/x.log.gz',
  version: 'etag1',
  timestamp: '2026-11-22T12:00:00.000Z',
};
const FLOW =
  '2 123456789012 eni-1 10.0.0.1 10.0.0.2 1000 443 6 5 500 1763800000 1763800060 ACCEPT OK';
const CUSTOM = 'version vpc-id srcaddr dstaddr srcport dstport protocol action tcp-flags';

describe('ObjectDocuments', () => {
  test('the default v2 header line is consumed and attaches nothing', () => {
    const docs = new ObjectDocuments(origin);
    expect(docs.toDocument({ text: VPC_FLOW_DEFAULT_FIELDS.join(' '), offset: 0 })).toBeUndefined();
    const built = docs.toDocument({ text: FLOW, offset: 107 });
    expect(built?.doc).toEqual({
      '@timestamp': '2026-11-22T12:00:00.000Z',
      message: FLOW,
      log: { offset: 107, file: { path: `s3://logs-bucket/${origin.key}` } },
      cloud: { provider: 'aws' },
      aws: { s3: { bucket: { name: 'logs-bucket' }, object: { key: origin.key } } },
    });
  });

  test('a custom header is consumed and its field list attached to every line', () => {
    const docs = new ObjectDocuments({ ...origin, sourceHint: 'vpcflow' });
    expect(docs.toDocument({ text: CUSTOM, offset: 0 })).toBeUndefined();
    const a = docs.toDocument({ text: '3 vpc-1 10.0.0.1 10.0.0.2 1 2 6 ACCEPT 2', offset: 60 });
    const b = docs.toDocument({ text: '3 vpc-1 10.0.0.3 10.0.0.4 1 2 6 REJECT 0', offset: 101 });
    for (const built of [a, b]) {
      expect(built?.doc.netobs).toEqual({ source: 'vpcflow', flowlog: { fields: CUSTOM } });
    }
  });

  test('${field} headers (the flow-log console syntax) are understood', () => {
    const docs = new ObjectDocuments(origin);
    expect(
      docs.toDocument({ text: '${version} ${srcaddr} ${dstaddr}', offset: 0 })
    ).toBeUndefined();
    expect(docs.toDocument({ text: '3 a b', offset: 30 })?.doc.netobs).toEqual({
      flowlog: { fields: 'version srcaddr dstaddr' },
    });
  });

  test('only the first line can be a header; other lines are shipped as they are', () => {
    const docs = new ObjectDocuments(origin);
    expect(docs.toDocument({ text: FLOW, offset: 0 })).toBeDefined();
    expect(docs.toDocument({ text: CUSTOM, offset: 90 })?.doc.message).toBe(CUSTOM);
  });

  test('invalid UTF-8 keeps the original bytes; pieces are marked', () => {
    const docs = new ObjectDocuments(origin);
    const raw = Buffer.from([0x61, 0xff]);
    expect(docs.toDocument({ text: 'a\ufffd', offset: 0, raw })?.doc.netobs).toEqual({
      original_base64: raw.toString('base64'),
    });
    expect(docs.toDocument({ text: 'abcd', offset: 3, piece: 1 })?.doc.netobs).toEqual({
      piece: 1,
    });
  });

  test('local files carry their path and no aws.s3 fields', () => {
    const docs = new ObjectDocuments({ path: '/tmp/x.log', version: '10:1', timestamp: 't' });
    const built = docs.toDocument({ text: 'hello', offset: 0 });
    expect(built?.doc).toEqual({
      '@timestamp': 't',
      message: 'hello',
      log: { offset: 0, file: { path: '/tmp/x.log' } },
      cloud: { provider: 'aws' },
    });
  });

  test('ids are deterministic and differ by version, offset, piece and object', () => {
    const id = (o: ObjectOrigin, offset: number, piece?: number) =>
      new ObjectDocuments(o).toDocument({ text: 'line', offset, piece })!.id;
    expect(id(origin, 10)).toBe(id(origin, 10));
    expect(id(origin, 10)).toBe(id({ ...origin, timestamp: '2030-01-01T00:00:00Z' }, 10));
    const variants = new Set([
      id(origin, 10),
      id(origin, 11),
      id({ ...origin, version: 'etag2' }, 10),
      id({ ...origin, key: 'other' }, 10),
      id({ ...origin, bucket: 'other' }, 10),
      id(origin, 10, 0),
      id(origin, 10, 1),
    ]);
    expect(variants.size).toBe(7);
    expect(id(origin, 10)).toMatch(/^[A-Za-z0-9_-]{27}$/);
    expect(documentId('a', 1)).not.toBe(documentId('a1'));
  });
});

describe('logEventDocument', () => {
  const event = { id: '3762', timestamp: 1763800000000, message: FLOW };
  const cwOrigin = { logGroup: '/vpc/flow', logStream: 'eni-1-all', owner: '123456789012' };

  test('a CloudWatch Logs event with its group, stream and account', () => {
    const built = logEventDocument(cwOrigin, event);
    expect(built.doc).toEqual({
      '@timestamp': '2025-11-22T08:26:40.000Z',
      message: FLOW,
      awscloudwatch: { log_group: '/vpc/flow', log_stream: 'eni-1-all' },
      cloud: { provider: 'aws', account: { id: '123456789012' } },
    });
    expect(built.id).toBe(logEventDocument(cwOrigin, event).id);
    expect(built.id).not.toBe(logEventDocument(cwOrigin, { ...event, id: '3763' }).id);
  });

  test('NETOBS_FLOWLOG_FORMAT: a custom format is attached, the default one is not', () => {
    expect(
      logEventDocument({ ...cwOrigin, flowLogFormat: `  ${CUSTOM.replace(/ /g, '   ')} ` }, event)
        .doc.netobs
    ).toEqual({ flowlog: { fields: CUSTOM } });
    expect(
      logEventDocument({ ...cwOrigin, flowLogFormat: VPC_FLOW_DEFAULT_FIELDS.join(' ') }, event).doc
        .netobs
    ).toBeUndefined();
  });
});
