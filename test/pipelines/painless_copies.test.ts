// The engine has no script includes: the parse scripts carry a copy of geo_public.painless's
// functions (which sides are public, for netobs-geo), and netobs-geo skips its own script on a
// document they marked. The copies must stay exactly the shared block of geo_public.painless.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '../../assets/elasticsearch/painless');
const BEGIN = '// --- geo_public.painless: shared';
const END = '// --- end of geo_public.painless ---';

function sharedBlock(file: string): string {
  const text = readFileSync(join(dir, file), 'utf8');
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file} has no geo_public block`);
  if (text.indexOf(BEGIN, start + 1) >= 0) throw new Error(`${file} has two geo_public blocks`);
  return text.slice(start, end + END.length);
}

test('geo_public.painless holds the shared block and calls it', () => {
  const block = sharedBlock('geo_public.painless');
  expect(block).toContain('boolean isPublic(def value)');
  expect(block).toContain('void markGeoPublic(Map document, boolean always)');
});

test.each(['flowlog_parse.painless', 'elb_parse.painless'])(
  '%s carries geo_public.painless unchanged',
  (file) => {
    expect(sharedBlock(file)).toBe(sharedBlock('geo_public.painless'));
  }
);
