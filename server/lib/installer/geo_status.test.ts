// The geo line of setup status against a cluster double that answers _simulate and
// _ingest/geoip/stats the way Elasticsearch does (modules/ingest-geoip):
// - GeoIpProcessor.Factory#create: a database file that is not there yields a
//   DatabaseUnavailableProcessor, whose execute() appends "_geoip_database_unavailable_" + file
//   to tags; GeoIpProcessor#execute appends "_geoip_expired_database" when the database is no
//   longer valid, else writes target_field when the address is found;
// - ConfigurationUtils.readProcessor: an unknown type is a 400 parse_exception
//   "No processor type exists with name [geoip]";
// - GeoIpStatsAction.Response#toXContent: { stats: { successful_downloads, failed_downloads,
//   total_download_time, databases_count, skipped_updates, expired_databases }, nodes };
//   without the module the route does not exist (400 "no handler found for uri").
import { errors } from '@elastic/elasticsearch';
import type { Client } from '@elastic/elasticsearch';
import { clusterSimulate, downloaderStats, geoStatus } from './geo_status';

type DatabaseState = 'present' | 'expired' | 'absent';

function responseError(statusCode: number, type: string, reason: string) {
  return new errors.ResponseError({
    body: { error: { root_cause: [{ type, reason }], type, reason }, status: statusCode },
    statusCode,
    headers: {},
    warnings: null,
    meta: {} as never,
  });
}

interface ClusterOptions {
  /** Whether the ingest-geoip module is installed. */
  module?: boolean;
  databases?: Record<string, DatabaseState>;
  /** The user may not simulate pipelines (needs read_pipeline or manage_pipeline). */
  forbidden?: boolean;
  downloads?: { successful: number; failed: number };
}

function cluster({
  module = true,
  databases = {},
  forbidden = false,
  downloads = { successful: 3, failed: 0 },
}: ClusterOptions) {
  const simulate = async (body: {
    pipeline: { processors: Record<string, Record<string, unknown>>[] };
    docs: { _source: Record<string, unknown> }[];
  }) => {
    if (forbidden)
      throw responseError(
        403,
        'security_exception',
        'action [cluster:admin/ingest/pipeline/simulate] is unauthorized for user [viewer] with effective roles [viewer], this action is granted by the cluster privileges [read_pipeline,manage_pipeline,manage_ingest_pipelines,manage,all]'
      );
    for (const processor of body.pipeline.processors) {
      const [type] = Object.keys(processor);
      if (type !== 'geoip' || !module)
        throw responseError(400, 'parse_exception', `No processor type exists with name [${type}]`);
    }
    return {
      docs: body.docs.map(({ _source }) => {
        const source: Record<string, unknown> = structuredClone(_source);
        for (const { geoip } of body.pipeline.processors) {
          const file = String(geoip.database_file ?? 'GeoLite2-City.mmdb');
          const state = databases[file] ?? 'absent';
          const tags = (source.tags as string[] | undefined) ?? [];
          if (state === 'absent') source.tags = [...tags, `_geoip_database_unavailable_${file}`];
          else if (state === 'expired')
            source.tags = tags.includes('_geoip_expired_database')
              ? tags
              : [...tags, '_geoip_expired_database'];
          else source[String(geoip.target_field ?? 'geoip')] = { country_iso_code: 'US' };
        }
        return { doc: { _index: '_index', _id: '_id', _source: source } };
      }),
    };
  };
  const geoIpStats = async () => {
    if (!module)
      throw responseError(
        400,
        'illegal_argument_exception',
        'no handler found for uri [/_ingest/geoip/stats] and method [GET]'
      );
    return {
      stats: {
        successful_downloads: downloads.successful,
        failed_downloads: downloads.failed,
        total_download_time: 1200,
        databases_count: Object.values(databases).filter((s) => s !== 'absent').length,
        skipped_updates: 0,
        expired_databases: Object.values(databases).filter((s) => s === 'expired').length,
      },
      nodes: {},
    };
  };
  return { ingest: { simulate, geoIpStats } } as unknown as Pick<Client, 'ingest'>;
}

