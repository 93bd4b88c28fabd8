// netobs-router decides most lines in `if` conditions of its classify_*_by_key `set` processors
// and runs the classify_source script only for the rest: on the ingest engine a script processor
// costs a copy of the document (BENCHMARKS.md, issue 15), a condition does not. The conditions
// must never disagree with the script. This test runs the stock router and the router without
// its fast path (the script alone, unconditional, as it was before) on the same raw documents,
// a mix of every source, key layout, hint, header and line shape the script tells apart, and
// requires identical results document by document.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { adaptForOpenSearch } from '../../dev/ingest_bridge/engine_pipelines';
import { loadEsAssets } from '../../server/lib/assets/load_es_assets';
import { requestJson } from '../../dev/local_process/http_json';
import type { IngestEngine } from '../support/ingest_engine';
import { ingestEngine, installPipelines, simulate } from '../support/ingest_engine';

type Processor = Record<string, Record<string, unknown>>;

const RUN = Date.now();
const SCRIPT_ONLY = `netobs-router-script-only-${RUN}`;
const FAST_PATH_TAGS = [
  'classify_vpcflow_by_key',
  'classify_tgwflow_by_key',
  'classify_alb_connection_by_key',
  'classify_alb_by_key',
  'classify_nlb_by_key',
];

let engine: IngestEngine;

const router = loadEsAssets('ingest_pipeline').find((asset) => asset.name === 'netobs-router')!;

beforeAll(async () => {
  engine = await ingestEngine();
  await installPipelines(engine);
  const body = structuredClone(router.body) as { processors: Processor[] };
  const tags = body.processors.map((p) => Object.values(p)[0].tag);
  for (const tag of FAST_PATH_TAGS) expect(tags).toContain(tag);
  body.processors = body.processors.filter(
    (p) => !FAST_PATH_TAGS.includes(String(Object.values(p)[0].tag))
  );
  const classify = body.processors.find((p) => p.script?.tag === 'classify_source')!.script;
  expect(classify.if).toBe('!(ctx.netobs instanceof Map) || ctx.netobs.dataset == null');
  delete classify.if;
  const script = { ...router, body: body as Record<string, unknown> };
  await requestJson(
    engine.url,
    'PUT',
    `/_ingest/pipeline/${SCRIPT_ONLY}`,
    engine.isElasticsearch ? script.body : adaptForOpenSearch(script).body
  );
});

afterAll(async () => {
  await requestJson(engine.url, 'DELETE', `/_ingest/pipeline/${SCRIPT_ONLY}`).catch(() => {});
});

