// The text of a _bulk request body as the shipper hands it to the client's transport: a string,
// or bytes, gzip-compressed when the shipper compressed them (content-encoding: gzip). For the
// fake transports of the forwarder's unit tests, which read the body as NDJSON.
import { gunzipSync } from 'node:zlib';

export function bulkText(params: { bulkBody?: unknown; body?: unknown }): string {
  const body = params.bulkBody ?? params.body;
  if (typeof body === 'string') return body;
  let bytes = Buffer.from(body as Uint8Array);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  return bytes.toString('utf8');
}
