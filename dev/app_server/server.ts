// The standalone backend of `npm start` and the browser tests: the plugin's own route handlers
// (server/routes) on a plain Node HTTP server, our KQL translation (common/kql) in place of
// Kibana's, and the app bundle (dev/app_shell) as static files. No Kibana, so no saved objects.
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import type { IRouter, RequestHandlerContext } from '@kbn/core/server';
import { API_BASE, INTERNAL_API_BASE } from '../../common/constants';
import { redactUrl } from '../../common/redact';
import { registerRoutes } from '../../server/routes';
import { enginePipelineHost } from '../ingest_bridge/engine_pipelines';
import { localQueryLanguage } from '../query_language';
import { createRouterAdapter } from './router_adapter';

export interface AppServerOptions {
  esUrl: string;
  port?: number;
  host?: string;
  /** A Kibana to link "Open in Discover" to, when there is one. */
  kibanaUrl?: string;
  /** Directory holding index.html and dist/app.js. */
  shellDir?: string;
  /** The user every route acts as ("the current user" of a Kibana request) on a secured cluster. */
  esAuth?: { username: string; password: string } | { apiKey: string };
  /** The OpenSearch ingest engine running our pipelines, when Elasticsearch cannot. */
  ingestEngineUrl?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export async function startAppServer(
  options: AppServerOptions
): Promise<{ url: string; close: () => Promise<void> }> {
  const shellDir = options.shellDir ?? path.resolve(__dirname, '..', 'app_shell');
  // One retry, as a route should answer within seconds when Elasticsearch is down.
  const esClient = new Client({ node: options.esUrl, auth: options.esAuth, maxRetries: 1 });
  const adapter = createRouterAdapter(esClient);
  registerRoutes(
    adapter.router as IRouter<RequestHandlerContext>,
    {
      ...localQueryLanguage,
      pipelineHost: options.ingestEngineUrl
        ? enginePipelineHost(options.ingestEngineUrl)
        : undefined,
    },
    () => undefined
  );

  const server = http.createServer(async (request, response) => {
    try {
      if (await adapter.handle(request, response)) return;
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname === '/api/shell/config') {
        response.writeHead(200, { 'content-type': 'application/json' });
        // The browser gets the address for the forwarder's settings, never its credentials.
        response.end(
          JSON.stringify({
            esUrl: redactUrl(options.esUrl),
            kibanaUrl: options.kibanaUrl ? redactUrl(options.kibanaUrl) : null,
          })
        );
        return;
      }
      // Like Kibana: an API path no route serves is a JSON 404, not the app's page.
      if (
        url.pathname.startsWith(`${API_BASE}/`) ||
        url.pathname.startsWith(`${INTERNAL_API_BASE}/`)
      ) {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ statusCode: 404, error: 'Not Found', message: 'Not Found' }));
        return;
      }
      // Static files from the shell; every other path is the single-page app.
      const relative = path
        .normalize(url.pathname)
        .replace(/^(\.\.[/\\])+/, '')
        .replace(/^\/+/, '');
      let file = path.join(shellDir, relative);
      if (!relative || !file.startsWith(shellDir) || !existsSync(file) || !path.extname(file)) {
        file = path.join(shellDir, 'index.html');
      }
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      });
      response.end(readFileSync(file));
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 5601, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await esClient.close();
    },
  };
}
