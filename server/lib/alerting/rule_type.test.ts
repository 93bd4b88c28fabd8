// The rule type as Kibana's registry and rules client meet it (test/doubles/kibana_alerting.ts),
// and its executor over the double's services, with a search client answering known
// aggregations: one alert per finding entity, with the context connectors use.
import { localQueryLanguage } from '../../../dev/query_language';
import { executorServices, validateRuleType } from '../../../test/doubles/kibana_alerting';
import type { SearchClient } from '../analytics/query_context';
import {
  DETECTIONS_RULE_TYPE_ID,
  detectionsLink,
  detectionsRuleType,
  FINDING_ACTION_GROUP,
  windowMs,
} from './rule_type';

const ruleType = (kibanaVersion = '9.2.0') =>
  detectionsRuleType({
    language: localQueryLanguage,
    kibanaVersion,
    publicBaseUrl: 'https://kibana.example.com/base',
  });

const scanner = (ip: string, ports: number, hosts: number, flows = 300) => ({
  key: ip,
  doc_count: flows,
  ports: { value: ports },
  hosts: { value: hosts },
  rejected: { doc_count: flows },
  top_ports: { buckets: [{ key: 22, doc_count: 5 }] },
  answered: { doc_count: 0, ports: { buckets: [] } },
  first: { value: Date.parse('2026-03-01T09:10:00Z') },
  last: { value: Date.parse('2026-03-01T09:40:00Z') },
});

/** Answers port_scan's search with two scanners (one in both lists) and records the requests. */
function searchClient() {
  const requests: Array<Record<string, unknown>> = [];
  const client = {
    search: async (request: Record<string, unknown>) => {
      requests.push(request);
      return {
        hits: { total: { value: 1000 } },
        aggregations: {
          vertical: { buckets: [scanner('203.0.113.66', 900, 2), scanner('10.0.0.9', 3, 2)] },
          horizontal: {
            buckets: [scanner('198.51.100.7', 1, 300), scanner('203.0.113.66', 900, 2)],
          },
        },
      };
    },
  } as unknown as SearchClient;
  return { client, requests };
}

test('the registry accepts the type; a reserved group, a bad id or license are refused', () => {
  const type = ruleType();
  expect(() => validateRuleType(type, new Set())).not.toThrow();
  expect(() => validateRuleType(type, new Set([DETECTIONS_RULE_TYPE_ID]))).toThrow(
    `Rule type "${DETECTIONS_RULE_TYPE_ID}" is already registered.`
  );
  expect(() =>
    validateRuleType({ ...type, actionGroups: [{ id: 'recovered', name: 'R' }] }, new Set())
  ).toThrow('Action groups [recovered] are reserved by the framework.');
  expect(() => validateRuleType({ ...type, id: 'network observability' }, new Set())).toThrow(
    'expected RuleType Id not to include invalid character:  '
  );
  expect(() =>
    validateRuleType({ ...type, minimumLicenseRequired: 'free' as never }, new Set())
  ).toThrow('"free" is not a valid license type');
  expect(type).toMatchObject({
    producer: 'networkObservability',
    minimumLicenseRequired: 'basic',
    isExportable: true,
    defaultActionGroupId: FINDING_ACTION_GROUP,
    category: 'observability',
  });
});

test('solution is sent where RuleType has it: 8.19 and 9.1 on, not 8.18 or 9.0', () => {
  expect(ruleType('8.16.0')).not.toHaveProperty('solution');
  expect(ruleType('8.18.3')).not.toHaveProperty('solution');
  expect(ruleType('9.0.0')).not.toHaveProperty('solution');
  expect(ruleType('8.19.0').solution).toBe('observability');
  expect(ruleType('9.2.0').solution).toBe('observability');
});

test('params: catalog ids, overrides within bounds, a window from 1m to 7d, parsable KQL', () => {
  const validate = ruleType().validate.params.validate;
  const ok = { rules: ['port_scan'], window: '15m' };
  expect(validate(ok)).toEqual(ok);
  expect(validate({ ...ok, params: { port_scan: { minPorts: 100 } }, kql: 'vpc.id: "a"' })).toEqual(
    { ...ok, params: { port_scan: { minPorts: 100 } }, kql: 'vpc.id: "a"' }
  );
  const refused = (params: unknown) => {
    try {
      validate(params);
    } catch (error) {
      return (error as Error).message;
    }
    return 'accepted';
  };
  expect(refused({ ...ok, rules: [] })).toMatch(/^\[rules\]: expected a non-empty list/);
  expect(refused({ ...ok, rules: ['port_scan', 'nope'] })).toMatch(
    /^\[rules\.1\]: expected one of/
  );
  expect(refused({ ...ok, window: '15' })).toMatch(/^\[window\]: expected minutes, hours or days/);
  expect(refused({ ...ok, window: '8d' })).toMatch(/^\[window\]/);
  expect(refused({ ...ok, window: '0m' })).toMatch(/^\[window\]/);
  expect(refused({ ...ok, params: { port_scan: { minPorts: 1 } } })).toBe(
    '[params.port_scan.minPorts]: expected a number from 2 to 65535'
  );
  expect(refused({ ...ok, params: { port_scan: { nope: 1 } } })).toBe(
    '[params.port_scan.nope]: no such parameter'
  );
  expect(refused({ ...ok, params: { bruteforce: {} } })).toBe(
    "[params.bruteforce]: not one of this rule's detections"
  );
  expect(refused({ ...ok, kql: 'source.ip: (' })).toMatch(/^\[kql\]: /);
  expect(refused({ ...ok, extra: 1 })).toBe('[extra]: definition for this key is missing');
  expect(windowMs('90m')).toBe(90 * 60_000);
});

