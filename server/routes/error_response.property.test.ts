// Property-based tests of how the analytics routes answer their input (fast-check). Pins: for any
// `from`, `to` and `kql` strings, searchScope (what the overview and query_count routes run with
// the body) succeeds or fails with an error errorResponse answers 400, never one it rethrows
// (Kibana's 500); KQL nested thousands of levels deep, within the 10,000 characters the body may
// hold, included. The query language is the standalone server's (common/kql, @elastic/datemath).
// Reproduce a failure: FC_SEED=<seed> npx jest server/routes/error_response.property --selectProjects unit
import type { KibanaResponseFactory } from '@kbn/core/server';
import fc from 'fast-check';
import { DEEP_KQL_SHAPES, runs } from '../../test/support/fast_check';
import { localQueryLanguage } from '../../dev/query_language';
import type { AnalyticsRequest } from '../../common/api_types';
import { searchScope } from '../lib/analytics/query_context';
import { errorResponse } from './error_response';

interface Answer {
  status: number;
  body?: { message?: string };
}

/** A response factory that answers with the status each helper stands for. */
const response = {
  badRequest: (o?: object): Answer => ({ status: 400, ...o }),
  forbidden: (o?: object): Answer => ({ status: 403, ...o }),
  notFound: (o?: object): Answer => ({ status: 404, ...o }),
  customError: (o: { statusCode: number }): Answer => ({ status: o.statusCode, ...o }),
} as unknown as KibanaResponseFactory;

/** What the route answers for a (validated) body: 200, or errorResponse's answer. */
function answer(request: AnalyticsRequest): Answer {
  try {
    searchScope('all', request, localQueryLanguage);
    return { status: 200 };
  } catch (error) {
    // A rethrow here is what Kibana turns into a 500: it fails the property.
    return errorResponse(response, error) as unknown as Answer;
  }
}

function expect200or400(request: AnalyticsRequest): void {
  const { status, body } = answer(request);
  expect([200, 400]).toContain(status);
  if (status === 400) expect(body?.message).toEqual(expect.any(String));
}

const timeArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('now', 'now-15m', 'now/d', 'now-1y/d', '2026-11-22T00:00:00Z', 'now-1x', '')
);
const kqlArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc
    .array(fc.constantFrom('a', 'b.c', '*', '1', ':', '<=', '>', '(', ')', '{', '}', '"', '\\'), {
      maxLength: 30,
    })
    .map((parts) => parts.join('')),
  fc
    .array(fc.constantFrom('a:1', 'b', ' and ', ' or ', 'not ', '(', ')', ' '), { maxLength: 30 })
    .map((parts) => parts.join(''))
);

test('any from, to and kql: the route answers 200 or 400, never 500', () => {
  fc.assert(
    fc.property(timeArb, timeArb, fc.option(kqlArb, { nil: undefined }), (from, to, kql) =>
      expect200or400({ from, to, kql })
    ),
    runs(500)
  );
});

test('KQL nested up to the 10,000 characters a body may hold: 200 or 400, never 500', () => {
  const shapes: Record<string, (depth: number) => string> = {
    ...DEEP_KQL_SHAPES,
    quotedThenGroups: (d) => `"\\"(" and ${'('.repeat(d)}a${')'.repeat(d)}`,
  };
  const deep = fc
    .tuple(fc.constantFrom(...Object.keys(shapes)), fc.integer({ min: 0, max: 5000 }))
    .map(([shape, depth]) => shapes[shape](depth))
    .filter((kql) => kql.length <= 10_000);
  fc.assert(
    fc.property(deep, (kql) => expect200or400({ from: 'now-1h', to: 'now', kql })),
    // Found by common/kql/kql.property.test.ts: a RangeError (500) before depth was limited.
    { ...runs(30), examples: [['('.repeat(5000)]] }
  );
});
