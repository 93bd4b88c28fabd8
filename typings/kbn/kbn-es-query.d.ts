/*
 * Minimal type mirror of `@kbn/es-query` (Kibana 8.19 / 9.x).
 *
 * Mirrors (elastic/kibana; 8.x path: packages/kbn-es-query/...):
 *   - src/platform/packages/shared/kbn-es-query/src/kuery/ast/ast.ts            (fromKueryExpression, toElasticsearchQuery)
 *   - src/platform/packages/shared/kbn-es-query/src/kuery/types.ts              (KueryNode, KueryParseOptions, KueryQueryOptions, KqlContext)
 *   - src/platform/packages/shared/kbn-es-query/src/es_query/build_es_query.ts  (buildEsQuery, EsQueryConfig)
 *   - src/platform/packages/shared/kbn-es-query/src/es_query/from_filters.ts    (EsQueryFiltersConfig)
 *   - src/platform/packages/shared/kbn-es-query/src/es_query/types.ts           (DataViewBase, DataViewFieldBase, BoolQuery)
 *   - src/platform/packages/shared/kbn-es-query/src/filters/build_filters/types.ts (Filter, FilterMeta, Query, AggregateQuery)
 *   - src/platform/packages/shared/kbn-es-query/src/filters/helpers/types.ts    (TimeRange)
 *   - src/platform/packages/shared/kbn-es-query-constants (FilterStateStore)
 *
 * `fromKueryExpression` and `buildEsQuery` THROW on malformed KQL (KQLSyntaxError) — catch and map to 400.
 * Requires (types only): `@elastic/elasticsearch` (estypes).
 */
declare module '@kbn/es-query' {
  import type { estypes } from '@elastic/elasticsearch';

  /** from @kbn/utility-types */
  type JsonValue = null | boolean | number | string | JsonObject | JsonArray;
  interface JsonArray extends Array<JsonValue> {}
  interface JsonObject {
    [key: string]: JsonValue;
  }
  type Serializable =
    string | number | boolean | null | undefined | Serializable[] | { [key: string]: Serializable };

  // --- data view base --------------------------------------------------------

  export type DataViewFieldBase = {
    name: string;
    /** Kibana field type */
    type: string;
    subType?: { multi?: { parent: string }; nested?: { path: string } };
    script?: string;
    lang?: estypes.ScriptLanguage;
    scripted?: boolean;
    esTypes?: string[];
  };

  export interface DataViewBaseNoFields {
    id?: string;
    title: string;
  }

  export interface DataViewBase extends DataViewBaseNoFields {
    fields: DataViewFieldBase[];
  }

  export interface BoolQuery {
    must: estypes.QueryDslQueryContainer[];
    must_not: estypes.QueryDslQueryContainer[];
    filter: estypes.QueryDslQueryContainer[];
    should: estypes.QueryDslQueryContainer[];
  }

  // --- query / filter --------------------------------------------------------

  export type Query = {
    query: string | { [key: string]: any };
    /** 'kuery' | 'lucene' */
    language: string;
  };

  export type AggregateQuery = {
    esql: string;
  };

  export enum FilterStateStore {
    APP_STATE = 'appState',
    GLOBAL_STATE = 'globalState',
  }

  export type FilterMeta = {
    alias?: string | null;
    disabled?: boolean;
    negate?: boolean;
    controlledBy?: string;
    group?: string;
    index?: string;
    isMultiIndex?: boolean;
    type?: string;
    key?: string;
    params?: any;
    value?: any;
  };

  export type Filter = {
    $state?: { store: FilterStateStore };
    meta: FilterMeta;
    query?: Record<string, any>;
  };

  export type TimeRange = {
    from: string;
    to: string;
    mode?: 'absolute' | 'relative';
  };

  // --- KQL -------------------------------------------------------------------

  export type KqlNodeType = 'function' | 'literal' | 'wildcard';

  export interface KueryNode {
    type: KqlNodeType;
    [key: string]: any;
  }

  export type DslQuery = estypes.QueryDslQueryContainer;

  export interface KueryParseOptions {
    helpers: { [key: string]: Serializable };
    startRule: string;
    allowLeadingWildcards: boolean;
    cursorSymbol?: string;
    parseCursor?: boolean;
  }

  export interface KueryQueryOptions {
    filtersInMustClause?: boolean;
    dateFormatTZ?: string;
    nestedIgnoreUnmapped?: boolean;
    caseInsensitive?: boolean;
  }

  export interface KqlContext {
    nested?: { path: string };
  }

  /** @throws KQLSyntaxError on malformed input */
  export const fromKueryExpression: (
    expression: string | NonNullable<estypes.QueryDslQueryContainer>,
    parseOptions?: Partial<KueryParseOptions>
  ) => KueryNode;

  export const toElasticsearchQuery: (
    node: KueryNode,
    indexPattern?: DataViewBase,
    config?: KueryQueryOptions,
    context?: KqlContext
  ) => JsonObject;

  // --- buildEsQuery ------------------------------------------------------------

  export interface EsQueryFiltersConfig {
    ignoreFilterIfFieldNotInIndex?: boolean;
    nestedIgnoreUnmapped?: boolean;
  }

  export type EsQueryConfig = KueryQueryOptions &
    EsQueryFiltersConfig & {
      allowLeadingWildcards?: boolean;
      queryStringOptions?: { [key: string]: Serializable };
    };

  /** @throws on malformed user queries */
  export function buildEsQuery(
    indexPattern: DataViewBase | DataViewBase[] | undefined,
    queries: Query | AggregateQuery | Array<Query | AggregateQuery>,
    filters: Filter | Filter[],
    config?: EsQueryConfig
  ): { bool: BoolQuery };

  export {};
}
