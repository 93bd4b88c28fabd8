// Kibana's saved-objects HTTP API over the in-memory double, for `netobs --kibana`. Followed
// (elastic/kibana, src/core/packages/saved-objects/server-internal/src/routes/):
//   bulk_get.ts, create.ts (`?overwrite`, body `{ attributes, references }`), delete.ts
//   (`?force`), import.ts (multipart `file`, only `.ndjson`; `overwrite` and `createNewCopies`
//   exclusive) and utils.ts (the NDJSON is split into lines and parsed into the object stream the
//   importer reads; the export summary line is dropped).
//   src/core/packages/http/server-internal/src/lifecycle_handlers.ts: writes need `kbn-xsrf`.
//   Spaces: `/s/<space>` prefixes every path of a non-default space.
// Errors answer as Kibana's router does: `{ statusCode, error, message }`.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { BoomError } from './kibana_saved_objects';
import type { KibanaSavedObjectsDouble } from './kibana_saved_objects';

export interface KibanaHttpDouble {
  url: string;
  /** Every request, as `METHOD path` (without the query), for assertions. */
  requests: string[];
  /** The authorization header of every request, in order. */
  authorizations: (string | undefined)[];
  close(): Promise<void>;
}

export async function startKibanaHttpDouble(
  savedObjects: KibanaSavedObjectsDouble
): Promise<KibanaHttpDouble> {
  const requests: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const server = http.createServer(async (req, res) => {
    const reply = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    const fail = (status: number, message: string) =>
      reply(status, {
        statusCode: status,
        error: status === 404 ? 'Not Found' : 'Bad Request',
        message,
      });
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://kibana');
      const space = /^\/s\/([a-z0-9_-]+)\//.exec(url.pathname)?.[1] ?? 'default';
      const path = url.pathname.replace(/^\/s\/[a-z0-9_-]+/, '');
      requests.push(`${req.method} ${url.pathname}`);
      authorizations.push(req.headers.authorization);
      if (req.method !== 'GET' && !req.headers['kbn-xsrf'])
        return fail(400, 'Request must contain a kbn-xsrf header.');
      const client = savedObjects.client(space);
      if (req.method === 'POST' && path === '/api/saved_objects/_bulk_get')
        return reply(200, await client.bulkGet(JSON.parse(body.toString())));
      if (req.method === 'POST' && path === '/api/saved_objects/_import') {
        const overwrite = url.searchParams.get('overwrite') === 'true';
        const createNewCopies = url.searchParams.get('createNewCopies') === 'true';
        if (overwrite && createNewCopies)
          return fail(400, 'cannot use [overwrite] with [createNewCopies]');
        const form = await new Request('http://kibana', {
          method: 'POST',
          headers: { 'content-type': String(req.headers['content-type']) },
          body,
        }).formData();
        const file = form.get('file');
        if (!(file instanceof File)) return fail(400, '[request body.file]: expected a file');
        if (!file.name.endsWith('.ndjson'))
          return fail(400, `Invalid file extension ${file.name.slice(file.name.lastIndexOf('.'))}`);
        const objects = (await file.text())
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .filter((object) => object.exportedCount === undefined);
        const result = await savedObjects
          .importer(space)
          .import({ readStream: Readable.from(objects), overwrite, createNewCopies });
        return reply(200, result);
      }
      const match = /^\/api\/saved_objects\/([^/_][^/]*)\/([^/]+)$/.exec(path);
      if (match) {
        const [type, id] = [decodeURIComponent(match[1]), decodeURIComponent(match[2])];
        if (req.method === 'POST') {
          const { attributes } = JSON.parse(body.toString()) as {
            attributes: Record<string, unknown>;
          };
          const overwrite = url.searchParams.get('overwrite') === 'true';
          return reply(200, await client.create(type, attributes, { id, overwrite }));
        }
        if (req.method === 'DELETE')
          return reply(
            200,
            await client.delete(type, id, { force: url.searchParams.get('force') === 'true' })
          );
      }
      fail(404, 'Not Found');
    } catch (error) {
      if (error instanceof BoomError) return reply(error.output.statusCode, error.output.payload);
      reply(500, { statusCode: 500, error: 'Internal Server Error', message: String(error) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    authorizations,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
