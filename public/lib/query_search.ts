// Filters and groups the query catalog for the Queries page; every word typed must match
// somewhere (title, description, group, source, fields or KQL).
import type { PrebuiltQuery, QueryGroup } from '../../common/queries';

function haystack(query: PrebuiltQuery): string {
  return [query.title, query.description, query.group, query.source, query.kql, ...query.fields]
    .join(' ')
    .toLowerCase();
}

export function searchQueries(catalog: PrebuiltQuery[], text: string): PrebuiltQuery[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return catalog;
  return catalog.filter((query) => {
    const hay = haystack(query);
    return words.every((word) => hay.includes(word));
  });
}

/** Groups in catalog order, so the page reads in the order the catalog was written. */
export function groupQueries(queries: PrebuiltQuery[]): Array<[QueryGroup, PrebuiltQuery[]]> {
  const groups = new Map<QueryGroup, PrebuiltQuery[]>();
  for (const query of queries) {
    const list = groups.get(query.group) ?? [];
    list.push(query);
    groups.set(query.group, list);
  }
  return [...groups.entries()];
}
