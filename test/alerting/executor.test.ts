// The rule type's executor on the real Elasticsearch node, over the detection test data
// (test/detections/data.ts: one instance of each detection inside background traffic, dated in
// 2004, namespace `detect`), with Kibana's executor services as the alerting double gives them:
// one alert per finding entity, nothing for the background, nothing outside the window.
import { localQueryLanguage } from '../../dev/query_language';
import { detectionsRuleType, FINDING_ACTION_GROUP } from '../../server/lib/alerting/rule_type';
import { installEsAssets } from '../../server/lib/installer/es_assets';
import { kibanasClientCopy } from '../doubles/kibana_core';
import { executorServices } from '../doubles/kibana_alerting';
import { testClient } from '../support/es_env';
import {
  BASTION,
  BRUTE,
  CACHE,
  DETECTION_NAMESPACE,
  ensureDetectionData,
  EXFIL_DESTINATION,
  EXFIL_SOURCE,
  FAILING,
  FLOODED,
  FROM,
  PROBER,
  SCANNER,
  TO,
} from '../detections/data';

const es = testClient();
const ruleType = detectionsRuleType({
  language: localQueryLanguage,
  kibanaVersion: '9.2.0',
  namespace: DETECTION_NAMESPACE,
});

async function run(params: Parameters<typeof ruleType.executor>[0]['params'], startedAt = TO) {
  const run = executorServices(kibanasClientCopy(es));
  const result = await ruleType.executor({
    params,
    startedAt: new Date(startedAt),
    spaceId: 'default',
    services: run.services,
  });
  run.finish();
  return { ...run, result };
}

beforeAll(async () => {
  // The templates first: they map addresses as `ip` and ports as numbers.
  await installEsAssets(es);
  await ensureDetectionData(es);
}, 180_000);

afterAll(async () => {
  await es.close();
});

test('a run over the data window raises exactly one alert per finding entity', async () => {
  const hours = (Date.parse(TO) - Date.parse(FROM)) / 3_600_000;
  const { raised, result } = await run({
    rules: [
      'port_scan',
      'bruteforce',
      'exposed_service',
      'large_outbound',
      'rejected_surge',
      'alb_error_burst',
    ],
    window: `${hours}h`,
  });
  expect(raised.map((a) => a.id).sort()).toEqual(
    [
      `port_scan:source.ip=${SCANNER}`,
      `bruteforce:destination.ip=${BASTION},destination.port=22,source.ip=${BRUTE}`,
      `exposed_service:destination.ip=${CACHE},destination.port=6379`,
      `large_outbound:destination.ip=${EXFIL_DESTINATION},source.ip=${EXFIL_SOURCE}`,
      `rejected_surge:destination.ip=${FLOODED}`,
      `alb_error_burst:destination.ip=${FAILING}`,
      `alb_error_burst:source.ip=${PROBER}`,
    ].sort()
  );
  expect(raised.every((a) => a.actionGroup === FINDING_ACTION_GROUP)).toBe(true);
  expect(result.state.findings).toBe(7);
  const brute = raised.find((a) => a.id.startsWith('bruteforce:'))!.context!;
  expect(brute).toMatchObject({
    rule: 'bruteforce',
    severity: expect.any(String),
    entity: `source.ip: ${BRUTE}, destination.ip: ${BASTION}, destination.port: 22`,
    evidence: 'attempts: 80; accepted: 2; rejected: 78',
  });
  expect(brute.link).toContain('/app/networkObservability/detections?_g=');
  // The finding's KQL counts its evidence in the data.
  const count = await es.count({
    index: `logs-netobs.vpcflow-${DETECTION_NAMESPACE}`,
    query: {
      bool: {
        filter: [
          { range: { '@timestamp': { gte: FROM, lte: TO } } },
          localQueryLanguage.kqlToDsl(String(brute.kql)),
        ],
      },
    },
  });
  expect(count.count).toBe(80);
});

test("the window ends at the run's start: a run before the data, or a short window after it, raises nothing", async () => {
  const before = await run({ rules: ['port_scan', 'bruteforce'], window: '6h' }, FROM);
  expect(before.raised).toEqual([]);
  const later = new Date(Date.parse(TO) + 2 * 3_600_000).toISOString();
  const after = await run({ rules: ['port_scan', 'bruteforce'], window: '1h' }, later);
  expect(after.raised).toEqual([]);
});

test("the rule's parameter overrides apply: a higher threshold clears the scanner", async () => {
  const { raised } = await run({
    rules: ['port_scan'],
    window: '6h',
    params: { port_scan: { minPorts: 1000, minHosts: 1000 } },
  });
  expect(raised).toEqual([]);
  const { raised: kql } = await run({
    rules: ['port_scan'],
    window: '6h',
    kql: `not source.ip: "${SCANNER}"`,
  });
  expect(kql).toEqual([]);
});
