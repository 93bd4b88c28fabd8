// The dashboards' Lens panels, run on real Elasticsearch: the hand-checked golden documents of
// every source are indexed into their data streams (so our templates map them), then each
// panel's layer is turned into the aggregation Lens would send and run against the data view's
// pattern. Every field must be aggregatable with the type its column needs, every aggregation
// must succeed, and the panels must show the golden data (a few figures are checked against
// counts computed here from the documents themselves).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { estypes } from '@elastic/elasticsearch';
import { kqlToDsl } from '../../common/kql';
import { loadKibanaAssets } from '../../server/lib/assets/load_kibana_assets';
import { installEsAssets } from '../../server/lib/installer/es_assets';
import { testClient } from '../support/es_env';

const client = testClient();
// A namespace of its own per run: the local build has no API to delete a data stream.
const NAMESPACE = `dashboards${Date.now().toString(36)}`;
const GOLDEN = path.resolve(__dirname, '..', 'pipelines');

type Doc = Record<string, unknown>;

interface Column {
  operationType: string;
  sourceField?: string;
  params?: { size?: number; percentile?: number };
  filter?: { query: string };
  label: string;
}
interface Panel {
  type: string;
  panelIndex: string;
  embeddableConfig: {
    attributes: {
      title: string;
      references: { id: string }[];
      state: {
        query: { query: string };
        datasourceStates: {
          formBased: {
            layers: Record<string, { columns: Record<string, Column>; columnOrder: string[] }>;
          };
        };
      };
    };
  };
}

const objects = loadKibanaAssets();
const dataViews = new Map(
  objects.filter((o) => o.type === 'index-pattern').map((o) => [o.id, String(o.attributes.title)])
);
const panels = objects
  .filter((o) => o.type === 'dashboard')
  .flatMap((d) =>
    (JSON.parse(String(d.attributes.panelsJSON)) as Panel[])
      // Maps panels hold no Lens layers; their layers are checked in dev/kibana_assets.
      .filter((p) => p.type === 'lens')
      .map((p) => ({ dashboard: d.id, panel: p }))
  );

const goldenBySource = new Map<string, Doc[]>(
  readdirSync(GOLDEN, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => [
      entry.name,
      readdirSync(path.join(GOLDEN, entry.name))
        .filter((file) => file.endsWith('.expected.json'))
        .flatMap(
          (file) => JSON.parse(readFileSync(path.join(GOLDEN, entry.name, file), 'utf8')) as Doc[]
        ),
    ])
);

/** The pattern a panel's data view selects, narrowed to this test's namespace. */
function panelIndex(panel: Panel): string {
  const title = dataViews.get(panel.embeddableConfig.attributes.references[0].id);
  if (!title) throw new Error(`panel ${panel.panelIndex} has no data view`);
  return title.replace(/-\*$/, `-${NAMESPACE}`);
}

const kqlQuery = (kql: string | undefined): estypes.QueryDslQueryContainer =>
  kql && kql.trim() ? (kqlToDsl(kql) as estypes.QueryDslQueryContainer) : { match_all: {} };

/** A metric column: a filter (the column's own KQL, or all) with the metric beneath, if any. */
function metricAgg(column: Column): estypes.AggregationsAggregationContainer {
  const field = column.sourceField as string;
  const inner: estypes.AggregationsAggregationContainer | undefined =
    column.operationType === 'sum'
      ? { sum: { field } }
      : column.operationType === 'unique_count'
        ? { cardinality: { field } }
        : column.operationType === 'percentile'
          ? { percentiles: { field, percents: [column.params?.percentile ?? 50] } }
          : column.operationType === 'average'
            ? { avg: { field } }
            : undefined;
  if (column.operationType !== 'count' && !inner)
    throw new Error(`no aggregation for ${column.operationType}`);
  const filter = kqlQuery(column.filter?.query);
  return { filter, ...(inner ? { aggs: { value: inner } } : {}) };
}

/** The aggregation tree Lens builds for a layer: bucket columns nested in order, metrics last. */
function layerAggs(layer: { columns: Record<string, Column>; columnOrder: string[] }) {
  const buckets = layer.columnOrder
    .map((id) => layer.columns[id])
    .filter((c) => c.operationType === 'terms' || c.operationType === 'date_histogram');
  const metrics = layer.columnOrder.filter((id) => !buckets.includes(layer.columns[id]));
  const leaf: Record<string, estypes.AggregationsAggregationContainer> = Object.fromEntries(
    metrics.map((id) => [id, metricAgg(layer.columns[id])])
  );
  let aggs = leaf;
  for (const column of [...buckets].reverse()) {
    const bucket: estypes.AggregationsAggregationContainer =
      column.operationType === 'terms'
        ? { terms: { field: column.sourceField as string, size: column.params?.size ?? 10 } }
        : { date_histogram: { field: column.sourceField as string, calendar_interval: 'day' } };
    aggs = { bucket: { ...bucket, aggs } };
  }
  return { aggs, bucketed: buckets.length > 0 };
}

