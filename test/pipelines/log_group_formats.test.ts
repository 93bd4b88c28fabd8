// Flow logs delivered through CloudWatch Logs have no header line: their format is configured
// per log group at setup and held by the netobs-flowlog-formats pipeline, which the router calls.
// Two log groups with different custom formats (and one Transit Gateway group whose name says
// nothing about flows) feed the same cluster; each line is parsed by its own group's format.
// Raw documents are built by the forwarder's own code; the router and source pipelines run on
// the real ingest engine.
import { logEventDocument } from '../../ingest-lambda/src/documents';
import { requestJson } from '../../dev/local_process/http_json';
import { adaptForOpenSearch } from '../../dev/ingest_bridge/engine_pipelines';
import { loadEsAssets } from '../../server/lib/assets/load_es_assets';
import { customise } from '../../server/lib/installer/es_assets';
import type { IngestEngine } from '../support/ingest_engine';
import { ingestEngine, installPipelines, simulate } from '../support/ingest_engine';

// Unique names: other suites install the stock pipelines on the same engine meanwhile.
const RUN = Date.now();
const FORMATS_PIPELINE = `netobs-flowlog-formats-test-${RUN}`;
const ROUTER = `netobs-router-test-${RUN}`;

const PROD = `/aws/vpc/prod-${RUN}`;
const STAGING = `/aws/vpc/staging-${RUN}`;
const TRANSIT = `network-${RUN}`;
const FORMATS = {
  [PROD]:
    'version interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status vpc-id flow-direction',
  [STAGING]:
    '${srcaddr} ${dstaddr} ${dstport} ${srcport} ${protocol} ${action} ${bytes} ${packets} ${start} ${end} ${log-status} ${reject-reason}',
  [TRANSIT]:
    'version resource-type account-id tgw-id tgw-attachment-id srcaddr dstaddr srcport dstport protocol packets bytes start end log-status',
};

let engine: IngestEngine;

const pipelineBody = (name: string) => {
  const asset = loadEsAssets('ingest_pipeline').find((a) => a.name === name)!;
  return asset;
};

beforeAll(async () => {
  engine = await ingestEngine();
  await installPipelines(engine);
  const formats = pipelineBody('netobs-flowlog-formats');
  const configured = { ...formats, body: customise(formats, { flowLogFormats: FORMATS }) };
  const put = async (name: string, body: unknown) =>
    requestJson(engine.url, 'PUT', `/_ingest/pipeline/${name}`, body);
  await put(
    FORMATS_PIPELINE,
    engine.isElasticsearch ? configured.body : adaptForOpenSearch(configured).body
  );
  // The stock router, calling this run's formats pipeline instead of the shared one.
  const router = JSON.parse(
    JSON.stringify(pipelineBody('netobs-router')).replaceAll(
      '"name":"netobs-flowlog-formats"',
      `"name":"${FORMATS_PIPELINE}"`
    )
  );
  expect(JSON.stringify(router)).toContain(FORMATS_PIPELINE);
  await put(ROUTER, engine.isElasticsearch ? router.body : adaptForOpenSearch(router).body);
});

const event = (group: string, message: string, id: string) =>
  logEventDocument(
    { logGroup: group, logStream: 'eni-0a1b2c3d4e5f60001-all' },
    { id, timestamp: 1763800000000, message }
  ).doc as unknown as Record<string, unknown>;

async function parse(docs: Record<string, unknown>[]) {
  const routed = await simulate(engine, ROUTER, docs);
  const out: Record<string, unknown>[] = [];
  for (const doc of routed) {
    const dataset = (doc.netobs as { dataset: string }).dataset;
    const [parsed] = await simulate(engine, `netobs-${dataset}`, [doc]);
    out.push({ dataset, ...parsed });
  }
  return out;
}

const at = (doc: Record<string, unknown>, path: string) =>
  path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], doc);

test('each log group is parsed with its own format, in the same cluster', async () => {
  const [prod, staging, transit, other] = await parse([
    event(
      PROD,
      '5 eni-0a1b2c3d4e5f60001 10.0.1.15 10.0.2.30 49152 443 6 10 8400 1763800000 1763800060 ACCEPT OK vpc-0abc ingress',
      '1'
    ),
    event(
      STAGING,
      '203.0.113.7 10.0.2.30 22 51000 6 REJECT 120 2 1763800000 1763800060 OK NACL',
      '2'
    ),
    event(
      TRANSIT,
      '6 TransitGateway 123456789012 tgw-0abc tgw-attach-0def 10.1.0.5 10.2.0.9 40000 5432 6 3 900 1763800000 1763800060 OK',
      '3'
    ),
    // A group nobody configured keeps the default v2 format.
    event(
      `/aws/vpc/flowlogs-other-${RUN}`,
      '2 123456789012 eni-0a1b2c3d4e5f60009 10.0.3.3 10.0.4.4 1234 80 6 1 60 1763800000 1763800060 ACCEPT OK',
      '4'
    ),
  ]);

  expect(prod.dataset).toBe('vpcflow');
  expect(at(prod, 'source.ip')).toBe('10.0.1.15');
  expect(at(prod, 'destination.port')).toBe(443);
  expect(at(prod, 'network.bytes')).toBe(8400);
  expect(at(prod, 'aws.vpcflow.vpc_id')).toBe('vpc-0abc');
  expect(at(prod, 'aws.vpcflow.interface_id')).toBe('eni-0a1b2c3d4e5f60001');

  // Fields in another order, and a v8 field: the group's own format decides.
  expect(staging.dataset).toBe('vpcflow');
  expect(at(staging, 'source.ip')).toBe('203.0.113.7');
  expect(at(staging, 'destination.ip')).toBe('10.0.2.30');
  expect(at(staging, 'destination.port')).toBe(22);
  expect(at(staging, 'source.port')).toBe(51000);
  expect(at(staging, 'network.bytes')).toBe(120);
  expect(at(staging, 'event.action')).toBe('reject');
  expect(at(staging, 'aws.vpcflow.reject_reason')).toBe('NACL');

  // A group named "network-…" is neither "flow" nor "tgw": the configured format says TGW.
  expect(transit.dataset).toBe('tgwflow');
  expect(at(transit, 'aws.tgwflow.tgw_attachment_id')).toBe('tgw-attach-0def');
  expect(at(transit, 'destination.port')).toBe(5432);

  expect(other.dataset).toBe('vpcflow');
  expect(at(other, 'destination.port')).toBe(80);
  expect(at(other, 'network.bytes')).toBe(60);
  for (const doc of [prod, staging, transit, other]) {
    expect(at(doc, 'event.kind')).toBe('event');
    expect(at(doc, 'error.message')).toBeUndefined();
  }
});

test("a field list the forwarder attached (NETOBS_FLOWLOG_FORMAT, a header) wins over the group's", async () => {
  const doc = logEventDocument(
    {
      logGroup: PROD,
      logStream: 's',
      flowLogFormat:
        'srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status',
    },
    {
      id: '5',
      timestamp: 1763800000000,
      message: '10.0.9.9 10.0.8.8 1000 53 17 1 70 1763800000 1763800060 ACCEPT OK',
    }
  ).doc as unknown as Record<string, unknown>;
  const [parsed] = await parse([doc]);
  expect(at(parsed, 'source.ip')).toBe('10.0.9.9');
  expect(at(parsed, 'destination.port')).toBe(53);
  expect(at(parsed, 'network.transport')).toBe('udp');
});
