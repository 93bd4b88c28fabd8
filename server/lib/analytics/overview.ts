// Runs a source's overview as one search: a filter aggregation per KPI and per panel, with
// terms, date histograms, sums and percentiles beneath. Returns chart-ready series. A geo panel
// that comes back empty is told why by a second, small search (its public addresses counted):
// only then, so the common case pays for no address-range filter.
import type { SourceId } from '../../../common/constants';
import type {
  AnalyticsRequest,
  Bucket,
  Kpi,
  OverviewResponse,
  Percentiles,
  SeriesPoint,
} from '../../../common/api_types';
import type { OverviewPanelData } from '../../../common/queries/geo';
import { geoEmptyReason, publicAddressKql } from '../../../common/queries/geo';
import type { KpiSpec, PanelSpec } from './overview_specs';
import { OVERVIEW_SPECS } from './overview_specs';
import type { KqlToDsl, QueryLanguage, SearchClient } from './query_context';
import { searchAggs, searchScope } from './query_context';

type Agg = Record<string, unknown>;

interface AggResult {
  doc_count?: number;
  buckets?: AggBucket[];
  values?: Record<string, number | null>;
  [name: string]: unknown;
}

/** Reads a metric sub-aggregation (`{ value: n }`) as a number, 0 when absent. */
function metric(result: unknown): number {
  return Number((result as { value?: number | null } | undefined)?.value ?? 0);
}

interface AggBucket extends AggResult {
  key: string | number;
  key_as_string?: string;
  doc_count: number;
}

const TOP = 10;

function filterOf(kql: string | undefined, kqlToDsl: KqlToDsl): Agg {
  return kql ? kqlToDsl(kql) : { match_all: {} };
}

function kpiAgg(spec: KpiSpec, kqlToDsl: KqlToDsl): Agg {
  const sub =
    spec.metric === 'sum'
      ? { value: { sum: { field: spec.field } } }
      : spec.metric === 'cardinality'
        ? { value: { cardinality: { field: spec.field } } }
        : undefined;
  return { filter: filterOf(spec.kql, kqlToDsl), ...(sub ? { aggs: sub } : {}) };
}

function panelAgg(spec: PanelSpec, kqlToDsl: KqlToDsl, intervalMs: number): Agg {
  let inner: Agg;
  if (spec.kind === 'timeseries') {
    const metric = spec.sum ? { value: { sum: { field: spec.sum } } } : undefined;
    const split = spec.split
      ? { split: { terms: { field: spec.split, size: 8 }, ...(metric ? { aggs: metric } : {}) } }
      : metric;
    inner = {
      over_time: {
        date_histogram: {
          field: '@timestamp',
          fixed_interval: `${intervalMs}ms`,
          min_doc_count: 0,
        },
        ...(split ? { aggs: split } : {}),
      },
    };
  } else if (spec.kind === 'percentiles') {
    inner = {
      by: {
        terms: { field: spec.field, size: spec.size ?? TOP },
        aggs: { pct: { percentiles: { field: spec.metric, percents: [50, 95, 99] } } },
      },
    };
  } else {
    inner = {
      by: {
        terms: {
          field: spec.field,
          size: spec.size ?? TOP,
          ...(spec.sum ? { order: { value: 'desc' } } : {}),
        },
        ...(spec.sum ? { aggs: { value: { sum: { field: spec.sum } } } } : {}),
      },
    };
  }
  return { filter: filterOf(spec.kql, kqlToDsl), aggs: inner };
}

function toBuckets(result: AggResult | undefined): Bucket[] {
  return (result?.buckets ?? []).map((bucket) => ({
    key: String(bucket.key_as_string ?? bucket.key),
    count: bucket.doc_count,
    ...(bucket.value !== undefined
      ? { value: Number((bucket.value as AggResult).value ?? 0) }
      : {}),
  }));
}

function toPoints(
  result: AggResult | undefined,
  spec: PanelSpec & { kind: 'timeseries' }
): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (const bucket of result?.buckets ?? []) {
    const time = Number(bucket.key);
    if (spec.split) {
      for (const split of (bucket.split as AggResult | undefined)?.buckets ?? []) {
        const value = spec.sum ? metric(split.value) : split.doc_count;
        points.push({ time, series: String(split.key), value });
      }
    } else {
      const value = spec.sum ? metric(bucket.value) : bucket.doc_count;
      points.push({ time, series: spec.title, value });
    }
  }
  return points;
}

