// The shape of a prebuilt KQL query: what it answers, the data it needs and, where a question
// is about "top" or "over time", how the app should break the hits down.
import type { SourceId } from '../constants';
import type { QueryMeasure } from './measure';

export type QueryGroup =
  | 'VPC traffic'
  | 'VPC security'
  | 'Load balancers (ALB)'
  | 'ALB connections (TLS, mTLS)'
  | 'TLS (NLB)'
  | 'Transit Gateway'
  | 'Data quality';

export interface QueryParam {
  name: string;
  label: string;
  /** What the value must be (checked by param_values.ts in the form and on the server). */
  kind: 'ip' | 'port' | 'text';
  /**
   * Used for the saved query in Kibana and as the app's initial value: a value of the sample
   * (dev/sample/generate.ts), so every query shows something on `npm start`'s data.
   */
  example: string;
  /** Shown under the field; defaults to a line per kind (public/components/query_params_form). */
  help?: string;
}

export interface Breakdown {
  /** Terms field to group hits by. */
  field: string;
  /** Sum this field per group instead of counting hits. */
  sum?: string;
  /** Optional second terms field (e.g. sender × destination port). */
  then?: string;
}

export interface PrebuiltQuery {
  id: string;
  title: string;
  description: string;
  group: QueryGroup;
  /** The data stream family it targets; 'all' for every source. */
  source: SourceId | 'all';
  /** KQL, with {{name}} placeholders for params. */
  kql: string;
  params?: QueryParam[];
  /** Fields the query relies on (shown in the app, checked against the mappings in tests). */
  fields: string[];
  breakdown?: Breakdown;
  /**
   * An "over time" answer. Its bins follow the time range as the overview's do (a minute over
   * the last hour, 15 minutes over a day); `sum` charts a field's total instead of the count.
   */
  histogram?: { sum?: string };
  /** What the card's number counts; matching documents with the source's noun when absent. */
  measure?: QueryMeasure;
}
