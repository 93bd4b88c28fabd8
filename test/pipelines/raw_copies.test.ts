// A flow-log record's values are stored once: after a clean parse, the raw copies of the values
// that are in ECS fields (source.ip, source.port, network.iana_number, source.bytes,
// event.start, ...) are gone from aws.vpcflow / aws.tgwflow, and the fields that have no ECS
// twin (action, version, log_status, pkt_srcaddr, ...) stay. A field that fails to parse is
// handled as before: left out of aws.*, named in error.message, its value kept in event.original.
// The source pipelines run on the real ingest engine (see support/ingest_engine.ts).
import type { IngestEngine } from '../support/ingest_engine';
import { ingestEngine, installPipelines, simulate } from '../support/ingest_engine';

/** AWS fields whose value the parse writes into ECS, so their aws.<source>.* copy is dropped. */
const ECS_COPIES = [
  'srcaddr',
  'dstaddr',
  'srcport',
  'dstport',
  'protocol',
  'packets',
  'bytes',
  'start',
  'end',
];

const FILE = 's3://netobs-test/AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/flows.log.gz';

type Fields = Record<string, unknown>;
interface Parsed {
  aws: Record<string, Fields>;
  source: Fields;
  destination: Fields;
  network: Fields;
  event: Fields;
  log: { file: { path: string } };
  error?: { message: string };
  tags?: string[];
}

let engine: IngestEngine;

beforeAll(async () => {
  engine = await ingestEngine();
  await installPipelines(engine);
});

/** One line through netobs-<source>, as the forwarder ships it (fields: the header's list). */
async function parse(
  source: 'vpcflow' | 'tgwflow',
  message: string,
  fields?: string
): Promise<Parsed> {
  const [doc] = await simulate(engine, `netobs-${source}`, [
    {
      message,
      log: { file: { path: FILE }, offset: 0 },
      cloud: { provider: 'aws' },
      ...(fields ? { netobs: { flowlog: { fields } } } : {}),
    },
  ]);
  return doc as unknown as Parsed;
}

const present = (raw: Fields) => ECS_COPIES.filter((name) => name in raw);

test('a clean VPC line keeps no raw copy of srcaddr, dstaddr, ports, protocol, counts or times', async () => {
  const doc = await parse(
    'vpcflow',
    '2 123456789012 eni-0c0ffee0000000001 10.0.1.15 198.51.100.20 49152 443 6 10 8400 1763800000 1763800060 ACCEPT OK'
  );
  expect(doc.tags).toBeUndefined();
  expect(doc.error).toBeUndefined();
  expect(present(doc.aws.vpcflow)).toEqual([]);
  // What is not in ECS as it is stays, and provenance too.
  expect(doc.aws.vpcflow).toEqual({
    version: 2,
    account_id: '123456789012',
    interface_id: 'eni-0c0ffee0000000001',
    action: 'ACCEPT',
    log_status: 'OK',
  });
  expect(doc.log.file.path).toBe(FILE);
  // Every dropped value is in its ECS field.
  expect(doc.source).toEqual({
    ip: '10.0.1.15',
    address: '10.0.1.15',
    port: 49152,
    packets: 10,
    bytes: 8400,
  });
  expect(doc.destination).toEqual({ ip: '198.51.100.20', address: '198.51.100.20', port: 443 });
  expect(doc.network).toMatchObject({ iana_number: '6', bytes: 8400, packets: 10 });
  expect(doc.event).toMatchObject({
    start: '2025-11-22T08:26:40Z',
    end: '2025-11-22T08:27:40Z',
    action: 'accept',
  });
});

test('a partial VPC line (bytes "12x") keeps the failed value in event.original; its clean copies go', async () => {
  const line =
    '2 123456789012 eni-0c0ffee0000000001 10.0.1.15 198.51.100.20 49153 443 6 10 12x 1763800000 1763800060 ACCEPT OK';
  const doc = await parse('vpcflow', line);
  expect(doc.tags).toEqual(['netobs_partial']);
  expect(doc.error?.message).toBe('bytes: "12x" is not a number');
  expect(doc.event.kind).toBe('event');
  // The failed field: no typed value anywhere, the raw text in the line kept whole.
  expect(doc.event.original).toBe(line);
  expect(doc.aws.vpcflow.bytes).toBeUndefined();
  expect(doc.source.bytes).toBeUndefined();
  expect(doc.network.bytes).toBeUndefined();
  // The fields that did parse are in ECS only.
  expect(present(doc.aws.vpcflow)).toEqual([]);
  expect(doc.source).toMatchObject({ ip: '10.0.1.15', port: 49153, packets: 10 });
  expect(doc.aws.vpcflow).toMatchObject({ version: 2, action: 'ACCEPT' });
});

test('pkt-srcaddr and pkt-dstaddr are no copies: a v5 line keeps them', async () => {
  const doc = await parse(
    'vpcflow',
    '5 eni-0c0ffee0000000002 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5 38412 80 6 20 1800 1763800000 1763800060 ACCEPT OK egress',
    'version interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr srcport dstport protocol packets bytes start end action log-status flow-direction'
  );
  expect(doc.error).toBeUndefined();
  expect(present(doc.aws.vpcflow)).toEqual([]);
  expect(doc.aws.vpcflow).toMatchObject({
    pkt_srcaddr: '10.0.1.5',
    pkt_dstaddr: '203.0.113.5',
    flow_direction: 'egress',
  });
  expect(doc.destination.ip).toBe('10.0.0.220');
});

const TGW_LINE =
  '6 TransitGateway 123456789012 tgw-0c0ffee000000001 tgw-attach-0c0ffee00000001 123456789012 210987654321 vpc-0c0ffee00000001 vpc-0c0ffee00000002 subnet-0c0ffee0000001 subnet-0c0ffee0000002 eni-0c0ffee00000011 eni-0c0ffee00000012 use1-az1 use1-az2 tgw-attach-0c0ffee00000002 10.0.1.10 10.1.2.20 49152 5432 6 120 84000 1763800000 1763800060 OK IPv4 0 0 0 0 3 us-east-1 egress - -';

test('a clean Transit Gateway line keeps no raw copies, and its own fields', async () => {
  const doc = await parse('tgwflow', TGW_LINE);
  expect(doc.error).toBeUndefined();
  expect(present(doc.aws.tgwflow)).toEqual([]);
  expect(doc.aws.tgwflow).toMatchObject({
    version: 6,
    tgw_attachment_id: 'tgw-attach-0c0ffee00000001',
    log_status: 'OK',
    packets_lost_blackhole: 0,
    tcp_flags: 3,
  });
  expect(doc.source).toMatchObject({ ip: '10.0.1.10', port: 49152, packets: 120, bytes: 84000 });
  expect(doc.destination).toMatchObject({ ip: '10.1.2.20', port: 5432 });
});

test('a partial Transit Gateway line (srcport 70000) drops the clean copies only', async () => {
  const line = TGW_LINE.replace(' 49152 5432 ', ' 70000 5432 ');
  const doc = await parse('tgwflow', line);
  expect(doc.tags).toEqual(['netobs_partial']);
  expect(doc.error?.message).toBe('srcport: 70000 is not a port (0-65535)');
  expect(doc.event.original).toBe(line);
  expect(doc.source.port).toBeUndefined();
  expect(present(doc.aws.tgwflow)).toEqual([]);
  expect(doc.destination).toMatchObject({ ip: '10.1.2.20', port: 5432 });
});
