// Builds Kibana Maps panels stored by value on a dashboard: where a geo_point field's documents
// are, drawn as a heatmap of an Elasticsearch geo grid aggregation. Only the Maps shapes we use
// are modelled; they follow x-pack/platform/plugins/shared/maps (common/constants.ts for
// LAYER_TYPE, SOURCE_TYPES, RENDER_AS and GRID_RESOLUTION; common/descriptor_types for the
// layer and source descriptors; common/migrations/references.ts for the reference names).
//
// Why a grid heatmap and not a choropleth of countries: country boundaries come from the
// Elastic Maps Service, a web service. Without internet access (or with map.includeElasticMapsService
// off) a choropleth draws nothing at all, while the grid layer is computed by Elasticsearch from
// our own data and still draws; only the base map behind it is missing (see
// docs/kibana-compatibility.md). The countries themselves are in the "top countries" tables.

export interface MapPanelSpec {
  kind: 'map';
  title: string;
  /** Id of the data view the layer reads. */
  dataView: string;
  /** The geo_point field the grid aggregates. */
  geoField: string;
  /** KQL every document of the layer matches. */
  kql?: string;
  /** The layer's name in the map's legend. */
  layerLabel: string;
  w: number;
  h: number;
}

export interface MapPanel {
  panel: Record<string, unknown>;
  references: { name: string; type: string; id: string }[];
}

/** The reference name Maps gives a layer's data view (references.ts, extractReferences). */
export function mapLayerRefName(layerIndex: number): string {
  return `layer_${layerIndex}_source_index_pattern`;
}

/** One by-value map panel at a grid position: an EMS base map and the heatmap layer. */
export function mapPanel(
  spec: MapPanelSpec,
  panelIndex: string,
  grid: { x: number; y: number }
): MapPanel {
  const dataLayerIndex = 1;
  const refName = mapLayerRefName(dataLayerIndex);
  const layers = [
    {
      // Elastic Maps Service base map: needs internet access, the only layer that does.
      id: `${panelIndex}-basemap`,
      label: null,
      minZoom: 0,
      maxZoom: 24,
      alpha: 1,
      visible: true,
      includeInFitToBounds: true,
      type: 'EMS_VECTOR_TILE',
      sourceDescriptor: { type: 'EMS_TMS', isAutoSelect: true },
      style: { type: 'TILE' },
    },
    {
      id: `${panelIndex}-grid`,
      label: spec.layerLabel,
      minZoom: 0,
      maxZoom: 24,
      alpha: 0.75,
      visible: true,
      includeInFitToBounds: true,
      type: 'HEATMAP',
      query: { query: spec.kql ?? '', language: 'kuery' },
      sourceDescriptor: {
        type: 'ES_GEO_GRID',
        id: `${panelIndex}-grid-source`,
        geoField: spec.geoField,
        requestType: 'heatmap',
        resolution: 'COARSE',
        metrics: [{ type: 'count' }],
        applyGlobalQuery: true,
        applyGlobalTime: true,
        applyForceRefresh: true,
        indexPatternRefName: refName,
      },
      style: { type: 'HEATMAP', colorRampName: 'theclassic' },
    },
  ];
  const reference = { name: refName, type: 'index-pattern', id: spec.dataView };
  return {
    panel: {
      version: '8.11.0',
      type: 'map',
      gridData: { x: grid.x, y: grid.y, w: spec.w, h: spec.h, i: panelIndex },
      panelIndex,
      embeddableConfig: {
        attributes: {
          title: spec.title,
          description: '',
          layerListJSON: JSON.stringify(layers),
          mapStateJSON: JSON.stringify({
            zoom: 1,
            center: { lon: 0, lat: 20 },
            query: { query: '', language: 'kuery' },
            filters: [],
            settings: { autoFitToDataBounds: false, initialLocation: 'LAST_SAVED_LOCATION' },
          }),
          uiStateJSON: JSON.stringify({ isLayerTOCOpen: true, openTOCDetails: [] }),
        },
        mapCenter: { lat: 20, lon: 0, zoom: 1 },
        isLayerTOCOpen: true,
        enhancements: {},
      },
      title: spec.title,
    },
    // The dashboard prefixes each panel's references with its panelIndex, as for Lens.
    references: [{ ...reference, name: `${panelIndex}:${refName}` }],
  };
}
