// The catalog's pure parts: every rule's data complete, parameters checked, each interpreter
// on answers shaped as Elasticsearch gives them (positive and negative), findings ordered.
import type { AggResult, DetectionWindow, Finding } from '.';
import {
  DETECTION_CATALOG,
  DETECTION_IDS,
  detectionRule,
  entityKey,
  ruleParams,
  sortFindings,
} from '.';
import { median, surgeAround } from './rules/rejected_surge';

const WINDOW: DetectionWindow = { fromMs: 0, toMs: 6 * 3_600_000, intervalMs: 300_000 };
const T = (ms: number) => ({ value: ms, value_as_string: new Date(ms).toISOString() });
const interpret = (id: (typeof DETECTION_IDS)[number], aggs: Record<string, AggResult>) => {
  const rule = detectionRule(id);
  return rule.interpret(ruleParams(rule), aggs, WINDOW);
};

test('every rule says what it finds, means and asks, with its technique and defaults', () => {
  expect(DETECTION_CATALOG.map((rule) => rule.id)).toEqual([...DETECTION_IDS]);
  for (const rule of DETECTION_CATALOG) {
    expect(rule.title).not.toBe('');
    expect(rule.meaning.length).toBeGreaterThan(40);
    expect(rule.response.length).toBeGreaterThan(40);
    expect(rule.esQuery).toMatch(/^(Yes|Partly|Not exactly)/);
    expect(rule.attack.every((t) => /^T\d{4}(\.\d{3})?$/.test(t.id))).toBe(true);
    const params = ruleParams(rule);
    expect(Object.keys(params)).toEqual(Object.keys(rule.params));
    // Its request builds with the defaults and asks for aggregations only.
    expect(Object.keys(rule.request(params, WINDOW).aggs).length).toBeGreaterThan(0);
  }
});

test('parameters: defaults, overrides within bounds, errors naming the field', () => {
  const rule = detectionRule('bruteforce');
  expect(ruleParams(rule, { minAttempts: 10, ports: [22] })).toEqual({
    ports: [22],
    minAttempts: 10,
    maxPacketsPerAttempt: 30,
  });
  expect(() => ruleParams(rule, { minAttempts: 0 })).toThrow(
    '[bruteforce.minAttempts]: expected a number from 2 to'
  );
  expect(() => ruleParams(rule, { ports: [70000] })).toThrow(
    '[bruteforce.ports]: expected a list of ports'
  );
  expect(() => ruleParams(rule, { colour: 1 })).toThrow('[bruteforce.colour]: no such parameter');
});

test('port_scan: wide and refused is a scan; wide and answered, or narrow, is not', () => {
  const source = (key: string, ports: number, hosts: number, rejected: number, flows: number) => ({
    key,
    doc_count: flows,
    ports: { value: ports },
    hosts: { value: hosts },
    rejected: { doc_count: rejected },
    top_ports: { buckets: [{ key: 22, doc_count: 3 }] },
    answered: { doc_count: flows - rejected, ports: { buckets: [{ key: 443, doc_count: 1 }] } },
    first: T(0),
    last: T(60_000),
  });
  const findings = interpret('port_scan', {
    vertical: {
      buckets: [
        source('192.0.2.1', 1024, 4, 4090, 4096),
        source('10.0.2.5', 900, 900, 10, 5000), // a NAT gateway: accepted
      ],
    },
    horizontal: {
      buckets: [source('192.0.2.1', 1024, 4, 4090, 4096), source('192.0.2.2', 1, 300, 300, 300)],
    },
  });
  expect(findings.map((f) => [f.entity['source.ip'], f.evidence.kind])).toEqual([
    ['192.0.2.1', 'vertical'],
    ['192.0.2.2', 'horizontal'],
  ]);
  expect(findings[0].summary).toBe('1,024 ports on 4 hosts, 99.9% rejected; answered on 443');
  expect(interpret('port_scan', {})).toEqual([]);
});

test('rejected_surge: a peak far above the median, merged with its neighbours', () => {
  expect(median([5, 1, 3])).toBe(3);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  const series = [2, 3, 2, 150, 400, 120, 2, 3].map((doc_count, i) => ({
    key: i * 300_000,
    doc_count,
  }));
  expect(surgeAround(series, 100)).toEqual({ first: 3, last: 5, peak: series[4] });
  const findings = interpret('rejected_surge', {
    hosts: {
      buckets: [
        {
          key: '10.0.1.20',
          doc_count: 682,
          over_time: { buckets: series },
          sources: { buckets: [{ key: '203.0.113.1', doc_count: 9 }] },
        },
        // Always refused a lot: a high median, no surge.
        {
          key: '10.0.1.11',
          doc_count: 1600,
          over_time: { buckets: series.map((b) => ({ ...b, doc_count: 200 })) },
          sources: { buckets: [] },
        },
      ],
    },
  });
  expect(findings).toHaveLength(1);
  expect(findings[0]).toEqual(
    expect.objectContaining({
      entity: { 'destination.ip': '10.0.1.20' },
      firstSeen: new Date(900_000).toISOString(),
      lastSeen: new Date(1_800_000).toISOString(),
      evidence: expect.objectContaining({
        rejects: 670,
        peakPerBucket: 400,
        baselinePerBucket: 3,
      }),
    })
  );
});

