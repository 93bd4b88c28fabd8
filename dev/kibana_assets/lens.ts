// Builds Lens visualisations as dashboard panels stored by value (the form Kibana's own sample
// data and Fleet packages ship): a compact spec in, the `lens` embeddable state out, with the
// data view reference Lens expects per layer. Only the Lens shapes we use are modelled.

/** A Lens metric column: what each bucket (or the whole panel) shows. */
export type Metric =
  | { op: 'count'; label: string; kql?: string }
  | {
      op: 'sum' | 'unique_count' | 'average' | 'max' | 'median';
      field: string;
      label: string;
      kql?: string;
    }
  | { op: 'percentile'; field: string; percentile: number; label: string; kql?: string };

export type Visual =
  /** A single number. */
  | { kind: 'metric'; metric: Metric }
  /** A date histogram on @timestamp, one series per metric or per value of `split`. */
  | {
      kind: 'timeseries';
      metrics: Metric[];
      split?: string;
      splitSize?: number;
      series?: 'bar_stacked' | 'line' | 'area_stacked';
    }
  /** Horizontal bars: the top values of `field` by `metric`. */
  | { kind: 'top'; field: string; size?: number; metric: Metric }
  /** A table: top rows of `rows` (nested in order), ordered by the first metric. */
  | { kind: 'table'; rows: string[]; size?: number; metrics: Metric[] }
  /** A donut of the top values of `field`. */
  | { kind: 'donut'; field: string; size?: number; metric: Metric };

export interface LensPanelSpec {
  title: string;
  /** Id of the data view the panel reads. */
  dataView: string;
  /** KQL every document of the panel matches. */
  kql?: string;
  visual: Visual;
  /** Width in Kibana's 48-column dashboard grid, and height in rows. */
  w: number;
  h: number;
}

type Column = Record<string, unknown>;

interface Layer {
  columns: Record<string, Column>;
  columnOrder: string[];
}

const TIME_FIELD = '@timestamp';

/** Lens data type of a field from its Elasticsearch mapping type. */
function dataType(field: string, types: Map<string, string>): string {
  const type = types.get(field);
  if (type === undefined) throw new Error(`field ${field} is not mapped by our templates`);
  if (type === 'ip') return 'ip';
  if (type === 'date') return 'date';
  if (type === 'boolean') return 'boolean';
  if (['long', 'integer', 'short', 'byte', 'float', 'double', 'scaled_float'].includes(type))
    return 'number';
  return 'string';
}

function metricColumn(metric: Metric): Column {
  const base: Column = {
    label: metric.label,
    customLabel: true,
    dataType: 'number',
    operationType: metric.op,
    isBucketed: false,
    scale: 'ratio',
    ...(metric.kql ? { filter: { query: metric.kql, language: 'kuery' } } : {}),
  };
  if (metric.op === 'count') return { ...base, sourceField: '___records___', params: {} };
  if (metric.op === 'percentile')
    return { ...base, sourceField: metric.field, params: { percentile: metric.percentile } };
  return { ...base, sourceField: metric.field, params: { emptyAsNull: true } };
}

function termsColumn(
  field: string,
  size: number,
  orderBy: string,
  types: Map<string, string>
): Column {
  return {
    label: `Top ${size} values of ${field}`,
    dataType: dataType(field, types),
    operationType: 'terms',
    sourceField: field,
    isBucketed: true,
    scale: 'ordinal',
    params: {
      size,
      orderBy: { type: 'column', columnId: orderBy },
      orderDirection: 'desc',
      otherBucket: false,
      missingBucket: false,
      parentFormat: { id: 'terms' },
    },
  };
}

const DATE_HISTOGRAM: Column = {
  label: TIME_FIELD,
  dataType: 'date',
  operationType: 'date_histogram',
  sourceField: TIME_FIELD,
  isBucketed: true,
  scale: 'interval',
  params: { interval: 'auto', includeEmptyRows: true, dropPartials: false },
};

