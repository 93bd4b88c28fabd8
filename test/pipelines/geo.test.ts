// netobs-geo on the real ingest engine (GeoLite2 City and ASN as the engine bundles them, the
// 2019-11 builds; see dev/opensearch/README.md). Which addresses are looked up follows
// Elasticsearch's network_direction processor ("public" in NetworkDirectionUtils.isPublic); the
// verbose simulation shows, processor by processor, whether the geoip lookups ran or were
// skipped, so the skip is asserted directly rather than inferred from an empty answer.
import { requestJson } from '../../dev/local_process/http_json';
import { GEO_DESTINATIONS, GEO_SENDERS } from '../../dev/sample/generate';
import type { IngestEngine } from '../support/ingest_engine';
import { ingestEngine, installPipelines, simulate } from '../support/ingest_engine';

interface ProcessorResult {
  tag?: string;
  processor_type: string;
  status: string;
}

let engine: IngestEngine;

beforeAll(async () => {
  engine = await ingestEngine();
  await installPipelines(engine);
});

/** The status of each geoip processor (by tag) when one document runs through netobs-geo. */
async function lookups(source: string, destination = '10.0.0.1'): Promise<Record<string, string>> {
  const result = await requestJson<{ docs: { processor_results: ProcessorResult[] }[] }>(
    engine.url,
    'POST',
    '/_ingest/pipeline/netobs-geo/_simulate?verbose=true',
    { docs: [{ _source: { source: { ip: source }, destination: { ip: destination } } }] }
  );
  const ran = Object.fromEntries(
    result.docs[0].processor_results
      .filter((r) => r.processor_type === 'geoip')
      .map((r) => [String(r.tag), r.status])
  );
  // A document without a public side never reaches netobs-geo-lookup: none of its lookups ran.
  return Object.fromEntries(GEOIP_TAGS.map((tag) => [tag, ran[tag] ?? 'skipped']));
}

const GEOIP_TAGS = [
  'geo_source_city',
  'geo_source_asn',
  'geo_destination_city',
  'geo_destination_asn',
];

async function enrich(docs: Record<string, unknown>[]) {
  return simulate(engine, 'netobs-geo', docs);
}

const NOT_PUBLIC = {
  private: ['10.1.2.3', '172.16.0.0', '172.31.255.255', '192.168.0.1', 'fd12:3456:789a::1'],
  loopback: ['127.0.0.1', '127.255.0.9', '::1'],
  unspecified: ['0.0.0.0', '::'],
  'link-local unicast': ['169.254.169.254', 'fe80::1', 'febf::1'],
  'link-local multicast': ['224.0.0.251', 'ff02::fb', 'ff12::1'],
  'interface-local multicast': ['ff01::1'],
  broadcast: ['255.255.255.255'],
  'IPv4-mapped private': ['::ffff:10.0.0.1', '::ffff:192.168.1.1'],
};

describe.each(Object.entries(NOT_PUBLIC))('%s addresses', (_kind, addresses) => {
  test.each(addresses)('%s: both lookups skipped, no geo or as fields', async (ip) => {
    expect(await lookups(ip)).toEqual({
      geo_source_city: 'skipped',
      geo_source_asn: 'skipped',
      geo_destination_city: 'skipped',
      geo_destination_asn: 'skipped',
    });
    const [doc] = await enrich([{ source: { ip }, destination: { ip } }]);
    expect(doc).toEqual({ source: { ip }, destination: { ip } });
  });
});

// Public in network_direction's sense, yet in no GeoLite2 database: looked up, nothing found,
// nothing written. fc00::/8 is outside Elasticsearch's private fd00::/8; multicast other than
// link-local and interface-local is not excluded either; fec0::/10 (deprecated site-local) is
// not link-local.
const PUBLIC_WITHOUT_ANSWER = [
  '192.0.2.1',
  '198.51.100.7',
  '203.0.113.5',
  '2001:db8::1',
  'fc00::1',
  '239.255.255.250',
  '224.0.1.1',
  'fec0::1',
];

test.each(PUBLIC_WITHOUT_ANSWER)('%s is looked up and gets nothing', async (ip) => {
  expect(await lookups('10.0.0.9', ip)).toEqual({
    geo_source_city: 'skipped',
    geo_source_asn: 'skipped',
    geo_destination_city: 'success',
    geo_destination_asn: 'success',
  });
  const [doc] = await enrich([{ source: { ip: '10.0.0.9' }, destination: { ip } }]);
  expect(doc).toEqual({ source: { ip: '10.0.0.9' }, destination: { ip } });
});

test('just outside the private and link-local ranges is public', async () => {
  const docs = await enrich(
    ['172.15.255.255', '172.32.0.1', '169.253.0.1', '::ffff:8.8.8.8'].map((ip) => ({
      source: { ip },
    }))
  );
  expect(docs.map((d) => (d.source as { geo?: { country_iso_code?: string } }).geo)).toEqual([
    expect.objectContaining({ country_iso_code: 'US' }),
    expect.objectContaining({ country_iso_code: 'US' }),
    expect.objectContaining({ country_iso_code: 'US' }),
    expect.objectContaining({ country_iso_code: 'US' }),
  ]);
});

test('both sides are enriched, the ASN answer under ECS names', async () => {
  const [doc] = await enrich([
    { source: { ip: '193.0.6.139' }, destination: { ip: '2001:4860:4860::8888' } },
  ]);
  expect(doc).toEqual({
    source: {
      ip: '193.0.6.139',
      geo: {
        continent_name: 'Europe',
        country_iso_code: 'NL',
        country_name: 'Netherlands',
        location: { lat: 52.3824, lon: 4.8995 },
      },
      as: { number: 3333, organization: { name: expect.stringContaining('RIPE NCC') } },
    },
    destination: {
      ip: '2001:4860:4860::8888',
      geo: {
        continent_name: 'North America',
        country_iso_code: 'US',
        country_name: 'United States',
        location: { lat: 37.751, lon: -97.822 },
      },
      as: { number: 15169, organization: { name: 'Google LLC' } },
    },
  });
});

