// Which _source mode our data streams get: synthetic where the licence allows it, stored
// otherwise, always written explicitly into netobs-settings.
//
// Elasticsearch licenses synthetic source as an enterprise feature (x-pack/plugin/logsdb,
// SyntheticSourceLicenseService: enterprise, which includes trial). On a lower licence 9.x
// quietly falls back to stored source, so asking for synthetic there would only make the
// installed template say something the indices do not do.
//
// GET _license answers { license: { status, type, uid, ... } } (x-pack/plugin/core,
// org.elasticsearch.license.GetLicenseResponse, served by RestGetLicenseAction); type is one of
// basic, standard, gold, platinum, enterprise, trial; status one of active, expired, invalid.
import type { Client } from '@elastic/elasticsearch';
import { describeEsError } from '../es_errors';

export type SourceMode = 'synthetic' | 'stored';

export type LicenseClient = Pick<Client, 'license'>;

/** The licence types that include synthetic source. */
const SYNTHETIC_SOURCE_LICENSES = new Set(['enterprise', 'trial']);

/**
 * Synthetic when the cluster's licence is an active enterprise or trial licence, stored for every
 * other answer — including a cluster without the licence API (404/400, e.g. OpenSearch or an OSS
 * build) or a user who may not read it (401/403).
 */
export async function sourceModeForLicense(client: Partial<LicenseClient>): Promise<SourceMode> {
  if (!client.license) return 'stored';
  try {
    const response = await client.license.get();
    const license = response.license as { type?: string; status?: string } | undefined;
    return license?.status === 'active' && SYNTHETIC_SOURCE_LICENSES.has(license.type ?? '')
      ? 'synthetic'
      : 'stored';
  } catch (error) {
    const { status } = describeEsError(error);
    if (status !== undefined && status >= 400 && status < 500) return 'stored';
    throw error;
  }
}
