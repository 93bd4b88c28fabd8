// Measure 4: bytes on disk per record in the vpcflow data stream after a force merge to one
// segment (best_compression, as our settings component sets), against the gzip bytes per line
// of the source file AWS would have delivered: how much bigger parsed, searchable flow logs are
// than the archive they came from.
import { requestJson } from './http';
import { round, timed } from './timing';

export interface StorageResult {
  dataStream: string;
  docs: number;
  storeBytes: number;
  bytesPerRecord: number;
  source: { bytesPerLine: number; gzipBytesPerLine: number };
  /** Stored bytes per record ÷ gzip bytes per source line. */
  ratioToGzip: number;
  forceMergeSeconds: number;
}

export async function measureStorage(
  es: string,
  dataStream: string,
  source: { lines: number; bytes: number; gzipBytes: number }
): Promise<StorageResult> {
  const { seconds } = await timed(() =>
    requestJson(es, 'POST', `/${dataStream}/_forcemerge?max_num_segments=1`)
  );
  await requestJson(es, 'POST', `/${dataStream}/_refresh`);
  const stats = await requestJson<{
    _all: { primaries: { docs: { count: number }; store: { size_in_bytes: number } } };
  }>(es, 'GET', `/${dataStream}/_stats/store,docs`);
  const { docs, store } = stats._all.primaries;
  const bytesPerRecord = store.size_in_bytes / docs.count;
  const gzipBytesPerLine = source.gzipBytes / source.lines;
  return {
    dataStream,
    docs: docs.count,
    storeBytes: store.size_in_bytes,
    bytesPerRecord: round(bytesPerRecord, 1),
    source: {
      bytesPerLine: round(source.bytes / source.lines, 1),
      gzipBytesPerLine: round(gzipBytesPerLine, 1),
    },
    ratioToGzip: round(bytesPerRecord / gzipBytesPerLine, 2),
    forceMergeSeconds: round(seconds),
  };
}
