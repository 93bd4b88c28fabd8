/*
 * Minimal type mirror of `@kbn/discover-plugin/common` (Kibana 8.19 / 9.x) — Discover app locator.
 *
 * Mirrors (elastic/kibana; 8.x path: src/plugins/discover/common/...):
 *   - src/platform/plugins/shared/discover/common/index.ts        (re-exports DISCOVER_APP_LOCATOR + types)
 *   - src/platform/plugins/shared/discover/common/app_locator.ts  (DISCOVER_APP_LOCATOR, DiscoverAppLocatorParams)
 *
 * Prefer a TYPE-ONLY import (`import type { DiscoverAppLocatorParams } ...`) and the literal id
 * 'DISCOVER_APP_LOCATOR' at runtime: a value import of the constant makes the bundle depend on the
 * discover plugin's shared bundle (would need `requiredBundles: ["discover"]`).
 */
declare module '@kbn/discover-plugin/common' {
  import type { AggregateQuery, Filter, Query, TimeRange } from '@kbn/es-query';

  /** from @kbn/utility-types */
  type Serializable =
    string | number | boolean | null | undefined | Serializable[] | SerializableRecord;
  interface SerializableRecord {
    [key: string]: Serializable;
  }

  export const DISCOVER_APP_LOCATOR: 'DISCOVER_APP_LOCATOR';

  export interface DiscoverAppLocatorParams extends SerializableRecord {
    savedSearchId?: string;
    /** Data view id (saved data view). */
    dataViewId?: string;
    /** @deprecated duplicate of dataViewId */
    indexPatternId?: string;
    timeRange?: TimeRange;
    refreshInterval?: { pause: boolean; value: number };
    filters?: Filter[];
    /** e.g. `{ language: 'kuery', query: 'source.ip : "10.0.0.1"' }` */
    query?: Query | AggregateQuery;
    useHash?: boolean;
    columns?: string[];
    interval?: string;
    /** [[field, direction], ...] */
    sort?: string[][];
    savedQuery?: string;
    breakdownField?: string;
    hideChart?: boolean;
    sampleSize?: number;
  }

  export {};
}
