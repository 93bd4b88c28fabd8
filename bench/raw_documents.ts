// Raw documents exactly as the forwarder builds them (ingest-lambda/src/documents.ts): the
// header line consumed, the field list attached for custom flow-log formats, S3 metadata that
// the router classifies by. Used where the bench feeds pipelines without running the forwarder.
import { ObjectDocuments } from '../ingest-lambda/src/documents';
import type { BenchCase } from './lines';
import { CASE_SPECS, caseLines, privateAddressesOnly } from './lines';

export const BENCH_BUCKET = 'netobs-bench';

/**
 * Which addresses the lines carry: as generated (internet clients and AWS services among them,
 * so geo/ASN lookups run), or every public address made private (no lookup runs).
 */
export type AddressMode = 'as-generated' | 'private-only';

/** `{"index":{}}` + raw document NDJSON pairs for `n` lines of a case. */
export function rawBulkLines(
  which: BenchCase,
  n: number,
  addresses: AddressMode = 'as-generated'
): string[] {
  const spec = CASE_SPECS[which];
  const documents = new ObjectDocuments({
    bucket: BENCH_BUCKET,
    key: spec.key,
    version: 'bench',
    timestamp: '2026-11-22T13:00:00.000Z',
  });
  let offset = 0;
  if (spec.header) {
    documents.toDocument({ text: spec.header, offset });
    offset += spec.header.length + 1;
  }
  const out: string[] = [];
  for (const generated of caseLines(which, n)) {
    const text = addresses === 'private-only' ? privateAddressesOnly(generated) : generated;
    const built = documents.toDocument({ text, offset });
    offset += Buffer.byteLength(text) + 1;
    if (built) out.push(`{"index":{}}\n${JSON.stringify(built.doc)}\n`);
  }
  return out;
}
