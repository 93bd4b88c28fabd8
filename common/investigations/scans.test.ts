import type { Candidate, DetailAggsResult, ScanMinute } from './scans';
import {
  candidateAggs,
  checkScanRange,
  checkScanSource,
  compactPortRanges,
  COARSE_PORT_STEP,
  detailAggs,
  fillMinutes,
  isServerReplying,
  MAX_SCANNERS,
  peakMinute,
  portStepFor,
  rankScanners,
  readCandidates,
  readScanner,
  SCAN_THRESHOLDS,
} from './scans';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-04T10:00:00Z');

describe('compactPortRanges', () => {
  test.each([
    ['none', [], ''],
    ['one', [22], '22'],
    ['unsorted', [3389, 1, 2, 3], '1-3, 3389'],
    ['several runs', [80, 443, 81, 82, 8080, 8081, 22], '22, 80-82, 443, 8080-8081'],
    ['repeats', [5, 5, 5, 6], '5-6'],
    ['1..1024 and 3389', [...Array.from({ length: 1024 }, (_, i) => i + 1), 3389], '1-1024, 3389'],
  ])('%s → %j', (_, ports, expected) => {
    expect(compactPortRanges(ports as number[])).toBe(expected);
  });

  test('blocks: each key stands for step ports, the last block ends at 65535', () => {
    expect(compactPortRanges([0, 16, 32, 1024], 16)).toBe('0-47, 1024-1039');
    expect(compactPortRanges([65520], 16)).toBe('65520-65535');
  });
});

test('the port step lists single ports up to MAX_EXACT_PORTS, blocks beyond', () => {
  expect(portStepFor(1024)).toBe(1);
  expect(portStepFor(8192)).toBe(1);
  expect(portStepFor(60000)).toBe(COARSE_PORT_STEP);
});

describe('validation', () => {
  test.each(['203.0.113.66', '10.0.0.0/8', 'fd00::1', ' 10.0.0.1 '])('source %j is fine', (s) => {
    expect(checkScanSource(s)).toBeUndefined();
  });
  test.each(['web-1', '10.0.0.300', '10.0.0.0/33', ''])('source %j is refused', (s) => {
    expect(checkScanSource(s)).toMatch(/^expected an IPv4 or IPv6 address, or a CIDR/);
  });
  test('no source is fine', () => expect(checkScanSource(undefined)).toBeUndefined());

  test('an empty range names to; more than a week names from and says what to do', () => {
    expect(checkScanRange(T0, T0)).toEqual({
      field: 'to',
      message: 'the range is empty: it ends where it starts',
    });
    expect(checkScanRange(T0, T0 + 30 * 24 * 60 * MINUTE)).toEqual({
      field: 'from',
      message:
        'the range spans 30 days; scans are searched over at most 7 days, choose a shorter range',
    });
    expect(checkScanRange(T0, T0 + 7 * 24 * 60 * MINUTE)).toBeUndefined();
  });
});

describe('requests', () => {
  test('candidates: two orderings of source.ip, by distinct ports and by distinct hosts', () => {
    const aggs = candidateAggs() as Record<string, { terms: Record<string, unknown> }>;
    expect(aggs.by_ports.terms).toMatchObject({ field: 'source.ip', order: { ports: 'desc' } });
    expect(aggs.by_hosts.terms).toMatchObject({ field: 'source.ip', order: { hosts: 'desc' } });
  });

  test('detail lists ports in a histogram of the chosen step and minutes of one minute', () => {
    const aggs = detailAggs(16) as Record<string, Record<string, Record<string, unknown>>>;
    expect(aggs.ports.histogram).toEqual({
      field: 'destination.port',
      interval: 16,
      min_doc_count: 1,
    });
    expect(aggs.per_minute.date_histogram).toMatchObject({ fixed_interval: '1m' });
  });
});

const candidate = (over: Partial<Candidate>): Candidate => ({
  source: '198.51.100.7',
  probes: 100,
  ports: 100,
  hosts: 1,
  sourcePorts: [{ port: 50123, flows: 100 }],
  lowestPort: 1,
  ...over,
});

