// Pins the document ids (and the documents) the forwarder sends for known inputs on every path:
// S3 object lines (plain and gzip, header, CRLF, empty lines, invalid UTF-8, a line shipped in
// pieces), Firehose-written CloudWatch Logs records unwrapped from an object, CloudWatch Logs
// subscription events (with, without and with repeated ids) and Kinesis lines. The expected ids
// were recorded from the forwarder before its reader and bulk writer were rewritten for speed:
// an object redelivered after an upgrade must get the same ids, so Elasticsearch answers 409
// instead of indexing it twice. Never regenerate these values to make a change pass.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CONTROL_RECORD, dataRecord } from '../../test/support/cloudwatch_records';
import type { KinesisLines, LogEventsBatch } from './events';
import type { ObjectOrigin } from './documents';
import { shipKinesisLines, shipLogEvents, shipStream } from './ship_object';
import type { BulkClient } from './shipper';

interface Sent {
  id: string;
  doc: Record<string, unknown>;
}

/** A _bulk endpoint that records every create action and its document, answering 201. */
function recordingClient(): { client: BulkClient; sent: Sent[] } {
  const sent: Sent[] = [];
  const client = {
    transport: {
      request: async (params: { body?: unknown; bulkBody?: unknown }) => {
        let body = (params.bulkBody ?? params.body) as string | Buffer | Uint8Array;
        if (typeof body !== 'string') {
          let bytes = Buffer.from(body);
          if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
          body = bytes.toString('utf8');
        }
        const lines = body.split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        const items = [];
        for (let i = 0; i < lines.length; i += 2) {
          const action = JSON.parse(lines[i]) as { create: { _id: string } };
          sent.push({ id: action.create._id, doc: JSON.parse(lines[i + 1]) });
          items.push({ create: { status: 201 } });
        }
        return { errors: false, items };
      },
    },
  } as unknown as BulkClient;
  return { client, sent };
}

const ORIGIN: ObjectOrigin = {
  bucket: 'flow-logs-bucket',
  key: 'AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/123456789012_vpcflowlogs_us-east-1_fl-0abc_20261122T1200Z_1a2b3c4d.log.gz',
  version: '3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY',
  timestamp: '2026-11-22T12:05:00.000Z',
};

const V2 =
  'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status';
const CUSTOM =
  'version interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status';
const FLOW = (n: number) =>
  `2 123456789012 eni-0a1b2c3d 10.0.0.${n} 10.0.1.9 ${40000 + n} 443 6 ${n} ${n * 40} 1763800000 1763800060 ACCEPT OK`;

