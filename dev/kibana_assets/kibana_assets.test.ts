// The saved objects under assets/kibana, as the installer loads them: current with their specs,
// every reference resolvable, every KQL string parseable, every field one our templates map
// with a type its use needs, and dashboards laid out on Kibana's grid without overlaps.
import { SOURCE_DASHBOARDS } from '../../common/constants';
import { QUERY_CATALOG } from '../../common/queries';
import { parseKql } from '../../common/kql';
import type { KibanaSavedObject } from '../../server/lib/assets/load_kibana_assets';
import { loadKibanaAssets } from '../../server/lib/assets/load_kibana_assets';
import { mappedFieldTypes } from './mapped_fields';
import { buildKibanaSavedObjects } from './saved_objects';

const objects = loadKibanaAssets();
const types = mappedFieldTypes();
const byKey = new Map(objects.map((o) => [`${o.type}/${o.id}`, o]));
const NUMERIC = ['long', 'integer', 'short', 'byte', 'float', 'double', 'scaled_float'];

interface LensColumn {
  operationType: string;
  sourceField?: string;
  filter?: { query: string; language: string };
}
interface LensPanel {
  panelIndex: string;
  type: string;
  gridData: { x: number; y: number; w: number; h: number; i: string };
  embeddableConfig: {
    attributes: {
      title: string;
      references: { name: string; type: string; id: string }[];
      state: {
        query: { query: string; language: string };
        datasourceStates: {
          formBased: { layers: Record<string, { columns: Record<string, LensColumn> }> };
        };
      };
    };
  };
}

/** A by-value Kibana Maps panel (dev/kibana_assets/maps.ts). */
interface MapPanel {
  panelIndex: string;
  type: 'map';
  gridData: LensPanel['gridData'];
  embeddableConfig: { attributes: { title: string; layerListJSON: string } };
}
interface MapLayer {
  type: string;
  query?: { query: string; language: string };
  sourceDescriptor: {
    type: string;
    geoField?: string;
    indexPatternRefName?: string;
    indexPatternId?: string;
  };
}

const dashboards = objects.filter((o) => o.type === 'dashboard');
const panelsOf = (dashboard: KibanaSavedObject) =>
  JSON.parse(dashboard.attributes.panelsJSON as string) as (LensPanel | MapPanel)[];
const titleOf = (panel: LensPanel | MapPanel) => panel.embeddableConfig.attributes.title;
const allPanels = dashboards.flatMap((d) =>
  panelsOf(d)
    .filter((panel): panel is LensPanel => panel.type === 'lens')
    .map((panel) => ({ dashboard: d, panel }))
);
const mapPanels = dashboards.flatMap((d) =>
  panelsOf(d)
    .filter((panel): panel is MapPanel => panel.type === 'map')
    .map((panel) => ({
      dashboard: d,
      panel,
      layers: JSON.parse(panel.embeddableConfig.attributes.layerListJSON) as MapLayer[],
    }))
);

test('assets/kibana is current (regenerate with npx tsx dev/kibana_assets/generate.ts)', () => {
  const key = (o: KibanaSavedObject) => `${o.type}/${o.id}`;
  const sorted = (list: KibanaSavedObject[]) =>
    [...list].sort((a, b) => key(a).localeCompare(key(b)));
  expect(sorted(objects)).toEqual(sorted(buildKibanaSavedObjects(types)));
});

test('ids are unique and data views load before everything that refers to them', () => {
  expect(byKey.size).toBe(objects.length);
  const firstOther = objects.findIndex((o) => o.type !== 'index-pattern');
  expect(objects.slice(firstOther).some((o) => o.type === 'index-pattern')).toBe(false);
  expect(objects.filter((o) => o.type === 'index-pattern').map((o) => o.id)).toEqual(
    expect.arrayContaining([
      'netobs-all',
      'netobs-vpcflow',
      'netobs-tgwflow',
      'netobs-alb',
      'netobs-nlb',
      'netobs-alb_connection',
    ])
  );
});

test('every reference resolves to an object we ship', () => {
  for (const object of objects) {
    for (const reference of object.references) {
      expect([object.id, byKey.has(`${reference.type}/${reference.id}`)]).toEqual([
        object.id,
        true,
      ]);
    }
  }
});

