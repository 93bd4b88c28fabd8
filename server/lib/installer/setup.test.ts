// The status summary over assets and alerting rules.
import type { AssetStatusEntry } from '../../../common/api_types';
import { summaryState } from './setup';

const asset = (state: AssetStatusEntry['state'], type: AssetStatusEntry['type'] = 'dashboard') => ({
  type,
  name: `${type}-${state}`,
  state,
});

test("a user's change to an alerting rule keeps the summary installed; to a dashboard it does not", () => {
  expect(summaryState([asset('installed')], [{ state: 'modified' }])).toBe('installed');
  expect(summaryState([asset('modified')], [{ state: 'installed' }])).toBe('partial');
});

test('missing or outdated rules count like assets', () => {
  expect(summaryState([asset('installed')], [{ state: 'missing' }])).toBe('partial');
  expect(summaryState([asset('installed')], [{ state: 'outdated' }])).toBe('outdated');
  expect(summaryState([asset('missing')], [{ state: 'missing' }])).toBe('not_installed');
  expect(summaryState([asset('missing')], [{ state: 'installed' }])).toBe('partial');
  expect(summaryState([asset('installed')], [{ state: 'newer' }])).toBe('newer');
  expect(summaryState([asset('installed')], [])).toBe('installed');
});

test('assets held elsewhere alone do not make a cluster installed', () => {
  const pipeline = asset('installed', 'ingest_pipeline');
  expect(summaryState([pipeline, asset('missing')], [], (a) => a === pipeline)).toBe(
    'not_installed'
  );
});