test('an address the City database knows but the ASN database does not gets geo only', async () => {
  // 52.94.133.131 (Amazon, Seattle) has no entry in the bundled 2019 ASN build.
  const [doc] = await enrich([{ destination: { ip: '52.94.133.131' } }]);
  const destination = doc.destination as Record<string, unknown>;
  expect(destination.geo).toMatchObject({ country_iso_code: 'US', city_name: 'Seattle' });
  expect(destination).not.toHaveProperty('as');
});

test("Elasticsearch's database-unavailable and expired tags never mark the line; other tags stay", async () => {
  // The tags as Elasticsearch's GeoIpProcessor writes them (DatabaseUnavailableProcessor:
  // "_geoip_database_unavailable_" + database file; an invalid database: "_geoip_expired_database").
  const docs = await enrich([
    {
      source: { ip: '192.0.2.1' },
      tags: [
        '_geoip_database_unavailable_GeoLite2-City.mmdb',
        '_geoip_database_unavailable_GeoLite2-ASN.mmdb',
      ],
    },
    { source: { ip: '192.0.2.1' }, tags: ['netobs_partial', '_geoip_expired_database'] },
    { source: { ip: '10.0.0.1' }, tags: ['custom'] },
  ]);
  expect(docs).toEqual([
    { source: { ip: '192.0.2.1' } },
    { source: { ip: '192.0.2.1' }, tags: ['netobs_partial'] },
    { source: { ip: '10.0.0.1' }, tags: ['custom'] },
  ]);
});

test('documents without addresses or with working fields pass through unchanged', async () => {
  const docs = await enrich([
    {},
    { source: { ip: '8.8.8.8' }, netobs: { errors: ['bytes: "x" is not a number'] } },
  ]);
  expect(docs[0]).toEqual({});
  expect(docs[1].netobs).toEqual({ errors: ['bytes: "x" is not a number'] });
  expect((docs[1].source as { as?: unknown }).as).toEqual({
    number: 15169,
    organization: { name: 'Google LLC' },
  });
});

test("the sample's geo senders and destinations are placed as dev/sample/generate.ts says", async () => {
  const expected = [...GEO_SENDERS, ...GEO_DESTINATIONS];
  const docs = await enrich(expected.map(({ ip }) => ({ source: { ip } })));
  const placed = docs.map((doc) => {
    const source = doc.source as {
      ip: string;
      geo?: { country_iso_code?: string };
      as?: { number?: number };
    };
    return { ip: source.ip, country: source.geo?.country_iso_code, asn: source.as?.number };
  });
  expect(placed).toEqual(expected.map(({ ip, country, asn }) => ({ ip, country, asn })));
});

// The parse scripts decide publicness themselves (a copy of geo_public.painless, see
// painless_copies.test.ts) and netobs-geo's own script is then skipped: the same addresses give
// the same lookups when they come through a source pipeline.
/** netobs-geo's script, its call of netobs-geo-lookup and the four lookups there, by tag. */
const LOOKUP_TAGS = [
  'geo_public_sides',
  'geo_lookups',
  'geo_source_city',
  'geo_source_asn',
  'geo_destination_city',
  'geo_destination_asn',
];

async function viaFlowLog(source: string, destination: string): Promise<Record<string, string>> {
  const message = `2 123456789012 eni-0a1b2c3d ${source} ${destination} 443 49152 6 10 840 1764590400 1764590460 ACCEPT OK`;
  const result = await requestJson<{ docs: { processor_results: ProcessorResult[] }[] }>(
    engine.url,
    'POST',
    '/_ingest/pipeline/netobs-vpcflow/_simulate?verbose=true',
    { docs: [{ _source: { message } }] }
  );
  return Object.fromEntries(
    result.docs[0].processor_results
      .filter((r) => LOOKUP_TAGS.includes(String(r.tag)))
      .map((r) => [String(r.tag), r.status])
  );
}

test.each([
  ...Object.values(NOT_PUBLIC)
    .flat()
    .filter((ip) => !ip.includes(':'))
    .map((ip) => [ip, false] as const),
  ...['::1', 'fe80::1', 'ff02::fb', 'fd12:3456:789a::1'].map((ip) => [ip, false] as const),
  ...PUBLIC_WITHOUT_ANSWER.map((ip) => [ip, true] as const),
  ['8.8.8.8', true] as const,
])(
  'through netobs-vpcflow, %s (public: %s): netobs-geo script skipped, lookups (only with a public side) as netobs-geo alone decides',
  async (ip, isPublic) => {
    // A private sender of the same family (community_id hashes one family at a time).
    const sender = ip.includes(':') ? 'fd00::9' : '10.0.0.9';
    const statuses = await viaFlowLog(sender, ip);
    expect(statuses).toEqual(
      isPublic
        ? {
            geo_public_sides: 'skipped',
            geo_lookups: 'success',
            geo_source_city: 'skipped',
            geo_source_asn: 'skipped',
            geo_destination_city: 'success',
            geo_destination_asn: 'success',
          }
        : { geo_public_sides: 'skipped', geo_lookups: 'skipped' }
    );
    const lookup = isPublic ? 'success' : 'skipped';
    expect(await lookups('10.0.0.9', ip)).toEqual({
      geo_source_city: 'skipped',
      geo_source_asn: 'skipped',
      geo_destination_city: lookup,
      geo_destination_asn: lookup,
    });
  }
);
