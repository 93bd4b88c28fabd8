// What the number on a query's card counts, so it reads as the answer to the query's question:
// documents with their source's noun ("1,204 flows", "310 requests", "42 connections"), or, for
// "top" and "which" questions, the distinct values of the field asked about ("12 sources",
// "1 target") with the documents behind them second. "Top talkers" never reads "2,350 hits".
import type { QueryCountResponse } from '../api_types';
import type { SourceId } from '../constants';
import type { PrebuiltQuery } from './types';

export const NOUNS = {
  flow: ['flow', 'flows'],
  request: ['request', 'requests'],
  connection: ['connection', 'connections'],
  line: ['line', 'lines'],
  interval: ['interval', 'intervals'],
  source: ['source', 'sources'],
  sender: ['sender', 'senders'],
  target: ['target', 'targets'],
  attachment: ['attachment', 'attachments'],
} as const satisfies Record<string, readonly [one: string, other: string]>;

export type Noun = keyof typeof NOUNS;

export type QueryMeasure =
  /** Matching documents; `noun` says what one is (a flow log record is a flow). */
  | { kind: 'documents'; noun: Noun }
  /** Distinct values of `field` among the matching documents (a cardinality aggregation). */
  | { kind: 'distinct'; field: string; noun: Noun };

/** What one document of a source is. Data-quality queries span sources: a document is a line. */
export const SOURCE_NOUNS: Record<SourceId | 'all', Noun> = {
  vpcflow: 'flow',
  tgwflow: 'flow',
  alb: 'request',
  nlb: 'connection',
  alb_connection: 'connection',
  all: 'line',
};

/** The count's answer: the server's response plus, for distinct measures, the distinct count. */
export interface QueryCountAnswer extends QueryCountResponse {
  /** Distinct values of the measure's field (approximate past a few thousand, as cardinality is). */
  distinct?: number;
}

export function queryMeasure(query: PrebuiltQuery): QueryMeasure {
  return query.measure ?? { kind: 'documents', noun: SOURCE_NOUNS[query.source] };
}

export function nounFor(noun: Noun, count: number): string {
  return NOUNS[noun][count === 1 ? 0 : 1];
}

export interface CountHeadline {
  /** The number shown large, with its noun. */
  value: number;
  noun: string;
  /** For distinct measures: the matching documents, with the source's noun. */
  documents?: { value: number; noun: string };
}

/**
 * The number a card shows for an answer. A distinct measure the server did not compute (an
 * older server) falls back to the documents, with their noun, rather than mislabel them.
 */
export function countHeadline(query: PrebuiltQuery, answer: QueryCountAnswer): CountHeadline {
  const measure = queryMeasure(query);
  const documentNoun = measure.kind === 'documents' ? measure.noun : SOURCE_NOUNS[query.source];
  const documents = { value: answer.count, noun: nounFor(documentNoun, answer.count) };
  if (measure.kind === 'distinct' && answer.distinct !== undefined) {
    return { value: answer.distinct, noun: nounFor(measure.noun, answer.distinct), documents };
  }
  return documents;
}
