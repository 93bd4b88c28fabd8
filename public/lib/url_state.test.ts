import fc from 'fast-check';
import { readUrlState, writeUrlState } from './url_state';

describe('URL state', () => {
  test("is written in Kibana's _g/_a rison shape", () => {
    expect(
      writeUrlState('', {
        range: { from: 'now-4h', to: 'now' },
        kql: 'source.ip: "10.0.0.1" and event.action: reject',
      })
    ).toBe(
      "?_g=(time:(from:now-4h,to:now))&_a=(query:(language:kuery,query:'source.ip:+%2210.0.0.1%22+and+event.action:+reject'))"
    );
  });

  test('reads what Discover-style links carry, URL-encoded or not', () => {
    expect(
      readUrlState(
        "?_g=(filters:!(),time:(from:'2026-11-30T10:00:00.000Z',to:now))&_a=(query:(language:kuery,query:'destination.port%20%3E%201024'))"
      )
    ).toEqual({
      range: { from: '2026-11-30T10:00:00.000Z', to: 'now' },
      kql: 'destination.port > 1024',
    });
  });

  test('keeps other parameters and ignores parts it cannot read', () => {
    const search = writeUrlState('?foo=bar&_a=(query:x)', {
      range: { from: 'now-15m', to: 'now' },
      kql: '',
    });
    expect(new URLSearchParams(search).get('foo')).toBe('bar');
    expect(readUrlState(search)).toEqual({ range: { from: 'now-15m', to: 'now' }, kql: '' });
    expect(readUrlState('?_g=(time:(from:now-1h&_a=garbage')).toEqual({});
    expect(readUrlState('?_g=(time:(from:1,to:2))')).toEqual({});
  });

  test("never holds '//', which Kibana's ScopedHistory would collapse", () => {
    const search = writeUrlState('', {
      range: { from: 'now-1h', to: 'now' },
      kql: 'url.original: "http://example.com//a" and source.ip: 10.0.0.0/8',
    });
    expect(search).not.toContain('//');
    expect(readUrlState(search).kql).toBe(
      'url.original: "http://example.com//a" and source.ip: 10.0.0.0/8'
    );
  });

  test('any KQL and range survive the round trip', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        (kql, from, to) => {
          const search = writeUrlState('', { range: { from, to }, kql });
          expect(readUrlState(search)).toEqual({ range: { from, to }, kql });
        }
      )
    );
  });
});
