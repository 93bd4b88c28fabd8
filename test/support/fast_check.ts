// Shared by the property suites: how many runs, and FC_SEED to replay a reported failure
// (FC_SEED=<seed> npx jest <file>); FC_NUM_RUNS overrides the (modest) number of runs.
import type fc from 'fast-check';

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
if (SEED !== undefined && !Number.isInteger(SEED)) throw new Error('FC_SEED must be an integer');

export const runs = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns: Number(process.env.FC_NUM_RUNS ?? numRuns),
  ...(SEED === undefined ? {} : { seed: SEED }),
});

/** KQL nested `depth` levels deep, in each way a recursive parser recurses. */
export const DEEP_KQL_SHAPES: Record<string, (depth: number) => string> = {
  groups: (d) => `${'('.repeat(d)}a${')'.repeat(d)}`,
  unclosed: (d) => '('.repeat(d),
  valueLists: (d) => `f:${'('.repeat(d)}a${')'.repeat(d)}`,
  nested: (d) => `${'n:{'.repeat(d)}a${'}'.repeat(d)}`,
  negations: (d) => `${'not ('.repeat(d)}a${')'.repeat(d)}`,
};
