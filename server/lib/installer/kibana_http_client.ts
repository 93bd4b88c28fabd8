// Kibana's saved-objects HTTP API (bulk get, create, delete, import) behind the same small
// interfaces the in-Kibana port uses, so `netobs setup --kibana <url>` installs the very same
// objects with the very same rules as the plugin's setup route. The import route is the one
// place that takes NDJSON: it parses the file into the object stream the importer reads
// (Kibana: src/core/packages/saved-objects/server-internal/src/routes/import.ts, utils.ts).
import type { Readable } from 'node:stream';
import type { ImporterLike, SavedObjectsClientLike } from './saved_objects_client';

export interface KibanaConnection {
  url: string;
  /** Kibana space; the default space when absent. */
  space?: string;
  apiKey?: string;
  username?: string;
  password?: string;
  /** How long one request may take before it fails (default 30 s). */
  timeoutMs?: number;
}

export class KibanaHttpError extends Error {
  override name = 'KibanaHttpError';
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message);
  }
}

function authorization(connection: KibanaConnection): Record<string, string> {
  if (connection.apiKey) return { authorization: `ApiKey ${connection.apiKey}` };
  if (connection.username) {
    const basic = Buffer.from(`${connection.username}:${connection.password ?? ''}`);
    return { authorization: `Basic ${basic.toString('base64')}` };
  }
  return {};
}

/**
 * `https://user:secret@kibana:5601` works as users expect (fetch refuses URLs with user info):
 * the user info becomes the credentials when none are given, and leaves the URL.
 */
function splitUserInfo(connection: KibanaConnection): KibanaConnection {
  const parsed = new URL(connection.url);
  if (!parsed.username && !parsed.password) return connection;
  const fromUrl = {
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
  parsed.username = '';
  parsed.password = '';
  const given = connection.apiKey || connection.username;
  return { ...connection, ...(given ? {} : fromUrl), url: parsed.toString() };
}

export function kibanaHttpClient(given: KibanaConnection): {
  client: SavedObjectsClientLike;
  importer: ImporterLike;
} {
  const connection = splitUserInfo(given);
  const base =
    connection.url.replace(/\/+$/, '') + (connection.space ? `/s/${connection.space}` : '');
  // Kibana refuses state-changing API calls without kbn-xsrf.
  const headers = { 'kbn-xsrf': 'netobs', ...authorization(connection) };

  const timeoutMs = connection.timeoutMs ?? 30_000;
  const where = new URL(connection.url).origin;

  async function call<T>(method: string, path: string, body?: BodyInit, type?: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        body,
        headers: { ...headers, ...(type ? { 'content-type': type } : {}) },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const cause =
        error instanceof Error && error.name === 'TimeoutError'
          ? `no answer within ${timeoutMs / 1000} s`
          : error instanceof Error
            ? ((error.cause as Error | undefined)?.message ?? error.message)
            : String(error);
      throw new KibanaHttpError(`cannot reach Kibana at ${where}: ${cause}`, 0);
    }
    const text = await response.text();
    if (!response.ok) {
      const reason = (() => {
        try {
          return (JSON.parse(text) as { message?: string }).message ?? text;
        } catch {
          return text;
        }
      })();
      throw new KibanaHttpError(
        `Kibana answered ${response.status} to ${method} ${path.split('?')[0]}: ${reason.slice(0, 500)}`,
        response.status
      );
    }
    return JSON.parse(text) as T;
  }

  const objectPath = (type: string, id: string) =>
    `/api/saved_objects/${encodeURIComponent(type)}/${encodeURIComponent(id)}`;

  return {
    client: {
      bulkGet: (objects) =>
        call('POST', '/api/saved_objects/_bulk_get', JSON.stringify(objects), 'application/json'),
      create: (type, attributes, { id, overwrite }) =>
        call(
          'POST',
          `${objectPath(type, id)}?overwrite=${overwrite}`,
          JSON.stringify({ attributes }),
          'application/json'
        ),
      delete: (type, id, options) =>
        call('DELETE', `${objectPath(type, id)}${options?.force ? '?force=true' : ''}`),
    },
    importer: {
      async import({ readStream, overwrite, createNewCopies, managed }) {
        // The import route has no `managed` option: the importer takes each object's own flag.
        let ndjson = '';
        for await (const object of readStream as Readable)
          ndjson += `${JSON.stringify(managed === undefined ? object : { ...object, managed })}\n`;
        const form = new FormData();
        form.append('file', new Blob([ndjson], { type: 'application/ndjson' }), 'netobs.ndjson');
        const query = new URLSearchParams({
          overwrite: String(overwrite),
          ...(createNewCopies ? { createNewCopies: 'true' } : {}),
        });
        return call('POST', `/api/saved_objects/_import?${query}`, form);
      },
    },
  };
}