const DIR = __dirname;
const firstLines = (file: string, n: number) =>
  readFileSync(path.join(DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .slice(0, n);

const VPC_KEY =
  'AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/123456789012_vpcflowlogs_us-east-1_fl-0a_20261122T1200Z_a1b2.log.gz';
const ELB = 'AWSLogs/123456789012/elasticloadbalancing/us-east-2/2026/11/22/';
const ALB_FILE =
  '123456789012_elasticloadbalancing_us-east-2_app.my-alb.50dc6c495c0c9188_20261122T0805Z_192.0.2.1_e5f6.log.gz';
const NLB_FILE =
  '123456789012_elasticloadbalancing_us-east-2_net.my-nlb.c6e77e28c25b2234_20261122T0805Z_192.0.2.2_a7b8.log.gz';
const TGW_FIELDS = firstLines('tgwflow/default-v6.log', 1)[0];
const V5_FIELDS = firstLines('vpcflow/custom-v4-v5.log', 1)[0];

const vpcLines = firstLines('vpcflow/default-v2.log', 4);
const tgwLines = firstLines('tgwflow/default-v6.log', 3).slice(1);
const albLines = firstLines('alb/all-types.log', 3);
const nlbLines = firstLines('nlb/tls.log', 2);
const connLines = firstLines('alb_connection/mtls.log', 2);
const everyLine = [...vpcLines, ...tgwLines, ...albLines, ...nlbLines, ...connLines];

const s3 = (key: unknown, message: unknown, netobs?: Record<string, unknown>) => ({
  message,
  aws: { s3: { bucket: { name: 'b' }, object: { key } } },
  ...(netobs ? { netobs } : {}),
});

function documents(): Record<string, unknown>[] {
  const docs: Record<string, unknown>[] = [];
  const keys = [
    VPC_KEY,
    `my-prefix/${VPC_KEY}`,
    `${ELB}${ALB_FILE}`,
    `${ELB}${NLB_FILE}`,
    `${ELB}conn_log.${ALB_FILE}`,
    `${ELB}something_else.log.gz`,
    // A load-balancer folder holding a flow-log file name, and the other way round.
    `${ELB}123456789012_vpcflowlogs_us-east-1_fl-0a_20261122T1200Z_a1b2.log.gz`,
    `AWSLogs/1/vpcflowlogs/elasticloadbalancing/${ALB_FILE}`,
    'backups/2026/flows.log',
    'AWSLogs/123456789012/vpcflowlogs',
  ];
  for (const key of keys) {
    for (const line of everyLine) {
      docs.push(s3(key, line));
      docs.push({ message: line, log: { file: { path: `/var/log/aws/${key}` } } });
      docs.push(s3(key, line, { flowlog: { fields: TGW_FIELDS } }));
      docs.push(s3(key, line, { flowlog: { fields: V5_FIELDS } }));
    }
    docs.push(s3(key, 'something AWS may write one day'));
    docs.push(s3(key, `2 TransitGateway ${vpcLines[0]}`));
    docs.push(s3(key, ''));
    docs.push(s3(key, 42));
    docs.push(s3(key, vpcLines[0], { flowlog: 'not a map' }));
    docs.push(s3(key, vpcLines[0], { flowlog: {} }));
    // A sender's own netobs.dataset decides nothing; a netobs that is not an object fails the
    // line in classify_source, as it always did.
    docs.push(s3(key, vpcLines[0], { dataset: 'alb' }));
    docs.push(s3(key, albLines[0], { dataset: 'geo' }));
    docs.push(s3(key, vpcLines[0], 'not a map' as never));
  }
  for (const line of everyLine) {
    docs.push({ message: line });
    for (const hint of ['vpcflow', 'tgwflow', 'alb', 'nlb', 'alb_connection', 'bogus']) {
      docs.push(s3(VPC_KEY, line, { source: hint }));
      docs.push(s3(`${ELB}${ALB_FILE}`, line, { source: hint }));
    }
    docs.push({ message: line, awscloudwatch: { log_group: '/aws/vpc/flow-logs' } });
    docs.push({ message: line, awscloudwatch: { log_group: 'tgw-attachments' } });
  }
  return docs;
}

test('the router decides every line as its classify_source script alone does', async () => {
  const docs = documents();
  expect(docs.length).toBeGreaterThan(600);
  const [fast, scriptOnly] = await Promise.all([
    simulate(engine, 'netobs-router', docs),
    simulate(engine, SCRIPT_ONLY, docs),
  ]);
  const datasets = fast.map((doc) => (doc.netobs as { dataset?: string } | undefined)?.dataset);
  // Every source is reached, most of them through the fast path; only the lines whose netobs
  // is not an object fail (and then carry no dataset).
  const failed = fast.filter((doc) => (doc.event as { kind?: string } | undefined)?.kind);
  expect(failed.map((doc) => (doc.event as { kind: string }).kind)).toEqual(
    Array(10).fill('pipeline_error')
  );
  expect(new Set(datasets)).toEqual(
    new Set(['vpcflow', 'tgwflow', 'alb', 'nlb', 'alb_connection', 'unknown', undefined])
  );
  const sent = (i: number) => (docs[i].netobs as { dataset?: string } | undefined)?.dataset;
  expect(datasets.filter((dataset, i) => sent(i) === 'geo' && dataset === 'geo')).toEqual([]);
  // The script alone rewrites the field, so the comparison below covers preset values too.
  for (let i = 0; i < docs.length; i++) {
    if (JSON.stringify(fast[i]) !== JSON.stringify(scriptOnly[i])) {
      throw new Error(
        `document ${i} ${JSON.stringify(docs[i])}: router ${JSON.stringify(fast[i])}, script alone ${JSON.stringify(scriptOnly[i])}`
      );
    }
  }
});
