// Makes sure the OpenSearch distribution that serves as our "ingest engine" is unpacked in
// .cache/opensearch, fetching it once from Maven Central through the pom beside this file.
// Why OpenSearch at all: Elastic publishes no ingest processor modules to Maven Central, while
// OpenSearch's integ-test-zip there already contains its real ingest-common, lang-painless and
// ingest-user-agent modules (see README.md here).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import extract from 'extract-zip';
import { REPO_ROOT } from '../elasticsearch/distribution';

/** 3.x runs on Java 21+ (we use the newest JDK found, e.g. Temurin 25). */
export const OS_VERSION = process.env.NETOBS_OPENSEARCH_VERSION ?? '3.8.0';
export const OS_CACHE_DIR =
  process.env.NETOBS_OPENSEARCH_CACHE ?? path.join(REPO_ROOT, '.cache', 'opensearch');

export class IngestEngineError extends Error {}

export function distributionHome(): string {
  return path.join(OS_CACHE_DIR, `opensearch-${OS_VERSION}`);
}

function fetchWithMaven(artifactsDir: string): void {
  try {
    execFileSync('mvn', ['-version'], { stdio: 'ignore' });
  } catch {
    throw new IngestEngineError(
      'Maven was not found. It fetches the OpenSearch ingest engine from Maven Central: ' +
        'install it (Debian: apt-get install maven) or set NETOBS_INGEST_ENGINE_URL.'
    );
  }
  mkdirSync(artifactsDir, { recursive: true });
  console.log(`Fetching OpenSearch ${OS_VERSION} from Maven Central (once; ${artifactsDir})…`);
  execFileSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      path.join(__dirname, 'pom.xml'),
      'dependency:copy',
      `-Dos.version=${OS_VERSION}`,
      `-DoutputDirectory=${artifactsDir}`,
    ],
    { stdio: 'inherit' }
  );
}

/** Unpacks (downloading first when needed) and returns the OpenSearch home directory. */
export async function ensureDistribution(): Promise<string> {
  const home = distributionHome();
  if (existsSync(path.join(home, 'bin', 'opensearch'))) return home;

  const artifactsDir = path.join(OS_CACHE_DIR, 'artifacts');
  const zip = path.join(artifactsDir, `opensearch-${OS_VERSION}.zip`);
  if (!existsSync(zip)) fetchWithMaven(artifactsDir);
  if (!existsSync(zip)) throw new IngestEngineError(`Maven finished but ${zip} is missing.`);

  // Unpack beside the target and rename, so an interrupted unzip never looks complete.
  const staging = path.join(OS_CACHE_DIR, `.unpack-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  await extract(zip, { dir: staging });
  const [top] = readdirSync(staging);
  renameSync(path.join(staging, top), home);
  rmSync(staging, { recursive: true, force: true });
  return home;
}
