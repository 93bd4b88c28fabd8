// Geo and ASN of public addresses (ECS source/destination .geo and .as, filled by the netobs-geo
// pipeline): which side of a document a geo panel reads, the KQL for "a public address" on that
// side, and why a geo panel can be empty. Shared by the server's overview and the app.
import type { Panel } from '../api_types';
import { isPrivateKql } from './private_ranges';

export type GeoSide = 'source' | 'destination';

/**
 * Why a geo panel has no rows:
 * - `no_public_addresses`: no document of the panel has a public address on that side (GeoIP
 *   only knows public addresses; east-west traffic has none);
 * - `geo_unavailable`: Elasticsearch's geoip processor had no database when these documents were
 *   indexed (it tags them `_geoip_database_unavailable_<database>` instead of failing: the
 *   databases are downloaded from Elastic's endpoint, which an air-gapped cluster cannot reach);
 * - `not_located`: public addresses, but none placed (documents indexed before the geo lookups
 *   were installed, or addresses the database does not know).
 */
export type GeoEmptyReason = 'no_public_addresses' | 'geo_unavailable' | 'not_located';

/** The tag prefix of Elasticsearch's geoip processor without a database (GeoIpProcessor.java). */
export const GEOIP_UNAVAILABLE_TAG_PREFIX = '_geoip_database_unavailable_';

/** KQL for documents whose `side` address is public (present and outside the private ranges). */
export function publicAddressKql(side: GeoSide): string {
  return `${side}.ip: * and not ${isPrivateKql(`${side}.ip`)}`;
}

/** What the overview adds to a geo panel: the side it reads and, when empty, why. */
export interface GeoPanelFacts {
  side: GeoSide;
  /** Documents of the panel with a public address on that side. */
  publicDocs: number;
  /** Documents of the panel the geoip processor tagged as lacking a database. */
  unavailableDocs: number;
  /** Set when the panel has no rows. */
  emptyReason?: GeoEmptyReason;
}

/** An overview panel that may carry geo facts (geo panels only). */
export type OverviewPanelData = Panel & { geo?: GeoPanelFacts };

/** The reason an empty geo panel gives, from its counts; undefined when it has rows. */
export function geoEmptyReason(
  rows: number,
  publicDocs: number,
  unavailableDocs: number
): GeoEmptyReason | undefined {
  if (rows > 0) return undefined;
  if (unavailableDocs > 0) return 'geo_unavailable';
  if (publicDocs === 0) return 'no_public_addresses';
  return 'not_located';
}