test('alb_error_burst: a failing target and a probing client, not the odd error', () => {
  const bucket = (key: string, requests: number, errors: number) => ({
    key,
    doc_count: requests,
    errors: {
      doc_count: errors,
      codes: { buckets: [{ key: 502, doc_count: errors }] },
      paths: { buckets: [] },
      first: T(0),
      last: T(1),
    },
  });
  const findings = interpret('alb_error_burst', {
    targets: { buckets: [bucket('10.0.1.13', 200, 30), bucket('10.0.1.10', 5000, 60)] },
    clients: { buckets: [bucket('198.51.100.66', 100, 90), bucket('198.51.100.1', 40, 30)] },
  });
  expect(findings.map((f) => f.entity)).toEqual([
    { 'destination.ip': '10.0.1.13' },
    { 'source.ip': '198.51.100.66' },
  ]);
  expect(findings[0].kql).toBe(
    'destination.ip: "10.0.1.13" and http.response.status_code >= 500 and http.response.status_code < 600'
  );
});

test('bruteforce, exposed_service, large_outbound: thresholds decide', () => {
  const seen = { first: T(0), last: T(1) };
  expect(
    interpret('bruteforce', {
      sources: {
        buckets: [
          {
            key: '203.0.113.7',
            doc_count: 80,
            targets: {
              buckets: [
                {
                  key: '10.0.1.50',
                  doc_count: 80,
                  ports: {
                    buckets: [
                      { key: 22, doc_count: 80, accepted: { doc_count: 0 }, ...seen },
                      { key: 3389, doc_count: 10, accepted: { doc_count: 0 }, ...seen },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    }).map((f) => f.entity)
  ).toEqual([
    { 'source.ip': '203.0.113.7', 'destination.ip': '10.0.1.50', 'destination.port': 22 },
  ]);
  expect(
    interpret('exposed_service', {
      hosts: {
        buckets: [
          {
            key: '10.0.3.9',
            doc_count: 12,
            ports: {
              buckets: [
                {
                  key: 6379,
                  doc_count: 8,
                  sources: { value: 8 },
                  top_sources: { buckets: [] },
                  ...seen,
                },
                {
                  key: 22,
                  doc_count: 4,
                  sources: { value: 4 },
                  top_sources: { buckets: [] },
                  ...seen,
                },
              ],
            },
          },
        ],
      },
    }).map((f) => f.entity)
  ).toEqual([{ 'destination.ip': '10.0.3.9', 'destination.port': 6379 }]);
  expect(
    interpret('large_outbound', {
      sources: {
        buckets: [
          {
            key: '10.0.2.30',
            doc_count: 400,
            bytes: { value: 6e8 },
            destinations: {
              buckets: [
                { key: '192.0.2.99', doc_count: 3, bytes: { value: 2.4e8 }, ...seen },
                { key: '198.51.100.10', doc_count: 360, bytes: { value: 3.6e8 }, ...seen },
              ],
            },
          },
        ],
      },
    }).map((f) => [f.entity['destination.ip'], f.summary])
  ).toEqual([['192.0.2.99', '240.0 MB to 192.0.2.99 in 3 flows']]);
});

test('findings: most severe first, then most recent; one key per entity', () => {
  const finding = (
    rule: Finding['rule'],
    severity: Finding['severity'],
    lastSeen: string
  ): Finding => ({
    rule,
    severity,
    title: rule,
    entity: { 'source.ip': '192.0.2.1' },
    firstSeen: lastSeen,
    lastSeen,
    evidence: {},
    summary: '',
    kql: '',
  });
  const sorted = sortFindings([
    finding('port_scan', 'medium', '2026-01-01T02:00:00Z'),
    finding('bruteforce', 'high', '2026-01-01T01:00:00Z'),
    finding('rejected_surge', 'medium', '2026-01-01T03:00:00Z'),
  ]);
  expect(sorted.map((f) => f.rule)).toEqual(['bruteforce', 'rejected_surge', 'port_scan']);
  expect(
    entityKey({ rule: 'bruteforce', entity: { 'source.ip': 'a', 'destination.port': 22 } })
  ).toBe('bruteforce:destination.port=22,source.ip=a');
});