beforeAll(async () => {
  await installEsAssets(client);
  for (const [source, docs] of goldenBySource) {
    const index = `logs-netobs.${source}-${NAMESPACE}`;
    const bulk = await client.bulk({
      operations: docs.flatMap((doc) => [{ create: { _index: index, pipeline: '_none' } }, doc]),
      refresh: 'wait_for',
    });
    expect(bulk.items.filter((item) => item.create?.error)).toEqual([]);
  }
});
afterAll(() => client.close());

test('every panel field is aggregatable in the real mappings with the type its column needs', async () => {
  const problems: string[] = [];
  for (const { panel } of panels) {
    const layer = Object.values(
      panel.embeddableConfig.attributes.state.datasourceStates.formBased.layers
    )[0];
    const columns = Object.values(layer.columns).filter((c) => c.operationType !== 'count');
    if (columns.length === 0) continue;
    const caps = await client.fieldCaps({
      index: panelIndex(panel),
      fields: columns.map((c) => c.sourceField as string),
    });
    for (const column of columns) {
      const field = column.sourceField as string;
      const types = Object.entries(caps.fields[field] ?? {});
      const title = `${panel.embeddableConfig.attributes.title}: ${column.operationType}(${field})`;
      if (types.length !== 1) {
        problems.push(`${title} has mapping types ${types.map(([t]) => t).join(',') || 'none'}`);
        continue;
      }
      const [type, cap] = types[0];
      if (!cap.aggregatable) problems.push(`${title} is not aggregatable`);
      const numeric = ['long', 'integer', 'float', 'double', 'scaled_float', 'short'].includes(
        type
      );
      if (['sum', 'percentile', 'average'].includes(column.operationType) && !numeric)
        problems.push(`${title} is ${type}`);
      if (column.operationType === 'date_histogram' && type !== 'date')
        problems.push(`${title} is ${type}`);
    }
  }
  expect(problems).toEqual([]);
});

async function runPanel(panel: Panel) {
  const { state } = panel.embeddableConfig.attributes;
  const layer = Object.values(state.datasourceStates.formBased.layers)[0];
  const { aggs, bucketed } = layerAggs(layer);
  const response = await client.search({
    index: panelIndex(panel),
    size: 0,
    track_total_hits: true,
    query: kqlQuery(state.query.query),
    aggs,
  });
  const hits = (response.hits.total as estypes.SearchTotalHits).value;
  const aggregations = response.aggregations as Record<string, { buckets?: unknown[] }> | undefined;
  const buckets = bucketed ? (aggregations?.bucket.buckets ?? []) : [];
  return { hits, buckets, bucketed, aggregations };
}

test('every panel aggregation runs, and every panel the golden data answers draws it', async () => {
  const empty: string[] = [];
  for (const { panel } of panels) {
    const { hits, buckets, bucketed } = await runPanel(panel);
    const title = panel.embeddableConfig.attributes.title;
    // A panel whose query matches documents must draw something.
    if (hits > 0 && bucketed) expect([title, buckets.length > 0]).toEqual([title, true]);
    if (hits === 0) empty.push(title);
  }
  // The golden inputs have no SSH, RDP or database flow accepted from the internet.
  expect(empty.sort()).toEqual([
    'Accepted SSH/RDP from the internet',
    'Accepted database ports from the internet',
    'SSH/RDP accepted from the internet',
  ]);
});

test('panel figures equal counts taken from the golden documents themselves', async () => {
  const vpc = goldenBySource.get('vpcflow') ?? [];
  const action = (d: Doc) => (d.event as { action?: string } | undefined)?.action;
  const rejected = vpc.filter((d) => action(d) === 'reject');
  const find = (title: string) => {
    const found = panels.find(({ panel }) => panel.embeddableConfig.attributes.title === title);
    if (!found) throw new Error(`no panel ${title}`);
    return found.panel;
  };

  const rejectedMetric = await runPanel(find('Rejected flows'));
  const value = rejectedMetric.aggregations as unknown as Record<string, { doc_count: number }>;
  expect(value.metric.doc_count).toBe(rejected.length);
  expect(rejected.length).toBeGreaterThan(2);

  const ports = new Map<number, number>();
  for (const d of rejected) {
    const port = (d.destination as { port?: number } | undefined)?.port;
    if (port !== undefined) ports.set(port, (ports.get(port) ?? 0) + 1);
  }
  const { buckets } = await runPanel(find('Top rejected destination ports'));
  expect(
    (buckets as { key: number; doc_count: number }[]).map((b) => [b.key, b.doc_count]).sort()
  ).toEqual([...ports.entries()].sort());

  const alb = goldenBySource.get('alb') ?? [];
  const status = (d: Doc) =>
    (d.http as { response?: { status_code?: number } } | undefined)?.response?.status_code ?? 0;
  const fiveHundreds = await runPanel(find('5xx responses'));
  const fiveValue = fiveHundreds.aggregations as unknown as Record<string, { doc_count: number }>;
  expect(fiveValue.metric.doc_count).toBe(alb.filter((d) => status(d) >= 500).length);
});