describe('servers answering clients are not scanners', () => {
  test('a web server replying from 443 to ephemeral ports', () => {
    const web = candidate({ sourcePorts: [{ port: 443, flows: 98 }], lowestPort: 32768 });
    expect(isServerReplying(web)).toBe(true);
  });
  test('a scanner with a fixed source port above the ports it probes', () => {
    expect(isServerReplying(candidate({}))).toBe(false);
  });
  test('a source whose listed source ports carry too few of its flows', () => {
    const spread = candidate({ sourcePorts: [{ port: 443, flows: 80 }], lowestPort: 32768 });
    expect(isServerReplying(spread)).toBe(false);
  });
  test('a source port above the lowest destination port', () => {
    const mixed = candidate({ sourcePorts: [{ port: 8080, flows: 100 }], lowestPort: 3000 });
    expect(isServerReplying(mixed)).toBe(false);
  });
});

const bucket = (c: Candidate) => ({
  key: c.source,
  doc_count: c.probes,
  ports: { value: c.ports },
  hosts: { value: c.hosts },
  source_ports: { buckets: c.sourcePorts.map((p) => ({ key: p.port, doc_count: p.flows })) },
  lowest_port: { value: c.lowestPort },
});

test('readCandidates: merges both orderings once, drops narrow sources and replying servers', () => {
  const vertical = candidate({ source: '198.51.100.1', ports: 300 });
  const horizontal = candidate({ source: '198.51.100.2', ports: 1, hosts: 60, lowestPort: 22 });
  const narrow = candidate({ source: '198.51.100.3', ports: 14, hosts: 24 });
  const web = candidate({
    source: '10.0.1.10',
    ports: 500,
    hosts: 500,
    sourcePorts: [{ port: 443, flows: 100 }],
    lowestPort: 32768,
  });
  const result = {
    by_ports: { buckets: [web, vertical, narrow, horizontal].map(bucket) },
    by_hosts: { buckets: [web, horizontal, vertical, narrow].map(bucket) },
  };
  expect(readCandidates(result).map((c) => c.source)).toEqual(['198.51.100.1', '198.51.100.2']);
  expect(readCandidates({})).toEqual([]);
});

describe('minutes', () => {
  const m = (i: number, accepted: number, rejected: number): ScanMinute => ({
    time: T0 + i * MINUTE,
    accepted,
    rejected,
  });
  test('fillMinutes fills quiet minutes between the first and the last with zeros', () => {
    expect(fillMinutes([m(3, 0, 2), m(0, 1, 1)])).toEqual([
      m(0, 1, 1),
      m(1, 0, 0),
      m(2, 0, 0),
      m(3, 0, 2),
    ]);
    expect(fillMinutes([])).toEqual([]);
  });
  test('peakMinute: most flows (accepted + rejected), the earliest of equals', () => {
    expect(peakMinute([m(0, 1, 1), m(1, 0, 5), m(2, 5, 0)])).toEqual({
      flowsPerMinute: 5,
      minute: T0 + MINUTE,
    });
    expect(peakMinute([])).toEqual({ flowsPerMinute: 0, minute: 0 });
  });
});

/** A detail answer as Elasticsearch shapes it. */
function detail(over: Partial<DetailAggsResult> = {}): DetailAggsResult {
  return {
    first: { value: T0 },
    last: { value: T0 + 2 * MINUTE + 30_000 },
    probes: { doc_count: 10 },
    accepted: {
      doc_count: 2,
      ports: { value: 1 },
      hosts: { value: 2 },
      by_port: {
        buckets: [
          {
            key: 8080,
            doc_count: 2,
            hosts: { value: 2 },
            top: {
              buckets: [
                { key: '10.0.1.10', doc_count: 1 },
                { key: '10.0.1.11', doc_count: 1 },
              ],
            },
          },
        ],
      },
    },
    ports: { buckets: [1, 2, 3, 8080].map((key) => ({ key, doc_count: 1 })) },
    port_count: { value: 4 },
    hosts: { value: 2 },
    busiest_host: { buckets: [{ key: '10.0.1.10', doc_count: 8, ports: { value: 20 } }] },
    busiest_port: { buckets: [{ key: 8080, doc_count: 2, hosts: { value: 2 } }] },
    per_minute: {
      buckets: [
        { key: T0, doc_count: 3, accepted: { doc_count: 0 } },
        { key: T0 + 2 * MINUTE, doc_count: 7, accepted: { doc_count: 2 } },
      ],
    },
    ...over,
  };
}

