// Makes sure an Elasticsearch distribution is unpacked in the cache, fetching it once from
// Maven Central through the small pom beside this file. Everything is cached under
// .cache/elasticsearch so a second run needs no network.
import path from 'node:path';
import { findJavaHome as findJdk } from '../local_process/java_home';
import { ensureMavenZip, type MavenZip } from '../local_process/maven_zip';
import { REPO_ROOT } from '../local_process/repo_root';

export { REPO_ROOT };

// 9.x integ-test-zips are served by Maven Central although its metadata lists only up to 8.19.
export const ES_VERSION = process.env.NETOBS_ES_VERSION ?? '9.5.3';
/** Elasticsearch 9 runs on Java 21 or newer; 8.x on 17 or newer. */
const MIN_JAVA = Number(ES_VERSION.split('.')[0]) >= 9 ? 21 : 17;
export const CACHE_DIR =
  process.env.NETOBS_ES_CACHE ?? path.join(REPO_ROOT, '.cache', 'elasticsearch');

export class LocalEsError extends Error {}

/**
 * The JDK that runs Elasticsearch: ES_JAVA_HOME, then JAVA_HOME, the `java` on the PATH and the
 * JDKs under /usr/lib/jvm, taking the first that is new enough for this Elasticsearch version.
 */
export function findJavaHome(): string {
  return findJdk(MIN_JAVA, `Elasticsearch ${ES_VERSION}`, ['ES_JAVA_HOME'], LocalEsError);
}

const DISTRIBUTION: MavenZip = {
  product: 'Elasticsearch',
  version: ES_VERSION,
  cacheDir: CACHE_DIR,
  withoutMaven: 'point ES_URL at an existing cluster',
  error: LocalEsError,
};

/** Unpacks (downloading first when needed) and returns the Elasticsearch home directory. */
export function ensureDistribution(): Promise<string> {
  return ensureMavenZip(DISTRIBUTION, path.join(__dirname, 'pom.xml'));
}