async function statusOf(options: ClusterOptions) {
  const client = cluster(options);
  return geoStatus(clusterSimulate(client), 'this cluster', await downloaderStats(client));
}

const BOTH = { 'GeoLite2-City.mmdb': 'present', 'GeoLite2-ASN.mmdb': 'present' } as const;

test('both databases there: geo enabled, with the downloader counters', async () => {
  const status = await statusOf({ databases: BOTH });
  expect(status.state).toBe('enabled');
  expect(status.databases.map((d) => d.state)).toEqual(['available', 'available']);
  expect(status.message).toBe(
    'Geo enabled: GeoLite2-City.mmdb and GeoLite2-ASN.mmdb available on this cluster.'
  );
  expect(status.downloader).toEqual({
    successfulDownloads: 3,
    failedDownloads: 0,
    databasesCount: 2,
    expiredDatabases: 0,
  });
});

test('an air-gapped cluster without databases: geo disabled, databases not available, what to do', async () => {
  const status = await statusOf({ databases: {}, downloads: { successful: 0, failed: 4 } });
  expect(status.state).toBe('disabled');
  expect(status.databases).toEqual([
    { name: 'GeoLite2-City.mmdb', state: 'missing' },
    { name: 'GeoLite2-ASN.mmdb', state: 'missing' },
  ]);
  expect(status.message).toMatch(
    /^Geo disabled: databases not available \(GeoLite2-City\.mmdb, GeoLite2-ASN\.mmdb\) on this cluster\. Lines are still parsed/
  );
  expect(status.message).toContain('config/ingest-geoip');
  expect(status.message).toContain('docs/geo.md');
  expect(status.message).toContain('The GeoIP downloader failed 4 time(s).');
});

test('one database missing or expired is named', async () => {
  const missingAsn = await statusOf({ databases: { 'GeoLite2-City.mmdb': 'present' } });
  expect(missingAsn.state).toBe('disabled');
  expect(missingAsn.message).toContain('databases not available (GeoLite2-ASN.mmdb)');
  const expired = await statusOf({
    databases: { 'GeoLite2-City.mmdb': 'expired', 'GeoLite2-ASN.mmdb': 'present' },
  });
  expect(expired.state).toBe('disabled');
  expect(expired.databases[0]).toEqual({ name: 'GeoLite2-City.mmdb', state: 'expired' });
  expect(expired.message).toContain(
    'databases expired (GeoLite2-City.mmdb; not updated for 30 days)'
  );
});

test('no ingest-geoip module: geo disabled because there is no geoip processor', async () => {
  const status = await statusOf({ module: false });
  expect(status.state).toBe('no_processor');
  expect(status.message).toContain('has no geoip processor');
  expect(status.downloader).toBeUndefined();
});

test('a user who may not simulate pipelines gets "unknown", not an error', async () => {
  const status = await statusOf({ databases: BOTH, forbidden: true });
  expect(status.state).toBe('unknown');
  expect(status.message).toMatch(/^Geo status unknown: .*403: action \[cluster:admin\/ingest/);
});

test("the ingest engine's refusal of a missing database file reads as missing", async () => {
  // OpenSearch's GeoIpProcessor.Factory refuses the processor instead of tagging documents.
  const simulate = async () => ({
    ok: false as const,
    status: 400,
    reason: "[database_file] database file [GeoLite2-ASN.mmdb] doesn't exist",
  });
  const status = await geoStatus(simulate, 'the local ingest engine');
  expect(status.state).toBe('disabled');
  expect(status.message).toContain('on the local ingest engine');
});

test('a node that does not answer makes the geo line unknown', async () => {
  const unreachable = Object.assign(new Error('connect ECONNREFUSED'), { name: 'ConnectionError' });
  const client = {
    ingest: {
      simulate: async () => {
        throw unreachable;
      },
    },
  } as unknown as Pick<Client, 'ingest'>;
  const status = await geoStatus(clusterSimulate(client), 'this cluster');
  expect(status).toMatchObject({
    state: 'unknown',
    message: 'Geo status unknown: connect ECONNREFUSED',
  });
});
