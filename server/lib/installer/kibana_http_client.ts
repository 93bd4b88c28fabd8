// Kibana's saved-objects HTTP API (bulk get, delete, import) behind the same small interfaces
// the in-Kibana port uses, so `netobs setup --kibana <url>` installs the very same objects with
// the very same rules as the plugin's setup route.
import type { Readable } from 'node:stream';
import type { ImporterLike, SavedObjectsClientLike } from './kibana_saved_objects_port';

export interface KibanaConnection {
  url: string;
  /** Kibana space; the default space when absent. */
  space?: string;
  apiKey?: string;
  username?: string;
  password?: string;
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

export function kibanaHttpClient(connection: KibanaConnection): {
  client: SavedObjectsClientLike;
  importer: ImporterLike;
} {
  const base =
    connection.url.replace(/\/+$/, '') + (connection.space ? `/s/${connection.space}` : '');
  // Kibana refuses state-changing API calls without kbn-xsrf.
  const headers = { 'kbn-xsrf': 'netobs', ...authorization(connection) };

  async function call<T>(method: string, path: string, body?: BodyInit, type?: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        body,
        headers: { ...headers, ...(type ? { 'content-type': type } : {}) },
      });
    } catch (error) {
      throw new KibanaHttpError(
        `cannot reach Kibana at ${connection.url}: ${error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)}`,
        0
      );
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
        `Kibana answered ${response.status} to ${method} ${path}: ${reason.slice(0, 500)}`,
        response.status
      );
    }
    return JSON.parse(text) as T;
  }

  return {
    client: {
      bulkGet: (objects) =>
        call('POST', '/api/saved_objects/_bulk_get', JSON.stringify(objects), 'application/json'),
      delete: (type, id) =>
        call(
          'DELETE',
          `/api/saved_objects/${encodeURIComponent(type)}/${encodeURIComponent(id)}?force=true`
        ),
    },
    importer: {
      async import({ readStream, overwrite, createNewCopies }) {
        let ndjson = '';
        for await (const chunk of readStream as Readable) ndjson += String(chunk);
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
