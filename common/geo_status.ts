// Whether the netobs-geo pipeline can enrich public addresses where the pipelines run: the
// GeoLite2 City and ASN databases the geoip processor needs, as setup status reports them.
import type { StatusResponse } from './api_types';

/** The databases netobs-geo reads (assets/elasticsearch/ingest_pipeline/netobs-geo.json). */
export const GEO_DATABASES = ['GeoLite2-City.mmdb', 'GeoLite2-ASN.mmdb'] as const;
export type GeoDatabase = (typeof GEO_DATABASES)[number];

export interface GeoStatus {
  /**
   * enabled: both databases answer; disabled: a database is missing or expired (lines are still
   * parsed, public addresses get no geo/as fields); no_processor: no geoip processor at all;
   * unknown: the probe was refused (e.g. a privilege) or failed.
   */
  state: 'enabled' | 'disabled' | 'no_processor' | 'unknown';
  /** Where the probe ran: "this cluster" or the pipeline host's label. */
  where: string;
  /** Per database: available, missing, or expired (downloaded copies not updated for 30 days). */
  databases: { name: GeoDatabase; state: 'available' | 'missing' | 'expired' }[];
  /** One line for people: what works, what does not, what to do. */
  message: string;
  /** Elasticsearch's GeoIP downloader (GET _ingest/geoip/stats), where it can be read. */
  downloader?: {
    successfulDownloads: number;
    failedDownloads: number;
    databasesCount: number;
    expiredDatabases: number;
  };
}

/** Setup status with the geo line (StatusResponse carries `geo` itself now). */
export type StatusWithGeo = StatusResponse;
