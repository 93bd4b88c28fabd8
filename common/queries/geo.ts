// Geo and ASN of public addresses (ECS source/destination .geo and .as, filled by the netobs-geo
// pipeline): which side of a document a geo panel reads, the KQL for "a public address" on that
// side, and why a geo panel can be empty. Shared by the server's overview and the app.
import type { Panel } from '../api_types';
import { PRIVATE_RANGES } from './private_ranges';

export type GeoSide = 'source' | 'destination';

/**
 * Why a geo panel has no rows, as far as the documents tell:
 * - `no_public_addresses`: no document of the panel has a public address on that side (GeoIP
 *   places only public addresses; east-west traffic has none);
 * - `not_located`: public addresses, none placed: the GeoIP databases are not available where
 *   the pipelines run (netobs-geo drops the geoip processor's `_geoip_database_unavailable_*`
 *   tag, so only setup status's geo probe can say so), the documents were indexed before geo
 *   lookups were installed, or the databases do not know the addresses.
 */
export type GeoEmptyReason = 'no_public_addresses' | 'not_located';

/**
 * IPv6 interface-local (ffx1::) and link-local (ffx2::) multicast, every flag nibble x: what
 * Java's isMCNodeLocal/isMCLinkLocal (used by Elasticsearch's network_direction) match.
 */
const LOCAL_MULTICAST_V6 = [...'0123456789abcdef'].flatMap((flags) => [
  `ff${flags}1::/16`,
  `ff${flags}2::/16`,
]);

/**
 * Addresses netobs-geo never looks up (assets/elasticsearch/painless/geo_public.painless, after
 * Elasticsearch's network_direction isLocalOrPrivate): private as that processor means it
 * (RFC 1918 and fd00::/8, not the whole of fc00::/7), loopback, unspecified, link-local
 * unicast, link-local and interface-local multicast, and the IPv4 broadcast address. Every
 * other address is public.
 */
export const NOT_PUBLIC_RANGES = [
  ...PRIVATE_RANGES.filter((range) => !range.includes(':')),
  'fd00::/8',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '224.0.0.0/24',
  '0.0.0.0/32',
  '255.255.255.255/32',
  '::1/128',
  '::/128',
  'fe80::/10',
  ...LOCAL_MULTICAST_V6,
];

/** KQL for documents whose `side` address is public (present and in none of those ranges). */
export function publicAddressKql(side: GeoSide): string {
  const field = `${side}.ip`;
  return `${field}: * and not ${field}: (${NOT_PUBLIC_RANGES.map((r) => `"${r}"`).join(' or ')})`;
}

/** What the overview adds to a geo panel: the side it reads and, when empty, why. */
export interface GeoPanelFacts {
  side: GeoSide;
  /** Documents of the panel with a public address on that side (counted when it is empty). */
  publicDocs?: number;
  /** Set when the panel has no rows. */
  emptyReason?: GeoEmptyReason;
}

/** An overview panel that may carry geo facts (geo panels only). */
export type OverviewPanelData = Panel & { geo?: GeoPanelFacts };

/** The reason an empty geo panel gives, from its counts; undefined when it has rows. */
export function geoEmptyReason(rows: number, publicDocs: number): GeoEmptyReason | undefined {
  if (rows > 0) return undefined;
  return publicDocs === 0 ? 'no_public_addresses' : 'not_located';
}
