// With Elasticsearch down, the app server answers in seconds with 502 naming where it looked,
// and no credential in the URL it was given reaches a response.
import net from 'node:net';
import { startAppServer } from '../../dev/app_server/server';
import { API_BASE, INTERNAL_API_BASE } from '../../common/constants';

const SECRET = 'planted-secret-5d1';
let app: { url: string; close: () => Promise<void> };
let port = 0;

beforeAll(async () => {
  // A port nobody listens on.
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  port = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  app = await startAppServer({
    esUrl: `http://elastic:${SECRET}@127.0.0.1:${port}`,
    port: 0,
    shellDir: __dirname,
  });
});
afterAll(() => app.close());

test.each([
  ['POST', `${API_BASE}/setup`, {}],
  ['GET', `${API_BASE}/status`, undefined],
  ['POST', `${INTERNAL_API_BASE}/overview/vpcflow`, { from: 'now-1h', to: 'now' }],
])('%s %s: 502 within seconds, naming the node without credentials', async (method, path, body) => {
  const started = Date.now();
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: {
      'kbn-xsrf': 'true',
      'x-elastic-internal-origin': 'Kibana',
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status).toBe(502);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(JSON.parse(text).message).toMatch(
    new RegExp(`^Elasticsearch is unreachable at http://127\\.0\\.0\\.1:${port}/`)
  );
  expect(text).not.toContain(SECRET);
});

test('the shell config gives the browser the address, never the credentials', async () => {
  const text = await (await fetch(`${app.url}/api/shell/config`)).text();
  expect(JSON.parse(text).esUrl).toBe(`http://127.0.0.1:${port}`);
  expect(text).not.toContain(SECRET);
});
