import { QUERY_CATALOG } from '../../common/queries';
import { groupQueries, searchQueries } from './query_search';

describe('query search', () => {
  it('returns the whole catalog for an empty search', () => {
    expect(searchQueries(QUERY_CATALOG, '  ')).toHaveLength(QUERY_CATALOG.length);
  });

  it('requires every word to match somewhere', () => {
    const found = searchQueries(QUERY_CATALOG, 'SSH internet');
    expect(found.map((q) => q.id)).toContain('vpc-ssh-rdp-from-internet');
    expect(searchQueries(QUERY_CATALOG, 'ssh zzzz')).toHaveLength(0);
  });

  it('matches field names', () => {
    expect(searchQueries(QUERY_CATALOG, 'destination.port').length).toBeGreaterThan(0);
  });

  it('groups in catalog order without losing queries', () => {
    const groups = groupQueries(QUERY_CATALOG);
    expect(groups[0][0]).toBe(QUERY_CATALOG[0].group);
    expect(groups.reduce((n, [, queries]) => n + queries.length, 0)).toBe(QUERY_CATALOG.length);
  });
});
