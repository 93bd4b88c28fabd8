// Makes sure the OpenSearch distribution that serves as our "ingest engine" is unpacked in
// .cache/opensearch, fetching it once from Maven Central through the pom beside this file.
// Why OpenSearch at all: Elastic publishes no ingest processor modules to Maven Central, while
// OpenSearch's integ-test-zip there already contains its real ingest-common, lang-painless and
// ingest-user-agent modules (see README.md here).
import path from 'node:path';
import { findJavaHome } from '../local_process/java_home';
import { ensureMavenZip, mavenZipHome, type MavenZip } from '../local_process/maven_zip';
import { REPO_ROOT } from '../local_process/repo_root';

/** 3.x runs on Java 21+ (we use the newest JDK found, e.g. Temurin 25). */
export const OS_VERSION = process.env.NETOBS_OPENSEARCH_VERSION ?? '3.8.0';
const MIN_JAVA = 21;
export const OS_CACHE_DIR =
  process.env.NETOBS_OPENSEARCH_CACHE ?? path.join(REPO_ROOT, '.cache', 'opensearch');

export class IngestEngineError extends Error {}

const DISTRIBUTION: MavenZip = {
  product: 'OpenSearch',
  version: OS_VERSION,
  cacheDir: OS_CACHE_DIR,
  withoutMaven: 'set NETOBS_INGEST_ENGINE_URL',
  error: IngestEngineError,
};

export function distributionHome(): string {
  return mavenZipHome(DISTRIBUTION);
}

/** OPENSEARCH_JAVA_HOME, else the newest JDK of at least Java 21 (JAVA_HOME, PATH, /usr/lib/jvm). */
export function engineJavaHome(): string {
  const product = `OpenSearch ${OS_VERSION}`;
  return findJavaHome(MIN_JAVA, product, ['OPENSEARCH_JAVA_HOME'], IngestEngineError);
}

/** Unpacks (downloading first when needed) and returns the OpenSearch home directory. */
export function ensureDistribution(): Promise<string> {
  return ensureMavenZip(DISTRIBUTION, path.join(__dirname, 'pom.xml'));
}
