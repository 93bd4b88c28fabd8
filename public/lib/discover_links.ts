// Builds the KQL and time range behind every chart element, table row and prebuilt query, so
// "Open in Discover" shows exactly the documents that were counted.
import type { SourceId } from '../../common/constants';
import type { Panel } from '../../common/api_types';
import { kqlValue } from '../../common/queries';
import { andKql } from '../../common/queries/kql_join';

export { andKql };
import type { DiscoverTarget } from '../services';

export interface TimeRangeStrings {
  from: string;
  to: string;
}

/** `field: "key"`; values are always quoted because IPv6 addresses and paths contain ':' and '/'. */
export function fieldClause(field: string, key: string): string {
  return `${field}: ${kqlValue(key)}`;
}

/** The time range of one date-histogram bucket, as ISO strings Discover and the API accept. */
export function bucketRange(time: number, intervalMs: number): TimeRangeStrings {
  return { from: new Date(time).toISOString(), to: new Date(time + intervalMs).toISOString() };
}

/** What the user clicked: a bucket key, and for time series the bucket's start time. */
export interface PanelElement {
  key?: string;
  time?: number;
}

/**
 * The Discover target of one panel element: the query bar's KQL, the panel's own filter and the
 * element's key on the panel's field; for a time-series bar, that bucket's time span.
 */
export function panelElementTarget(
  source: SourceId,
  panel: Pick<Panel, 'baseKql' | 'field' | 'intervalMs' | 'kind' | 'title'>,
  element: PanelElement,
  range: TimeRangeStrings,
  userKql?: string
): DiscoverTarget {
  // A time series without a split names its only series after the panel; there is no field.
  const keyClause =
    panel.field && element.key !== undefined ? fieldClause(panel.field, element.key) : undefined;
  const time =
    panel.kind === 'timeseries' && element.time !== undefined && panel.intervalMs
      ? bucketRange(element.time, panel.intervalMs)
      : range;
  return { dataset: source, kql: andKql(userKql, panel.baseKql, keyClause), ...time };
}

/** How a click on a panel element narrows the page: a clause for the query bar, a time range. */
export interface PageFilter {
  kql?: string;
  range?: TimeRangeStrings;
}

/**
 * The drill-down of one panel element, as a click on a Lens chart filters a dashboard: the
 * element's key on the panel's field (not the panel's own filter, which belongs to the panel),
 * and for a time-series bar that bucket's time span.
 */
export function panelElementFilter(
  panel: Pick<Panel, 'field' | 'intervalMs' | 'kind'>,
  element: PanelElement
): PageFilter {
  const filter: PageFilter = {};
  if (panel.field && element.key !== undefined) filter.kql = fieldClause(panel.field, element.key);
  if (panel.kind === 'timeseries' && element.time !== undefined && panel.intervalMs)
    filter.range = bucketRange(element.time, panel.intervalMs);
  return filter;
}

/** The query bar's KQL narrowed by a clause, unless the KQL already says exactly that. */
export function narrowKql(kql: string, clause: string | undefined): string {
  if (!clause) return kql;
  const existing = kql.split(/\s+and\s+/i).map((part) => part.trim());
  return existing.includes(clause) ? kql : andKql(kql, clause);
}

/**
 * The first-level key of a query breakdown row. The API joins a second-level breakdown onto the
 * key (`10.0.3.7 → 22, 3389`); only the part before the arrow is a value of the field.
 */
export function breakdownKey(key: string): string {
  const arrow = key.indexOf(' → ');
  return arrow === -1 ? key : key.slice(0, arrow);
}

/** A prebuilt query in Discover: the query bar's KQL and the rendered catalog KQL, as counted. */
export function queryTarget(
  source: SourceId | 'all',
  renderedKql: string,
  range: TimeRangeStrings,
  userKql?: string
): DiscoverTarget {
  return { dataset: source, kql: andKql(userKql, renderedKql), from: range.from, to: range.to };
}
