import {
  andKql,
  breakdownKey,
  bucketRange,
  fieldClause,
  narrowKql,
  panelElementFilter,
  panelElementTarget,
  queryTarget,
} from './discover_links';

const RANGE = { from: 'now-24h', to: 'now' };

describe('andKql', () => {
  it('joins clauses and skips empty ones', () => {
    expect(andKql(undefined, 'a: 1', '  ', 'b: 2')).toBe('a: 1 and b: 2');
    expect(andKql('a: 1')).toBe('a: 1');
    expect(andKql(undefined, '')).toBe('');
  });

  it('parenthesises clauses with a top-level or', () => {
    expect(andKql('a: 1 or b: 2', 'c: 3')).toBe('(a: 1 or b: 2) and c: 3');
  });
});

describe('fieldClause', () => {
  it('quotes values, escaping quotes and backslashes', () => {
    expect(fieldClause('source.ip', '2001:db8::1')).toBe('source.ip: "2001:db8::1"');
    expect(fieldClause('url.path', '/a"b\\c')).toBe('url.path: "/a\\"b\\\\c"');
  });
});

describe('bucketRange', () => {
  it('spans one interval from the bucket start', () => {
    expect(bucketRange(Date.UTC(2024, 0, 1, 10), 30 * 60_000)).toEqual({
      from: '2024-01-01T10:00:00.000Z',
      to: '2024-01-01T10:30:00.000Z',
    });
  });
});

describe('panelElementTarget', () => {
  it('adds the key on the panel field to the panel and user KQL for a bar', () => {
    const target = panelElementTarget(
      'vpcflow',
      {
        kind: 'bar',
        title: 'Top rejected ports',
        field: 'destination.port',
        baseKql: 'event.action: "reject"',
      },
      { key: '22' },
      RANGE,
      'source.ip: "10.0.0.0/8"'
    );
    expect(target).toEqual({
      dataset: 'vpcflow',
      kql: 'source.ip: "10.0.0.0/8" and event.action: "reject" and destination.port: "22"',
      from: 'now-24h',
      to: 'now',
    });
  });

  it('narrows a time-series bar to its bucket and series', () => {
    const time = Date.UTC(2024, 0, 1, 12);
    const target = panelElementTarget(
      'alb',
      {
        kind: 'timeseries',
        title: 'Status',
        field: 'http.response.status_code',
        intervalMs: 60_000,
      },
      { key: '503', time },
      RANGE
    );
    expect(target.kql).toBe('http.response.status_code: "503"');
    expect(target.from).toBe('2024-01-01T12:00:00.000Z');
    expect(target.to).toBe('2024-01-01T12:01:00.000Z');
  });

  it('uses only the panel filter for a time series without a split', () => {
    const target = panelElementTarget(
      'tgwflow',
      {
        kind: 'timeseries',
        title: 'Lost',
        baseKql: 'aws.tgwflow.packets_lost_blackhole > 0',
        intervalMs: 1000,
      },
      { time: 0 },
      RANGE
    );
    expect(target.kql).toBe('aws.tgwflow.packets_lost_blackhole > 0');
  });

  it('keeps the page range for tables', () => {
    const target = panelElementTarget(
      'nlb',
      { kind: 'table', title: 'TLS', field: 'tls.version' },
      { key: '1.2' },
      RANGE
    );
    expect(target).toMatchObject({ kql: 'tls.version: "1.2"', from: 'now-24h', to: 'now' });
  });
});

describe('breakdownKey', () => {
  it('drops the second-level keys the API appends', () => {
    expect(breakdownKey('10.0.3.7 → 22, 3389')).toBe('10.0.3.7');
    expect(breakdownKey('10.0.3.7')).toBe('10.0.3.7');
  });
});

describe('queryTarget', () => {
  it('combines the query bar with the rendered query', () => {
    expect(queryTarget('all', 'a: 1 or b: 2', RANGE, 'c: 3').kql).toBe('c: 3 and (a: 1 or b: 2)');
  });
});

describe('drill-down', () => {
  it("filters the page to the element's key, without the panel's own filter", () => {
    const panel = { kind: 'bar' as const, field: 'source.ip', intervalMs: undefined };
    expect(panelElementFilter(panel, { key: '203.0.113.66' })).toEqual({
      kql: 'source.ip: "203.0.113.66"',
    });
  });

  it("narrows a time-series click to the bucket's span, and its series where split", () => {
    const t = Date.UTC(2026, 10, 30, 10, 0);
    expect(
      panelElementFilter(
        { kind: 'timeseries', field: 'http.response.status_code', intervalMs: 60_000 },
        { key: '502', time: t }
      )
    ).toEqual({
      kql: 'http.response.status_code: "502"',
      range: { from: '2026-11-30T10:00:00.000Z', to: '2026-11-30T10:01:00.000Z' },
    });
    expect(
      panelElementFilter({ kind: 'timeseries', field: undefined, intervalMs: 60_000 }, { time: t })
    ).toEqual({ range: { from: '2026-11-30T10:00:00.000Z', to: '2026-11-30T10:01:00.000Z' } });
  });

  it('adds a clause once', () => {
    expect(narrowKql('', 'a: "1"')).toBe('a: "1"');
    expect(narrowKql('b: 2 or c: 3', 'a: "1"')).toBe('(b: 2 or c: 3) and a: "1"');
    expect(narrowKql('b: 2 and a: "1"', 'a: "1"')).toBe('b: 2 and a: "1"');
    expect(narrowKql('b: 2', undefined)).toBe('b: 2');
  });
});
