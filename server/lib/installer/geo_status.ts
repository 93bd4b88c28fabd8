// Whether geo enrichment works where the pipelines run. netobs-geo's geoip processors need the
// GeoLite2 City and ASN databases; without them Elasticsearch still parses every line (the
// processor tags the document instead, and netobs-geo drops those tags), so nothing fails and
// nothing says so. Status probes the processor itself with _simulate, which behaves exactly as
// ingestion does (modules/ingest-geoip GeoIpProcessor.java):
// - no ingest-geoip module: the pipeline is refused, "No processor type exists with name [geoip]"
//   (ConfigurationUtils.readProcessor);
// - database file not there (air-gapped, downloader off or not finished): the factory returns a
//   DatabaseUnavailableProcessor, which tags `_geoip_database_unavailable_<database_file>`;
// - downloaded databases not refreshed for 30 days: `_geoip_expired_database`;
// - the OpenSearch ingest engine (dev only) refuses the processor instead:
//   "[database_file] database file [X] doesn't exist".
// Where readable, GET _ingest/geoip/stats adds the downloader's counters (GeoIpStatsAction).
import type { Client } from '@elastic/elasticsearch';
import type { GeoDatabase, GeoStatus } from '../../../common/geo_status';
import { GEO_DATABASES } from '../../../common/geo_status';
import { describeEsError } from '../es_errors';

/** A well-known public address (Google Public DNS) every GeoLite2 build knows. */
const PROBE_ADDRESS = '8.8.8.8';

/** A _simulate answer, or the error status and reason when refused. */
export type SimulateOutcome =
  | { ok: true; docs: { doc?: { _source?: Record<string, unknown> }; error?: unknown }[] }
  | { ok: false; status?: number; reason: string };

/** Runs an ad hoc pipeline with _simulate where the pipelines run. */
export type SimulatePipeline = (body: {
  pipeline: { processors: Record<string, unknown>[] };
  docs: { _source: Record<string, unknown> }[];
}) => Promise<SimulateOutcome>;

/** _simulate on the cluster, its errors as describeEsError reads them. */
export function clusterSimulate(client: Pick<Client, 'ingest'>): SimulatePipeline {
  return async (body) => {
    try {
      const answer = await client.ingest.simulate(body);
      return { ok: true, docs: answer.docs as Extract<SimulateOutcome, { ok: true }>['docs'] };
    } catch (error) {
      const described = describeEsError(error);
      if (described.status === undefined) throw error;
      return { ok: false, status: described.status, reason: described.reason };
    }
  };
}

type DatabaseState = GeoStatus['databases'][number]['state'] | 'no_processor' | 'unknown';

async function probe(
  simulate: SimulatePipeline,
  database: GeoDatabase
): Promise<{ state: DatabaseState; reason?: string }> {
  const outcome = await simulate({
    pipeline: {
      processors: [{ geoip: { field: 'ip', target_field: 'probe', database_file: database } }],
    },
    docs: [{ _source: { ip: PROBE_ADDRESS } }],
  });
  if (!outcome.ok) {
    if (/No processor type exists with name \[geoip\]/i.test(outcome.reason))
      return { state: 'no_processor' };
    if (/database file \[[^\]]*\] doesn't exist/.test(outcome.reason)) return { state: 'missing' };
    return { state: 'unknown', reason: `${outcome.status ?? 'no answer'}: ${outcome.reason}` };
  }
  const source = outcome.docs[0]?.doc?._source;
  if (!source) return { state: 'unknown', reason: JSON.stringify(outcome.docs[0]?.error ?? {}) };
  const tags = ([] as unknown[]).concat(source.tags ?? []);
  if (tags.includes(`_geoip_database_unavailable_${database}`)) return { state: 'missing' };
  if (tags.includes('_geoip_expired_database')) return { state: 'expired' };
  return { state: 'available' };
}

/** The GeoIP downloader's counters, when this is Elasticsearch and the user may read them. */
export async function downloaderStats(
  client: Pick<Client, 'ingest'>
): Promise<GeoStatus['downloader']> {
  try {
    const { stats } = await client.ingest.geoIpStats();
    return {
      successfulDownloads: stats.successful_downloads,
      failedDownloads: stats.failed_downloads,
      databasesCount: stats.databases_count,
      expiredDatabases: stats.expired_databases,
    };
  } catch {
    // No ingest-geoip module (no such endpoint), an OpenSearch engine, or no monitor privilege:
    // the probe alone speaks.
    return undefined;
  }
}

const DOCS = 'see docs/geo.md';

/** Probes both databases where `simulate` runs and says in one line what that means. */
export async function geoStatus(
  simulate: SimulatePipeline,
  where: string,
  downloader?: GeoStatus['downloader']
): Promise<GeoStatus> {
  let probes: { state: DatabaseState; reason?: string }[];
  try {
    probes = await Promise.all(GEO_DATABASES.map((database) => probe(simulate, database)));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { state: 'unknown', where, databases: [], message: `Geo status unknown: ${reason}` };
  }
  const withDownloader = downloader ? { downloader } : {};
  if (probes.some((p) => p.state === 'no_processor'))
    return {
      state: 'no_processor',
      where,
      databases: [],
      message: `Geo disabled: ${where} has no geoip processor (ingest-geoip module missing); lines are parsed without geo and ASN fields.`,
      ...withDownloader,
    };
  const unknown = probes.find((p) => p.state === 'unknown');
  if (unknown)
    return {
      state: 'unknown',
      where,
      databases: [],
      message: `Geo status unknown: probing the geoip processor on ${where} failed (${unknown.reason}).`,
      ...withDownloader,
    };
  const databases = GEO_DATABASES.map((name, i) => ({
    name,
    state: probes[i].state as GeoStatus['databases'][number]['state'],
  }));
  const missing = databases.filter((d) => d.state === 'missing').map((d) => d.name);
  const expired = databases.filter((d) => d.state === 'expired').map((d) => d.name);
  if (missing.length === 0 && expired.length === 0)
    return {
      state: 'enabled',
      where,
      databases,
      message: `Geo enabled: ${GEO_DATABASES.join(' and ')} available on ${where}.`,
      ...withDownloader,
    };
  const problems = [
    ...(missing.length > 0 ? [`databases not available (${missing.join(', ')})`] : []),
    ...(expired.length > 0
      ? [`databases expired (${expired.join(', ')}; not updated for 30 days)`]
      : []),
  ];
  const download =
    downloader && downloader.failedDownloads > 0
      ? ` The GeoIP downloader failed ${downloader.failedDownloads} time(s).`
      : '';
  return {
    state: 'disabled',
    where,
    databases,
    message:
      `Geo disabled: ${problems.join('; ')} on ${where}. Lines are still parsed; public addresses get no geo or ASN fields until the databases are there ` +
      `(Elasticsearch downloads them when it can reach the GeoIP endpoint; air-gapped: copy them into config/ingest-geoip on every ingest node, ${DOCS}).${download}`,
    ...withDownloader,
  };
}