test('the executor searches now−window…now as the rule user and raises one alert per entity', async () => {
  const { client, requests } = searchClient();
  const run = executorServices(client);
  const startedAt = new Date('2026-03-01T10:00:00.000Z');
  const result = await ruleType().executor({
    params: { rules: ['port_scan'], window: '1h', params: { port_scan: { minPorts: 25 } } },
    startedAt,
    spaceId: 'ops',
    services: run.services,
  });
  run.finish();
  expect(requests).toHaveLength(1);
  expect(JSON.stringify(requests[0].query)).toContain(
    `"gte":${Date.parse('2026-03-01T09:00:00.000Z')},"lte":${startedAt.getTime()}`
  );
  expect(requests[0].index).toBe('logs-netobs.vpcflow-*');
  // 203.0.113.66 is in both lists: one alert; 10.0.0.9 touched 3 ports: none.
  expect(run.raised.map((a) => a.id)).toEqual([
    'port_scan:source.ip=203.0.113.66',
    'port_scan:source.ip=198.51.100.7',
  ]);
  expect(run.raised.every((a) => a.actionGroup === FINDING_ACTION_GROUP)).toBe(true);
  const context = run.raised[0].context!;
  expect(context).toMatchObject({
    rule: 'port_scan',
    title: 'Port scan',
    severity: 'medium',
    entity: 'source.ip: 203.0.113.66',
    entityKey: 'port_scan:source.ip=203.0.113.66',
    kql: 'source.ip: "203.0.113.66"',
    firstSeen: '2026-03-01T09:10:00.000Z',
    lastSeen: '2026-03-01T09:40:00.000Z',
  });
  expect(context.summary).toMatch(/^900 ports on 2 hosts, 100% rejected/);
  expect(context.evidence).toContain('distinctPorts: 900');
  expect(context.link).toBe(
    detectionsLink({
      publicBaseUrl: 'https://kibana.example.com/base',
      spaceId: 'ops',
      from: '2026-03-01T09:00:00.000Z',
      to: '2026-03-01T10:00:00.000Z',
      kql: 'source.ip: "203.0.113.66"',
    })
  );
  expect(result).toEqual({ state: { findings: 2 } });
  expect(run.limitReached()).toBe(false);
});

test('alertsClient is used when Kibana gives one; past the alert limit the rest is dropped', async () => {
  const viaClient = executorServices(searchClient().client, { alertsAsData: true });
  const create = jest.spyOn(viaClient.services.alertFactory, 'create');
  await ruleType().executor({
    params: { rules: ['port_scan'], window: '1h' },
    startedAt: new Date(),
    spaceId: 'default',
    services: viaClient.services,
  });
  viaClient.finish();
  expect(viaClient.raised).toHaveLength(2);
  expect(create).not.toHaveBeenCalled();

  const limited = executorServices(searchClient().client, { maxAlerts: 1 });
  await ruleType().executor({
    params: { rules: ['port_scan'], window: '1h' },
    startedAt: new Date(),
    spaceId: 'default',
    services: limited.services,
  });
  limited.finish();
  expect(limited.raised.map((a) => a.id)).toEqual(['port_scan:source.ip=203.0.113.66']);
  expect(limited.limitReached()).toBe(true);
});

test('the link opens the Detections page with the range and KQL in rison, in the space', () => {
  const link = detectionsLink({
    spaceId: 'default',
    from: '2026-03-01T09:00:00.000Z',
    to: '2026-03-01T10:00:00.000Z',
    kql: `url.path: "it's!"`,
  });
  const url = new URL(link, 'http://kibana');
  expect(url.pathname).toBe('/app/networkObservability/detections');
  expect(url.searchParams.get('_g')).toBe(
    "(time:(from:'2026-03-01T09:00:00.000Z',to:'2026-03-01T10:00:00.000Z'))"
  );
  expect(url.searchParams.get('_a')).toBe(`(query:(language:kuery,query:'url.path: "it!'s!!"'))`);
  expect(
    detectionsLink({ spaceId: 'ops', from: 'a', to: 'b', kql: '', publicBaseUrl: 'https://k/' })
  ).toMatch(/^https:\/\/k\/s\/ops\/app\/networkObservability\/detections\?/);
});
