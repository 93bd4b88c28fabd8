// Property-based tests of how routes answer bad input (fast-check). Pins: any `kql` string either
// translates to a query or fails in a way errorResponse answers 400 ("Invalid KQL: …"); any
// `from`/`to` strings resolve or fail in a way it answers 400; never a rethrow (Kibana's 500).
// Reproduce a failure: FC_SEED=<seed> npx jest server/routes/error_response.property --selectProjects unit
import dateMath from '@elastic/datemath';
import type { KibanaResponseFactory } from '@kbn/core/server';
import fc from 'fast-check';
import { kqlToDsl } from '../../common/kql';
import type { DateMath } from '../lib/validation/time_range';
import { resolveRange } from '../lib/validation/time_range';
import { errorResponse } from './error_response';

// FC_SEED replays a reported run; FC_NUM_RUNS overrides the (modest) number of runs.
const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const runs = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns: Number(process.env.FC_NUM_RUNS ?? numRuns),
  ...(SEED === undefined ? {} : { seed: SEED }),
});

interface Answer {
  status: number;
  body?: { message?: string };
}

/** A response factory that answers with the status each helper stands for. */
const response = {
  ok: (o?: object): Answer => ({ status: 200, ...o }),
  badRequest: (o?: object): Answer => ({ status: 400, ...o }),
  forbidden: (o?: object): Answer => ({ status: 403, ...o }),
  notFound: (o?: object): Answer => ({ status: 404, ...o }),
  customError: (o: { statusCode: number }): Answer => ({ status: o.statusCode, ...o }),
} as unknown as KibanaResponseFactory;

/** What a route answers when `work` runs in its handler: 200, or errorResponse's answer. */
function answer(work: () => unknown): Answer {
  try {
    work();
    return { status: 200 };
  } catch (error) {
    // A rethrow here is what Kibana turns into a 500: it fails the property.
    return errorResponse(response, error) as unknown as Answer;
  }
}

const kqlArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc
    .array(
      fc.constantFrom(
        'a',
        'b.c',
        '*',
        '1',
        ':',
        '<=',
        '>',
        '(',
        ')',
        '{',
        '}',
        '"',
        '\\',
        ' and ',
        ' or ',
        'not ',
        ' '
      ),
      { maxLength: 30 }
    )
    .map((parts) => parts.join(''))
);

test('any kql: the route answers 200 or 400 "Invalid KQL", never 500', () => {
  fc.assert(
    fc.property(kqlArb, (kql) => {
      const { status, body } = answer(() => kqlToDsl(kql));
      expect([200, 400]).toContain(status);
      if (status === 400) expect(body?.message).toMatch(/^Invalid KQL: /);
    }),
    runs(500)
  );
});

test('any from and to: the route answers 200 or 400, never 500', () => {
  const time = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom('now', 'now-15m', 'now/d', 'now-1y/d', '2026-11-22T00:00:00Z', 'now-1x')
  );
  fc.assert(
    fc.property(time, time, (from, to) => {
      const { status, body } = answer(() => resolveRange(dateMath as DateMath, from, to));
      expect([200, 400]).toContain(status);
      if (status === 400) expect(body?.message).toMatch(/^\[(from|to)\]: /);
    }),
    runs(500)
  );
});

// KNOWN BUG, reported, not fixed here (see common/kql/kql.property.test.ts): KQL nested a few
// thousand levels deep, within the 10,000 characters the routes accept, overflows the parser's
// stack; errorResponse does not know the RangeError and rethrows it: a 500. `test.failing`
// passes while the bug is there; make it `test` once the parser bounds its depth.
test.failing('deeply nested kql within the accepted length: 200 or 400, never 500', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 4999 }), (depth) => {
      const kql = `${'('.repeat(depth)}a${')'.repeat(depth)}`;
      expect([200, 400]).toContain(answer(() => kqlToDsl(kql)).status);
    }),
    // Pinned: a found counterexample, so the property fails whatever the seed.
    { ...runs(20), examples: [[4999]] }
  );
});
