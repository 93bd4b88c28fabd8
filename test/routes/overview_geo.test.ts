// The overview's geo panels on a real Elasticsearch with our mappings: top source countries and
// networks of public senders, and why a geo panel is empty as the documents tell it (no public
// address, or public addresses none placed). Documents are written as the netobs-geo pipeline
// leaves them (pipeline `_none`).
import { overview } from '../../server/lib/analytics/overview';
import type { OverviewPanelData } from '../../common/queries/geo';
import { installEsAssets } from '../../server/lib/installer/es_assets';
import { localQueryLanguage } from '../../dev/query_language';
import { testClient } from '../support/es_env';

type Doc = Record<string, unknown>;
const client = testClient();
const run = `geo${Date.now()}`;
const now = Date.now();

function flow(i: number, src: string, extra: Doc = {}): Doc {
  return {
    '@timestamp': new Date(now - 60_000 * (i + 1)).toISOString(),
    event: { action: 'reject', kind: 'event' },
    source: { ip: src, port: 40000 + i },
    destination: { ip: '10.0.1.5', port: 22 },
    network: { bytes: 60, packets: 1, transport: 'tcp', direction: 'inbound' },
    ...extra,
  };
}

const located = (country: string, asn: number, org: string) => ({
  geo: { country_iso_code: country.slice(0, 2).toUpperCase(), country_name: country },
  as: { number: asn, organization: { name: org } },
});

async function index(namespace: string, docs: Doc[]) {
  const operations = docs.flatMap((doc) => [
    { create: { _index: `logs-netobs.vpcflow-${namespace}`, pipeline: '_none' } },
    doc,
  ]);
  const bulk = await client.bulk({ operations, refresh: 'wait_for' });
  expect(bulk.errors).toBe(false);
}

/** Searches the last overview ran (the second one only explains empty geo panels). */
let searches = 0;
const counting = {
  search: ((...args: Parameters<typeof client.search>) => {
    searches += 1;
    return client.search(...args);
  }) as typeof client.search,
  count: client.count.bind(client) as typeof client.count,
  transport: client.transport,
};

async function geoPanels(namespace: string, kql?: string) {
  searches = 0;
  const answer = await overview(
    counting,
    'vpcflow',
    { from: 'now-1h', to: 'now', ...(kql ? { kql } : {}) },
    localQueryLanguage,
    namespace
  );
  const panels = answer.panels as OverviewPanelData[];
  const byId = (id: string) => panels.find((p) => p.id === id)!;
  return { countries: byId('source_countries'), networks: byId('source_networks') };
}

beforeAll(async () => {
  await installEsAssets(client);
  await index(`${run}a`, [
    ...[0, 1, 2].map((i) =>
      flow(i, '198.51.100.7', {
        source: { ip: '198.51.100.7', ...located('Germany', 64500, 'Example Hosting GmbH') },
      })
    ),
    flow(3, '192.0.2.9', {
      source: { ip: '192.0.2.9', ...located('Brazil', 64501, 'Example ISP') },
    }),
    flow(4, '10.0.9.9'),
  ]);
  // Addresses netobs-geo never looks up: private, loopback, link-local, IPv6 link-local.
  await index(`${run}b`, [
    flow(0, '10.0.2.1'),
    flow(1, '172.16.0.4'),
    flow(2, '127.0.0.1'),
    flow(3, '169.254.169.254'),
    flow(4, 'fe80::1'),
  ]);
  await index(`${run}d`, [flow(0, '203.0.113.5'), flow(1, '2001:db8::7')]);
});
afterAll(() => client.close());

test('top countries and networks of public senders, most flows first', async () => {
  const { countries, networks } = await geoPanels(`${run}a`);
  expect(countries.buckets).toEqual([
    { key: 'Germany', count: 3 },
    { key: 'Brazil', count: 1 },
  ]);
  expect(networks.buckets?.map((b) => b.key)).toEqual(['Example Hosting GmbH', 'Example ISP']);
  // Panels with rows need no reason: one search, no address-range filter paid for.
  expect(countries.geo).toEqual({ side: 'source' });
  expect(searches).toBe(1);
});

test("a country's drill-down clause narrows the panels to it", async () => {
  const { countries } = await geoPanels(`${run}a`, 'source.geo.country_name: "Brazil"');
  expect(countries.buckets).toEqual([{ key: 'Brazil', count: 1 }]);
});

test('empty geo panels say why: no public addresses, or public ones none placed', async () => {
  expect((await geoPanels(`${run}b`)).countries.geo).toEqual({
    side: 'source',
    publicDocs: 0,
    emptyReason: 'no_public_addresses',
  });
  const unplaced = await geoPanels(`${run}d`);
  expect(unplaced.countries.geo).toEqual({
    side: 'source',
    publicDocs: 2,
    emptyReason: 'not_located',
  });
  expect(unplaced.networks.geo?.emptyReason).toBe('not_located');
  // Every empty geo panel is explained by one more search.
  expect(searches).toBe(2);
});
