// Builds the shared part of every analytics search: the time range, the user's KQL and the
// data streams of one source. The KQL translation is injected: Kibana's @kbn/es-query in the
// plugin, our own parser (common/kql) in the standalone dev server.
import type { Client } from '@elastic/elasticsearch';
import type { SourceId } from '../../../common/constants';
import { dataStreamName } from '../../../common/constants';
import type { AnalyticsRequest } from '../../../common/api_types';
import type { DateMath } from '../validation/time_range';
import { resolveRange } from '../validation/time_range';

/** KQL → an Elasticsearch query clause; throws KqlError on a syntax error. */
export type KqlToDsl = (kql: string) => Record<string, unknown>;

/** How the user's query and time range are read: Kibana's parsers in Kibana, ours outside. */
export interface QueryLanguage {
  kqlToDsl: KqlToDsl;
  dateMath: DateMath;
}

export class KqlError extends Error {}

/** Limits on the query bar's KQL: past them a query is refused (400), never parsed. */
export const KQL_LIMITS = { maxLength: 10_000, maxDepth: 50 } as const;

/**
 * Refuses KQL a parser would choke on: longer than KQL_LIMITS.maxLength, or nesting
 * parentheses or `not` deeper than KQL_LIMITS.maxDepth (a recursive-descent parser, Kibana's
 * included, overflows its stack on thousands of levels). Quoted text does not count.
 */
export function checkKqlLimits(kql: string): void {
  if (kql.length > KQL_LIMITS.maxLength)
    throw new KqlError(`KQL is longer than ${KQL_LIMITS.maxLength} characters`);
  let depth = 0;
  let deepest = 0;
  let quoted = false;
  for (let i = 0; i < kql.length; i += 1) {
    const c = kql[i];
    if (quoted) {
      if (c === '\\') i += 1;
      else if (c === '"') quoted = false;
    } else if (c === '\\') i += 1;
    else if (c === '"') quoted = true;
    else if (c === '(' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ')' || c === '}') depth = Math.max(0, depth - 1);
  }
  const nots = kql.match(/\bnot\s/gi)?.length ?? 0;
  if (deepest > KQL_LIMITS.maxDepth || nots > KQL_LIMITS.maxDepth)
    throw new KqlError(`KQL is nested more than ${KQL_LIMITS.maxDepth} levels deep`);
}

export interface SearchScope {
  index: string;
  filter: Record<string, unknown>[];
  /** The searched range, resolved to epoch milliseconds (what the charts' x axes span). */
  fromMs: number;
  toMs: number;
  /** Bucket size for date histograms: see chooseInterval. */
  intervalMs: number;
}

const MINUTE = 60_000;
const WEEK = 10080 * MINUTE;
/** Bucket sizes a person reads at a glance, smallest first. */
const NICE_INTERVALS_MS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880].map(
  (minutes) => minutes * MINUTE
);
/** The most buckets a date histogram gets (Kibana's histogram:maxBars is 100). */
export const MAX_BUCKETS = 120;

/**
 * The smallest nice interval giving at most MAX_BUCKETS buckets over `spanMs`: 15 m → 1 m (15),
 * 1 h → 1 m (60), 4 h → 2 m (120), 24 h → 15 m (96), 7 d → 2 h (84), 30 d → 6 h (120). Nice
 * intervals up to two days are at most ×2.5 apart, so a range from an hour to 240 days gets 48
 * to 120 buckets, near Kibana's auto interval (histogram:barTarget 50); longer ranges get weeks.
 * Never below a minute: flow logs aggregate over windows of a minute or more, and finer buckets
 * would show a comb of empty bars between them.
 */
export function chooseInterval(spanMs: number): number {
  const fits = (interval: number) => Math.ceil(spanMs / interval) <= MAX_BUCKETS;
  return NICE_INTERVALS_MS.find(fits) ?? Math.ceil(spanMs / MAX_BUCKETS / WEEK) * WEEK;
}

export function searchScope(
  source: SourceId | 'all',
  request: AnalyticsRequest,
  language: QueryLanguage,
  namespace = '*'
): SearchScope {
  const { fromMs, toMs } = resolveRange(language.dateMath, request.from, request.to);
  const filter: Record<string, unknown>[] = [
    { range: { '@timestamp': { gte: fromMs, lte: toMs, format: 'epoch_millis' } } },
  ];
  if (request.kql && request.kql.trim()) {
    checkKqlLimits(request.kql);
    filter.push(language.kqlToDsl(request.kql));
  }
  const index = source === 'all' ? `logs-netobs.*-${namespace}` : dataStreamName(source, namespace);
  return {
    index,
    filter,
    fromMs,
    toMs,
    intervalMs: chooseInterval(Math.max(MINUTE, toMs - fromMs)),
  };
}

export type SearchClient = Pick<Client, 'search' | 'count' | 'transport'>;

/** One aggregations-only search over a scope: the total hits and the raw aggregation results. */
export async function searchAggs<T>(
  client: SearchClient,
  scope: SearchScope,
  aggs: Record<string, unknown>
): Promise<{ total: number; aggregations: T }> {
  const response = await client.search({
    index: scope.index,
    size: 0,
    track_total_hits: true,
    ignore_unavailable: true,
    allow_no_indices: true,
    query: { bool: { filter: scope.filter } },
    aggs: aggs as never,
  });
  const total =
    typeof response.hits.total === 'number'
      ? response.hits.total
      : (response.hits.total?.value ?? 0);
  return { total, aggregations: (response.aggregations ?? {}) as T };
}
