// The query catalog's example parameter values are the sample's own actors, so every
// parameterised query demonstrates itself on `npm start`'s data: each example address is one
// the generator exports, and every example occurs in the generated logs of the query's source.
// (test/browser/sections/queries.ts checks the same on the parsed data: every count > 0.)
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SourceId } from '../../common/constants';
import { QUERY_CATALOG } from '../../common/queries';
import { EXPOSED_BASTION, FAILING_TARGET, generateSample, SCANNER_IP } from './generate';

const parameterised = QUERY_CATALOG.filter((q) => q.params?.length);

/** The record formats the generator writes, told apart by their first fields. */
function sourceOf(line: string): SourceId | undefined {
  if (/^\d+ TransitGateway /.test(line)) return 'tgwflow';
  if (/^\d+ \d{12} /.test(line)) return 'vpcflow';
  if (line.startsWith('tls ')) return 'nlb';
  if (/^(https?|h2|grpcs?|wss?) /.test(line)) return 'alb';
  // Connection logs start with their ISO time and the client address.
  if (/^\d{4}-\d\d-\d\dT\S+ [\d.:a-f]+ \d/.test(line)) return 'alb_connection';
  return undefined;
}

/** Every field of every line, per source: addresses split from their ports too. */
function sampleTokens(): Map<SourceId, Set<string>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netobs-examples-'));
  try {
    generateSample({ dir, end: new Date('2026-01-15T12:00:00Z') });
    const tokens = new Map<SourceId, Set<string>>();
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.gz')
    );
    for (const file of files) {
      const text = gunzipSync(readFileSync(path.join(dir, file))).toString('utf8');
      for (const line of text.split('\n')) {
        const source = sourceOf(line);
        if (!source) continue;
        const set = tokens.get(source) ?? new Set<string>();
        for (const token of line.split(/[\s:"]+/)) set.add(token);
        tokens.set(source, set);
      }
    }
    return tokens;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const DATE_MATH = /^now([+-]\d+[smhdwMy])*(\/[smhdwMy])?$/;

test('the catalog has parameterised queries to demonstrate', () => {
  expect(parameterised.length).toBeGreaterThanOrEqual(5);
});

test("every example address is one of the sample's actors", () => {
  const actors = [SCANNER_IP, FAILING_TARGET, EXPOSED_BASTION];
  for (const query of parameterised) {
    for (const param of query.params ?? []) {
      if (param.kind === 'ip')
        expect([query.id, actors.includes(param.example)]).toEqual([query.id, true]);
    }
  }
});

test("every example value occurs in the sample's logs of the query's source", () => {
  const tokens = sampleTokens();
  for (const query of parameterised) {
    const sources: SourceId[] = query.source === 'all' ? [...tokens.keys()] : [query.source];
    // A date-math example (now+30d) is a time, not a value of the logs; the sample's certificate
    // expiring in EXPIRING_DAYS days answers that query (test/pipelines/golden.test.ts).
    for (const param of (query.params ?? []).filter((p) => !DATE_MATH.test(p.example))) {
      const found = sources.some((source) => tokens.get(source)?.has(param.example));
      expect([query.id, param.name, param.example, found]).toEqual([
        query.id,
        param.name,
        param.example,
        true,
      ]);
    }
  }
});