/** The layer's columns and the visualisation state that displays them. */
function buildLayer(
  layerId: string,
  visual: Visual,
  types: Map<string, string>
): { layer: Layer; visualizationType: string; visualization: Record<string, unknown> } {
  const columns: Record<string, Column> = {};
  const add = (id: string, column: Column) => {
    columns[id] = column;
    return id;
  };
  const layerBase = { layerId, layerType: 'data' };

  switch (visual.kind) {
    case 'metric': {
      const metric = add('metric', metricColumn(visual.metric));
      return {
        layer: { columns, columnOrder: [metric] },
        visualizationType: 'lnsMetric',
        visualization: { ...layerBase, metricAccessor: metric },
      };
    }
    case 'timeseries': {
      const x = add('time', DATE_HISTOGRAM);
      const accessors = visual.metrics.map((m, i) => add(`metric${i}`, metricColumn(m)));
      const split = visual.split
        ? add('split', termsColumn(visual.split, visual.splitSize ?? 5, accessors[0], types))
        : undefined;
      const series = visual.series ?? 'bar_stacked';
      return {
        // Terms before the histogram: Lens nests the date histogram inside the split.
        layer: { columns, columnOrder: [...(split ? [split] : []), x, ...accessors] },
        visualizationType: 'lnsXY',
        visualization: {
          legend: { isVisible: true, position: 'right' },
          valueLabels: 'hide',
          fittingFunction: 'None',
          preferredSeriesType: series,
          layers: [
            {
              ...layerBase,
              seriesType: series,
              xAccessor: x,
              accessors,
              ...(split ? { splitAccessor: split } : {}),
            },
          ],
        },
      };
    }
    case 'top': {
      const metric = metricColumn(visual.metric);
      const y = add('terms', termsColumn(visual.field, visual.size ?? 10, 'metric', types));
      add('metric', metric);
      return {
        layer: { columns, columnOrder: [y, 'metric'] },
        visualizationType: 'lnsXY',
        visualization: {
          legend: { isVisible: false, position: 'right' },
          valueLabels: 'show',
          preferredSeriesType: 'bar_horizontal',
          layers: [
            { ...layerBase, seriesType: 'bar_horizontal', xAccessor: y, accessors: ['metric'] },
          ],
        },
      };
    }
    case 'table': {
      const metrics = visual.metrics.map((_, i) => `metric${i}`);
      const rows = visual.rows.map((field, i) =>
        add(`row${i}`, termsColumn(field, visual.size ?? 10, metrics[0], types))
      );
      visual.metrics.forEach((m, i) => add(metrics[i], metricColumn(m)));
      const order = [...rows, ...metrics];
      return {
        layer: { columns, columnOrder: order },
        visualizationType: 'lnsDatatable',
        visualization: {
          ...layerBase,
          columns: order.map((columnId) => ({ columnId, isTransposed: false })),
        },
      };
    }
    case 'donut': {
      const group = add('terms', termsColumn(visual.field, visual.size ?? 6, 'metric', types));
      add('metric', metricColumn(visual.metric));
      return {
        layer: { columns, columnOrder: [group, 'metric'] },
        visualizationType: 'lnsPie',
        visualization: {
          shape: 'donut',
          layers: [
            {
              ...layerBase,
              primaryGroups: [group],
              metrics: ['metric'],
              numberDisplay: 'percent',
              categoryDisplay: 'default',
              legendDisplay: 'default',
              nestedLegend: false,
            },
          ],
        },
      };
    }
  }
}

export interface LensPanel {
  /** The panelsJSON entry. */
  panel: Record<string, unknown>;
  /** References the dashboard saved object must carry for this panel. */
  references: { name: string; type: string; id: string }[];
}

/** One by-value Lens panel at a grid position. */
export function lensPanel(
  spec: LensPanelSpec,
  panelIndex: string,
  grid: { x: number; y: number },
  types: Map<string, string>
): LensPanel {
  const layerId = `${panelIndex}-layer`;
  const { layer, visualizationType, visualization } = buildLayer(layerId, spec.visual, types);
  const reference = {
    type: 'index-pattern',
    id: spec.dataView,
    name: `indexpattern-datasource-layer-${layerId}`,
  };
  return {
    panel: {
      version: '8.11.0',
      type: 'lens',
      gridData: { x: grid.x, y: grid.y, w: spec.w, h: spec.h, i: panelIndex },
      panelIndex,
      embeddableConfig: {
        attributes: {
          title: spec.title,
          description: '',
          visualizationType,
          type: 'lens',
          references: [reference],
          state: {
            visualization,
            query: { query: spec.kql ?? '', language: 'kuery' },
            filters: [],
            datasourceStates: {
              formBased: { layers: { [layerId]: { ...layer, incompleteColumns: {} } } },
            },
            internalReferences: [],
            adHocDataViews: {},
          },
        },
        enhancements: {},
      },
      title: spec.title,
    },
    references: [{ ...reference, name: `${panelIndex}:${reference.name}` }],
  };
}
