// Serves a router adapter (dev/app_server/router_adapter.ts) over HTTP on a free local port, as
// Kibana serves the plugin's routes; unknown paths answer 404.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RouterAdapter } from '../../dev/app_server/router_adapter';

export async function serveAdapter(
  adapter: RouterAdapter
): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    void adapter.handle(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
