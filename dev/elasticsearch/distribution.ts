// Makes sure an Elasticsearch distribution is unpacked in the cache, fetching it once from
// Maven Central through the small pom beside this file. Everything is cached under
// .cache/elasticsearch so a second run needs no network.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import extract from 'extract-zip';

// 9.x integ-test-zips are served by Maven Central although its metadata lists only up to 8.19.
export const ES_VERSION = process.env.NETOBS_ES_VERSION ?? '9.5.3';
/** Elasticsearch 9 runs on Java 21 or newer; 8.x on 17 or newer. */
const MIN_JAVA = Number(ES_VERSION.split('.')[0]) >= 9 ? 21 : 17;
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CACHE_DIR =
  process.env.NETOBS_ES_CACHE ?? path.join(REPO_ROOT, '.cache', 'elasticsearch');

export class LocalEsError extends Error {}

/** Returns the first command of `candidates` that answers `-version`, or undefined. */
function findTool(candidates: string[], versionFlag: string): string | undefined {
  for (const candidate of candidates) {
    try {
      execFileSync(candidate, [versionFlag], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

/** The major version a JDK reports (`java -version` prints e.g. `openjdk version "25.0.1"`). */
function javaMajor(javaHome: string): number {
  const result = spawnSync(path.join(javaHome, 'bin', 'java'), ['-version'], { encoding: 'utf8' });
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr ?? '');
  if (!match) return 0;
  return match[1] === '1' ? Number(match[2]) : Number(match[1]);
}

/**
 * The JDK that runs Elasticsearch: ES_JAVA_HOME, then JAVA_HOME, the `java` on the PATH and the
 * JDKs under /usr/lib/jvm, taking the first that is new enough for this Elasticsearch version.
 */
export function findJavaHome(): string {
  const candidates: string[] = [];
  if (process.env.ES_JAVA_HOME) return process.env.ES_JAVA_HOME;
  if (process.env.JAVA_HOME) candidates.push(process.env.JAVA_HOME);
  const onPath = spawnSync('sh', ['-c', 'readlink -f "$(command -v java)"'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim()) {
    candidates.push(path.dirname(path.dirname(onPath.stdout.trim())));
  }
  if (existsSync('/usr/lib/jvm')) {
    for (const entry of readdirSync('/usr/lib/jvm').sort().reverse()) {
      candidates.push(path.join('/usr/lib/jvm', entry));
    }
  }
  const found = candidates
    .filter((home) => existsSync(path.join(home, 'bin', 'java')))
    .map((home) => ({ home, major: javaMajor(home) }));
  const suitable = found.filter((jdk) => jdk.major >= MIN_JAVA).sort((a, b) => b.major - a.major);
  if (suitable.length > 0) return suitable[0].home;
  const seen = found.map((jdk) => `${jdk.home} (${jdk.major})`).join(', ') || 'none';
  throw new LocalEsError(
    `Elasticsearch ${ES_VERSION} needs Java ${MIN_JAVA} or newer; found: ${seen}. ` +
      `Install one (Debian: apt-get install openjdk-${MIN_JAVA}-jdk-headless) or set ES_JAVA_HOME.`
  );
}

function fetchWithMaven(artifactsDir: string): void {
  const mvn = findTool(['mvn'], '-version');
  if (!mvn) {
    throw new LocalEsError(
      'Maven was not found. It fetches Elasticsearch from Maven Central: install it ' +
        '(Debian: apt-get install maven) or point ES_URL at an existing cluster.'
    );
  }
  mkdirSync(artifactsDir, { recursive: true });
  console.log(
    `Fetching Elasticsearch ${ES_VERSION} from Maven Central (once; cached in ${artifactsDir})…`
  );
  execFileSync(
    mvn,
    [
      '-q',
      '-B',
      '-f',
      path.join(__dirname, 'pom.xml'),
      'dependency:copy',
      `-Des.version=${ES_VERSION}`,
      `-DoutputDirectory=${artifactsDir}`,
    ],
    { stdio: 'inherit' }
  );
}

/** Unpacks (downloading first when needed) and returns the Elasticsearch home directory. */
export async function ensureDistribution(): Promise<string> {
  const home = path.join(CACHE_DIR, `elasticsearch-${ES_VERSION}`);
  if (existsSync(path.join(home, 'bin', 'elasticsearch'))) return home;

  const artifactsDir = path.join(CACHE_DIR, 'artifacts');
  const zip = path.join(artifactsDir, `elasticsearch-${ES_VERSION}.zip`);
  if (!existsSync(zip)) fetchWithMaven(artifactsDir);
  if (!existsSync(zip)) throw new LocalEsError(`Maven finished but ${zip} is missing.`);

  const staging = path.join(CACHE_DIR, `.unpack-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  await extract(zip, { dir: staging });
  const [top] = readdirSync(staging);
  renameSync(path.join(staging, top), home);
  rmSync(staging, { recursive: true, force: true });
  return home;
}