async function* chunks(buffer: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

/** The objects, each shipped through the same code the Lambda and the CLI use. */
async function objectCases(): Promise<Record<string, Sent[]>> {
  const out: Record<string, Sent[]> = {};
  const ship = async (name: string, bytes: Buffer, origin: ObjectOrigin = ORIGIN, size = 7) => {
    const { client, sent } = recordingClient();
    await shipStream(client, chunks(bytes, size), origin, { index: 'logs-netobs.raw-default' });
    out[name] = sent;
  };
  const plain = `${V2}\n${FLOW(1)}\n${FLOW(2)}\r\n\n${FLOW(3)}`;
  await ship('s3-default-header', gzipSync(plain));
  await ship('s3-plain-bytes', Buffer.from(plain), { ...ORIGIN, key: 'plain/flows.log' }, 1 << 16);
  await ship('s3-custom-header', gzipSync(`${CUSTOM}\n${FLOW(4).slice(15)}\n`));
  await ship(
    's3-invalid-utf8',
    Buffer.concat([Buffer.from('bad \xff bytes\n', 'latin1'), Buffer.from('ünïcode ✓\n')])
  );
  await ship(
    'local-file',
    Buffer.from(`${FLOW(5)}\n${FLOW(6)}\n`),
    {
      path: '/var/log/flows/flows.log',
      version: '2048-1763800000000',
      timestamp: '2026-11-22T12:06:00.000Z',
      sourceHint: 'vpcflow',
    },
    3
  );
  await ship(
    'firehose-records',
    Buffer.concat([
      gzipSync(
        dataRecord('eni-0a1-all', [
          { id: '37628', timestamp: 1763800060000, message: FLOW(7) },
          { id: '37629', timestamp: 1763800060000, message: FLOW(8) },
        ])
      ),
      gzipSync(CONTROL_RECORD),
      gzipSync(dataRecord('eni-0b2-all', [{ timestamp: 1763800061000, message: FLOW(9) }])),
    ]),
    {
      ...ORIGIN,
      key: 'firehose/2026/11/22/12/netobs-1-2026-11-22-12-00-00-abcd',
      flowLogFormat: CUSTOM,
    }
  );
  return out;
}

async function otherCases(): Promise<Record<string, Sent[]>> {
  const out: Record<string, Sent[]> = {};
  const batch: LogEventsBatch = {
    kind: 'cloudwatch',
    logGroup: '/aws/vpc/flowlogs',
    logStream: 'eni-0a1b2c3d-all',
    owner: '123456789012',
    events: [
      {
        id: '3761234567890123456789012345678901234567890123456789',
        timestamp: 1763800060000,
        message: FLOW(10),
      },
      { timestamp: 1763800061000, message: FLOW(11) },
      {
        id: '3761234567890123456789012345678901234567890123456789',
        timestamp: 1763800062000,
        message: FLOW(12),
      },
    ],
  };
  {
    const { client, sent } = recordingClient();
    await shipLogEvents(
      client,
      batch,
      { index: 'logs-netobs.raw-default' },
      { flowLogFormat: CUSTOM, sourceHint: 'vpcflow' }
    );
    out.cloudwatch = sent;
  }
  const record: KinesisLines = {
    kind: 'kinesis',
    streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/netobs-logs',
    shardId: 'shardId-000000000001',
    sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
    arrivalMs: 1763800070000,
    lines: [FLOW(13), FLOW(14)],
  };
  {
    const { client, sent } = recordingClient();
    await shipKinesisLines(
      client,
      record,
      { index: 'logs-netobs.raw-default' },
      { sourceHint: 'vpcflow' }
    );
    out.kinesis = sent;
  }
  return out;
}

const FIXTURE = path.join(__dirname, '__fixtures__', 'pinned_documents.json');

describe('document ids stay as they were (redelivery after an upgrade is recognised)', () => {
  it('S3 object lines, local files and Firehose-unwrapped records', async () => {
    const got = await objectCases();
    const ids = Object.fromEntries(Object.entries(got).map(([k, v]) => [k, v.map((s) => s.id)]));
    expect(ids).toEqual(PINNED_IDS.objects);
  });

  it('CloudWatch Logs events and Kinesis lines', async () => {
    const got = await otherCases();
    const ids = Object.fromEntries(Object.entries(got).map(([k, v]) => [k, v.map((s) => s.id)]));
    expect(ids).toEqual(PINNED_IDS.others);
  });

  it('the documents themselves are unchanged (field for field, @timestamp aside for Kinesis)', async () => {
    const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, Sent[]>;
    const got = { ...(await objectCases()), ...(await otherCases()) };
    expect(got).toEqual(expected);
  });

  it('a line longer than the piece size keeps its piece ids', async () => {
    const sent: Sent[] = [];
    const { readLines } = await import('./reader');
    const { ObjectDocuments } = await import('./documents');
    const docs = new ObjectDocuments(ORIGIN);
    const long = Buffer.from(`${'x'.repeat(25)}\nshort\n`);
    for await (const line of readLines(chunks(long, 4), { maxLineBytes: 10 })) {
      for (const built of docs.toDocuments(line)) sent.push(built);
    }
    expect(sent.map((s) => s.id)).toEqual(PINNED_IDS.pieces);
  });
});

// Recorded from the forwarder at commit f624741 (before the reader/bulk rewrite).
const PINNED_IDS = {
  objects: {
    's3-default-header': [
      'pVO4xMGJ5txll2UDRwsM4CN3DjI',
      '84A_LwL7s8frNWSF50q_A7K434S',
      'OnFY17m1pf-8q8OzHQLVXUZOTqc',
    ],
    's3-plain-bytes': [
      '-lMRPl9f0GYxiCfp63O3XIhfREQ',
      'oKkFr1k5a5UvroxUuMh6YmxfhLO',
      't1ZZvZGcX8zcLGuzw3zSLRf8zWO',
    ],
    's3-custom-header': ['Qbo7hjqTFDHII2WULZJOjpeQdrW'],
    's3-invalid-utf8': ['inTAN6SZS6vmm1JgUXTCODL4ZZ3', '2TESdNASItTpfWMueTC6a5D7oNL'],
    'local-file': ['4FLYwlnAHjNTXBz0AFr5TYNw5Lf', 'm8inx_sN5Xu1l9Q8e0p0iP78-3k'],
    'firehose-records': [
      'PBqdBChy6S8gAVBcObOqAjT62EA',
      'tW1wRJ93q5n40Vu_D-y1m-8QDrq',
      'STyHgZLg_tNCLzoiF1L3xmqXvu2',
    ],
  },
  others: {
    cloudwatch: [
      'b7IvvrsiLAMnio3LsE44BX9h1YT',
      'xdwuBhKEK4E8OiPRb4vP2rPJE6l',
      'YIRYdg2uhk5MedW-zLGze1gVPLQ',
    ],
    kinesis: ['hpSomEE7B2UsuQ1TB0Ooq6S6jLD', 'IQR37xR2spoKZxda33yiMqGq5x-'],
  },
  pieces: [
    'cKGXGmcTYeZm6jAqre2OLvQ_Me2',
    'g3XvmtBHZ_GiGQrYmC59B5ZomjU',
    'Y-_A446SS2gjYpYG-FI71qMHsMY',
    'LdPUuBig2P9k8ZpdGOQYCSb-yzX',
  ],
};