test('saved searches point at their data view through indexRefName', () => {
  const searches = objects.filter((o) => o.type === 'search');
  expect(searches.length).toBeGreaterThanOrEqual(5);
  for (const search of searches) {
    const meta = search.attributes.kibanaSavedObjectMeta as { searchSourceJSON: string };
    const source = JSON.parse(meta.searchSourceJSON) as { indexRefName: string };
    expect(search.references.map((r) => r.name)).toContain(source.indexRefName);
  }
});

test('every catalog query has a saved query with its KQL rendered', () => {
  const queries = objects.filter((o) => o.type === 'query');
  expect(queries.map((q) => q.id).sort()).toEqual(
    QUERY_CATALOG.map((q) => `netobs-query-${q.id}`).sort()
  );
  const titles = queries.map((q) => q.attributes.title);
  expect(new Set(titles).size).toBe(titles.length);
  for (const query of queries) {
    const text = (query.attributes.query as { query: string }).query;
    expect(text).not.toMatch(/\{\{/);
  }
});

test('every KQL string parses', () => {
  const kql: [string, string][] = [];
  for (const object of objects) {
    if (object.type === 'query')
      kql.push([object.id, (object.attributes.query as { query: string }).query]);
    const meta = object.attributes.kibanaSavedObjectMeta as
      { searchSourceJSON: string } | undefined;
    if (meta) kql.push([object.id, JSON.parse(meta.searchSourceJSON).query.query]);
  }
  for (const { panel, layers } of mapPanels)
    for (const layer of layers) if (layer.query) kql.push([panel.panelIndex, layer.query.query]);
  for (const { panel } of allPanels) {
    const { state } = panel.embeddableConfig.attributes;
    kql.push([panel.panelIndex, state.query.query]);
    for (const layer of Object.values(state.datasourceStates.formBased.layers))
      for (const column of Object.values(layer.columns))
        if (column.filter) kql.push([panel.panelIndex, column.filter.query]);
  }
  expect(kql.length).toBeGreaterThan(100);
  for (const [where, text] of kql) {
    if (text.trim() === '') continue;
    expect(() => parseKql(text)).not.toThrow();
    expect(where).toBeTruthy();
  }
});

test('every field a saved search or Lens column uses is mapped with a fitting type', () => {
  const problems: string[] = [];
  for (const search of objects.filter((o) => o.type === 'search'))
    for (const column of search.attributes.columns as string[])
      if (!types.has(column)) problems.push(`${search.id}: ${column} is not mapped`);
  for (const { panel } of allPanels) {
    const layers = panel.embeddableConfig.attributes.state.datasourceStates.formBased.layers;
    for (const layer of Object.values(layers)) {
      for (const column of Object.values(layer.columns)) {
        if (!column.sourceField || column.operationType === 'count') continue;
        const type = types.get(column.sourceField);
        const where = `${panel.panelIndex} ${column.operationType}(${column.sourceField})`;
        if (!type) problems.push(`${where}: not mapped`);
        else if (['sum', 'average', 'percentile', 'median', 'max'].includes(column.operationType)) {
          if (!NUMERIC.includes(type)) problems.push(`${where}: ${type} is not numeric`);
        } else if (column.operationType === 'date_histogram') {
          if (type !== 'date') problems.push(`${where}: ${type} is not a date`);
        } else if (type === 'text') problems.push(`${where}: text is not aggregatable`);
      }
    }
  }
  expect(problems).toEqual([]);
});

test('every catalog query names fields our templates map, and breaks down by aggregatable ones', () => {
  const problems: string[] = [];
  for (const query of QUERY_CATALOG) {
    const { breakdown } = query;
    const grouped = [breakdown?.field, breakdown?.then].filter((f): f is string => Boolean(f));
    const summed = [breakdown?.sum, query.histogram?.sum].filter((f): f is string => Boolean(f));
    for (const field of [...query.fields, ...grouped, ...summed])
      if (!types.has(field)) problems.push(`${query.id}: ${field} is not mapped`);
    for (const field of grouped)
      if (types.get(field) === 'text') problems.push(`${query.id}: ${field} is text`);
    for (const field of summed)
      if (!NUMERIC.includes(types.get(field) ?? ''))
        problems.push(`${query.id}: sum of ${field} is not numeric`);
  }
  expect(problems).toEqual([]);
});

test('map panels draw a geo_point field of their data view and carry its reference', () => {
  expect(mapPanels.map(({ panel }) => titleOf(panel))).toContain(
    'Rejected inbound from the internet: where the senders are'
  );
  for (const { dashboard, panel, layers } of mapPanels) {
    const esLayers = layers.filter((l) => l.sourceDescriptor.type.startsWith('ES_'));
    expect(esLayers.length).toBeGreaterThan(0);
    for (const layer of esLayers) {
      const source = layer.sourceDescriptor;
      expect([source.geoField, types.get(source.geoField ?? '')]).toEqual([
        source.geoField,
        'geo_point',
      ]);
      // Maps' extractReferences form: a ref name, never a hard-coded id.
      expect(source.indexPatternId).toBeUndefined();
      const reference = dashboard.references.find(
        (r) => r.name === `${panel.panelIndex}:${source.indexPatternRefName}`
      );
      expect(reference?.type).toBe('index-pattern');
    }
    // Only the base map may need the Elastic Maps Service: no EMS boundaries (EMS_FILE).
    expect(
      layers.filter((l) => l.sourceDescriptor.type.startsWith('EMS_')).map((l) => l.type)
    ).toEqual(['EMS_VECTOR_TILE']);
  }
});

test('every Lens layer has its data view reference on the dashboard', () => {
  for (const { dashboard, panel } of allPanels) {
    expect(panel.type).toBe('lens');
    const attributes = panel.embeddableConfig.attributes;
    for (const layerId of Object.keys(attributes.state.datasourceStates.formBased.layers)) {
      const name = `indexpattern-datasource-layer-${layerId}`;
      const inner = attributes.references.find((r) => r.name === name);
      expect(inner).toBeDefined();
      expect(dashboard.references).toContainEqual({
        ...inner,
        name: `${panel.panelIndex}:${name}`,
      });
    }
  }
});

test('dashboards cover the questions the product promises, on a grid without overlaps', () => {
  expect(dashboards.map((d) => d.id).sort()).toEqual([
    'netobs-alb',
    'netobs-nlb-tls',
    'netobs-tgw',
    'netobs-vpc-security',
    'netobs-vpc-traffic',
  ]);
  for (const dashboard of dashboards) {
    const grid = panelsOf(dashboard).map((p) => p.gridData);
    expect(new Set(grid.map((g) => g.i)).size).toBe(grid.length);
    for (const [i, a] of grid.entries()) {
      expect(a.x + a.w).toBeLessThanOrEqual(48);
      for (const b of grid.slice(i + 1)) {
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect([a.i, b.i, overlap]).toEqual([a.i, b.i, false]);
      }
    }
  }
  const titles = dashboards.flatMap((d) => panelsOf(d).map(titleOf));
  for (const title of [
    'Top talkers by bytes',
    'Top rejected sources',
    'Top rejected destination ports',
    'Possible scanners: sources touching the most ports',
    'SSH/RDP accepted from the internet',
    'Reject reasons',
    'Top 404 paths',
    'Target latency percentiles (s)',
    'Handshake failures by reason',
    'Packets lost over time by cause',
    'Rejected inbound from the internet: top source countries',
    'Rejected inbound from the internet: top source networks (ASN)',
    'Accepted outbound bytes: top destination countries',
    'Accepted outbound bytes: top destination networks (ASN)',
    'Verify status over time',
    'TLS and verify failures by reason',
    'Client certificates expired or expiring within 30 days',
  ])
    expect(titles).toContain(title);
});

test('every dashboard the app links to is shipped', () => {
  for (const { id } of Object.values(SOURCE_DASHBOARDS).flat())
    expect([id, byKey.has(`dashboard/${id}`)]).toEqual([id, true]);
});

test("attributes stay within what Kibana's saved-object schemas accept", () => {
  // Dashboard: dashboard_saved_object/schema/v1/v1.ts declares unknowns: 'forbid'. Saved query:
  // data/server/saved_objects/schemas/query.ts (title, description, query, filters, timefilter).
  const allowed: Record<string, string[]> = {
    dashboard: [
      'title',
      'description',
      'kibanaSavedObjectMeta',
      'timeRestore',
      'timeFrom',
      'timeTo',
      'refreshInterval',
      'controlGroupInput',
      'panelsJSON',
      'optionsJSON',
      'hits',
      'version',
    ],
    query: ['title', 'description', 'query', 'filters', 'timefilter'],
  };
  for (const object of objects.filter((o) => o.type in allowed)) {
    const extra = Object.keys(object.attributes).filter(
      (key) => !allowed[object.type].includes(key)
    );
    expect([object.id, extra]).toEqual([object.id, []]);
  }
});
