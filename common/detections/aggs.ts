// Reading aggregation answers in the interpreters: buckets, metric values, sub-aggregations,
// with absent parts read as empty (a source with no data answers without buckets).
import type { AggBucket, AggResult } from './types';

export function sub(holder: unknown, name: string): AggResult {
  const value = (holder as Record<string, unknown> | undefined)?.[name];
  return value && typeof value === 'object' ? (value as AggResult) : {};
}

export function bucketsOf(holder: unknown, name: string): AggBucket[] {
  return sub(holder, name).buckets ?? [];
}

export function valueOf(holder: unknown, name: string): number {
  const result = sub(holder, name);
  if (typeof result.value === 'number') return result.value;
  return typeof result.doc_count === 'number' ? result.doc_count : 0;
}

/** A min/max of @timestamp as ISO text (value_as_string where Elasticsearch gives it). */
export function timeOf(holder: unknown, name: string): string {
  const result = sub(holder, name);
  if (typeof result.value === 'number') return new Date(result.value).toISOString();
  return result.value_as_string ?? '';
}

export function keysOf(holder: unknown, name: string): string[] {
  return bucketsOf(holder, name).map((bucket) => String(bucket.key_as_string ?? bucket.key));
}

/** Aggregations every rule uses on its entity's bucket: first and last time seen. */
export const SEEN_AGGS = {
  first: { min: { field: '@timestamp' } },
  last: { max: { field: '@timestamp' } },
};

export function percent(share: number): string {
  return `${(share * 100).toFixed(share === 1 || share === 0 ? 0 : 1)}%`;
}

export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** "1 host", "4 hosts", with thousands separators. */
export function plural(value: number, noun: string): string {
  return `${count(value)} ${noun}${value === 1 ? '' : 's'}`;
}