function toPercentiles(result: AggResult | undefined): Percentiles[] {
  return (result?.buckets ?? []).map((bucket) => {
    const values = (bucket.pct as AggResult).values ?? {};
    const at = (p: string) => (values[p] === undefined ? null : values[p]);
    return {
      key: String(bucket.key),
      count: bucket.doc_count,
      p50: at('50.0'),
      p95: at('95.0'),
      p99: at('99.0'),
    };
  });
}

export async function overview(
  client: SearchClient,
  source: SourceId,
  request: AnalyticsRequest,
  language: QueryLanguage,
  namespace = '*'
): Promise<OverviewResponse> {
  const { kqlToDsl } = language;
  const spec = OVERVIEW_SPECS[source];
  const scope = searchScope(source, request, language, namespace);
  const aggs: Record<string, Agg> = {};
  spec.kpis.forEach((kpi) => (aggs[`kpi_${kpi.id}`] = kpiAgg(kpi, kqlToDsl)));
  spec.panels.forEach(
    (panel) => (aggs[`panel_${panel.id}`] = panelAgg(panel, kqlToDsl, scope.intervalMs))
  );

  const { total, aggregations: results } = await searchAggs<Record<string, AggResult>>(
    client,
    scope,
    aggs
  );

  const kpis: Kpi[] = spec.kpis.map((kpi) => {
    const result = results[`kpi_${kpi.id}`];
    const value =
      kpi.metric === 'count'
        ? (result?.doc_count ?? 0)
        : Number((result?.value as AggResult | undefined)?.value ?? 0);
    return { id: kpi.id, label: kpi.label, value, unit: kpi.unit ?? 'count' };
  });
  const panels: OverviewPanelData[] = spec.panels.map((panel) => {
    const result = results[`panel_${panel.id}`];
    const base = { id: panel.id, title: panel.title, kind: panel.kind, baseKql: panel.kql };
    if (panel.kind === 'timeseries') {
      return {
        ...base,
        field: panel.split,
        valueField: panel.sum,
        fromMs: scope.fromMs,
        toMs: scope.toMs,
        intervalMs: scope.intervalMs,
        points: toPoints(result?.over_time as AggResult, panel),
      };
    }
    if (panel.kind === 'percentiles') {
      return {
        ...base,
        field: panel.field,
        valueField: panel.metric,
        percentiles: toPercentiles(result?.by as AggResult),
      };
    }
    const buckets = toBuckets(result?.by as AggResult);
    const data: OverviewPanelData = { ...base, field: panel.field, valueField: panel.sum, buckets };
    if (panel.geo) data.geo = { side: panel.geo };
    return data;
  });
  await explainEmptyGeoPanels(client, scope, spec.panels, panels, kqlToDsl);
  const { fromMs, toMs, intervalMs } = scope;
  return { source, total, kpis, panels, fromMs, toMs, intervalMs };
}

/**
 * For each geo panel without rows, counts the documents of its filter with a public address on
 * its side (one search for all of them): none means there is nothing to place; some means the
 * addresses were not located (geo disabled, or indexed before it).
 */
async function explainEmptyGeoPanels(
  client: SearchClient,
  scope: ReturnType<typeof searchScope>,
  specs: PanelSpec[],
  panels: OverviewPanelData[],
  kqlToDsl: KqlToDsl
): Promise<void> {
  const empty = specs.flatMap((spec, i) =>
    (spec.kind === 'bar' || spec.kind === 'table') &&
    spec.geo !== undefined &&
    (panels[i] as { buckets?: Bucket[] }).buckets?.length === 0
      ? [{ spec, side: spec.geo, panel: panels[i] }]
      : []
  );
  if (empty.length === 0) return;
  const aggs: Record<string, Agg> = {};
  for (const { spec, side } of empty) {
    aggs[`public_${spec.id}`] = {
      filter: filterOf(spec.kql, kqlToDsl),
      aggs: { public_docs: { filter: kqlToDsl(publicAddressKql(side)) } },
    };
  }
  const { aggregations } = await searchAggs<Record<string, AggResult>>(client, scope, aggs);
  for (const { spec, side, panel } of empty) {
    const counted = aggregations[`public_${spec.id}`]?.public_docs as AggResult | undefined;
    const publicDocs = counted?.doc_count ?? 0;
    panel.geo = { side, publicDocs, emptyReason: geoEmptyReason(0, publicDocs) };
  }
}