describe('readScanner', () => {
  test('reads extent, rate, ports, hosts, what answered and the per-minute series', () => {
    const scanner = readScanner('198.51.100.7', 10, detail(), 1);
    expect(scanner).toEqual({
      source: '198.51.100.7',
      kinds: ['vertical'],
      firstSeen: T0,
      lastSeen: T0 + 150_000,
      durationMs: 150_000,
      flows: 10,
      acceptedFlows: 2,
      acceptedShare: 0.2,
      peak: { flowsPerMinute: 7, minute: T0 + 2 * MINUTE },
      ports: 4,
      hosts: 2,
      busiestHost: { ip: '10.0.1.10', ports: 20 },
      busiestPort: { port: 8080, hosts: 2 },
      portRanges: '1-3, 8080',
      portStep: 1,
      answered: {
        ports: 1,
        hosts: 2,
        rows: [
          {
            port: 8080,
            flows: 2,
            hosts: [
              { ip: '10.0.1.10', flows: 1 },
              { ip: '10.0.1.11', flows: 1 },
            ],
            moreHosts: 0,
          },
        ],
      },
      series: [
        { time: T0, accepted: 0, rejected: 3 },
        { time: T0 + MINUTE, accepted: 0, rejected: 0 },
        { time: T0 + 2 * MINUTE, accepted: 2, rejected: 5 },
      ],
      kql: 'source.ip: "198.51.100.7"',
    });
  });

  test('horizontal when one port reaches minHostsOnPort hosts; both kinds can hold', () => {
    const wide = detail({
      busiest_port: { buckets: [{ key: 22, doc_count: 30, hosts: { value: 25 } }] },
    });
    expect(readScanner('x', 10, wide, 1)?.kinds).toEqual(['vertical', 'horizontal']);
  });

  test('cleared: below both thresholds, or mostly conversations rather than probes', () => {
    const below = detail({
      busiest_host: {
        buckets: [{ key: 'h', doc_count: 1, ports: { value: SCAN_THRESHOLDS.minPortsOnHost - 1 } }],
      },
    });
    expect(readScanner('x', 10, below, 1)).toBeUndefined();
    expect(readScanner('x', 10, detail({ probes: { doc_count: 4 } }), 1)).toBeUndefined();
    expect(readScanner('x', 0, detail(), 1)).toBeUndefined();
  });

  test('blocks: the distinct count comes from the cardinality, ranges from the blocks', () => {
    const coarse = detail({
      ports: { buckets: [0, 16].map((key) => ({ key, doc_count: 1 })) },
      port_count: { value: 30 },
    });
    const scanner = readScanner('x', 10, coarse, 16)!;
    expect(scanner.ports).toBe(30);
    expect(scanner.portRanges).toBe('0-31');
  });

  test('answered hosts beyond those listed are counted', () => {
    const many = detail();
    many.accepted!.by_port!.buckets[0].hosts = { value: 12 };
    expect(readScanner('x', 10, many, 1)!.answered.rows[0].moreHosts).toBe(10);
  });
});

test('rankScanners: highest peak first, then most flows, at most MAX_SCANNERS', () => {
  const base = readScanner('x', 10, detail(), 1)!;
  const make = (source: string, peak: number, flows: number) => ({
    ...base,
    source,
    flows,
    peak: { ...base.peak, flowsPerMinute: peak },
  });
  const ranked = rankScanners([make('a', 5, 10), make('b', 9, 10), make('c', 5, 20)]);
  expect(ranked.map((s) => s.source)).toEqual(['b', 'c', 'a']);
  const many = Array.from({ length: MAX_SCANNERS + 5 }, (_, i) => make(String(i), i, 1));
  expect(rankScanners(many)).toHaveLength(MAX_SCANNERS);
});
