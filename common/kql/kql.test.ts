// Expected shapes follow Kibana's kuery functions (src/platform/packages/shared/kbn-es-query/
// src/kuery/functions/{is,and,or,not,range,exists,nested}.ts) when no data view is given.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { kqlToDsl, KqlSyntaxError, parseKql } from '.';

test.each<[string, unknown]>([
  ['', { match_all: {} }],
  ['status: 404', { match: { status: '404' } }],
  ['event.action: "reject"', { match_phrase: { 'event.action': 'reject' } }],
  ['source.ip: "10.0.0.0/8"', { match_phrase: { 'source.ip': '10.0.0.0/8' } }],
  ['source.ip: 10.0.0.0/8', { match: { 'source.ip': '10.0.0.0/8' } }],
  ['source.ip: "2001:db8::1"', { match_phrase: { 'source.ip': '2001:db8::1' } }],
  ['url.path: /wp-*', { query_string: { fields: ['url.path'], query: '\\/wp\\-*' } }],
  ['tls.version: *', { exists: { field: 'tls.version' } }],
  ['bytes > 100', { range: { bytes: { gt: '100' } } }],
  ['bytes <= 5', { range: { bytes: { lte: '5' } } }],
  ['timeout', { multi_match: { type: 'best_fields', query: 'timeout', lenient: true } }],
  [
    '"connection reset"',
    { multi_match: { type: 'phrase', query: 'connection reset', lenient: true } },
  ],
  ['a:1 and b:2', { bool: { filter: [{ match: { a: '1' } }, { match: { b: '2' } }] } }],
  [
    'a:1 OR b:2',
    { bool: { should: [{ match: { a: '1' } }, { match: { b: '2' } }], minimum_should_match: 1 } },
  ],
  ['not a:1', { bool: { must_not: { match: { a: '1' } } } }],
  [
    'a:1 or b:2 and not c:3',
    {
      bool: {
        should: [
          { match: { a: '1' } },
          {
            bool: {
              filter: [{ match: { b: '2' } }, { bool: { must_not: { match: { c: '3' } } } }],
            },
          },
        ],
        minimum_should_match: 1,
      },
    },
  ],
  [
    '(a:1 or b:2) and c:3',
    {
      bool: {
        filter: [
          {
            bool: {
              should: [{ match: { a: '1' } }, { match: { b: '2' } }],
              minimum_should_match: 1,
            },
          },
          { match: { c: '3' } },
        ],
      },
    },
  ],
  [
    'port: (22 or 3389)',
    {
      bool: {
        should: [{ match: { port: '22' } }, { match: { port: '3389' } }],
        minimum_should_match: 1,
      },
    },
  ],
  [
    'x: (a and not b)',
    { bool: { filter: [{ match: { x: 'a' } }, { bool: { must_not: { match: { x: 'b' } } } }] } },
  ],
  ['k: a\\:b\\(c\\)', { match: { k: 'a:b(c)' } }],
  ['q: "say \\"hi\\""', { match_phrase: { q: 'say "hi"' } }],
  ['orange: 1', { match: { orange: '1' } }],
  [
    'n: { a: 1 and b: 2 }',
    {
      nested: {
        path: 'n',
        score_mode: 'none',
        query: { bool: { filter: [{ match: { 'n.a': '1' } }, { match: { 'n.b': '2' } }] } },
      },
    },
  ],
])('%s', (kql, dsl) => {
  expect(kqlToDsl(kql)).toEqual(dsl);
});

test('keywords are case-insensitive and need whitespace around them', () => {
  expect(kqlToDsl('a:1 AnD b:2')).toEqual(kqlToDsl('a:1 and b:2'));
  expect(parseKql('android: 1')).toEqual({
    type: 'match',
    field: 'android',
    value: expect.objectContaining({ text: '1' }),
  });
});

test.each(['a:(b', 'a:', 'a and', '"unterminated', 'a:1 or'])(
  'a syntax error names the position: %s',
  (kql) => {
    expect(() => kqlToDsl(kql)).toThrow(KqlSyntaxError);
    expect(() => kqlToDsl(kql)).toThrow(/at column \d+ of/);
  }
);

test('the committed parser is generated from the committed grammar', () => {
  // build_parser.mjs is an ES module, which jest's CommonJS runtime cannot import: ask node.
  const generated = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import('./build_parser.mjs').then((m) => process.stdout.write(m.generate()))`,
    ],
    { cwd: __dirname, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }
  );
  expect(readFileSync(path.join(__dirname, 'kql_parser.generated.js'), 'utf8')).toBe(generated);
});
