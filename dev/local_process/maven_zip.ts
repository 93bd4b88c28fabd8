// Fetches a distribution's integ-test-zip once from Maven Central, through a small pom beside
// the launcher that names the artifact and takes its version as -Ddistribution.version, and
// unpacks it once into a cache, so a second run needs no network.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import extract from 'extract-zip';
import type { ErrorClass } from './errors';

export interface MavenZip {
  /**
   * "Elasticsearch" or "OpenSearch", for messages. Lower-cased it is the artifact: Maven writes
   * `<cacheDir>/artifacts/<artifact>-<version>.zip`, which unpacks to `<cacheDir>/<artifact>-
   * <version>` with its launcher script at `bin/<artifact>`.
   */
  product: string;
  version: string;
  cacheDir: string;
  /** How to do without Maven, e.g. "point ES_URL at an existing cluster". */
  withoutMaven: string;
  error: ErrorClass;
}

const artifactName = (zip: MavenZip) => `${zip.product.toLowerCase()}-${zip.version}`;

/** Where the distribution is (or will be) unpacked. */
export function mavenZipHome(zip: MavenZip): string {
  return path.join(zip.cacheDir, artifactName(zip));
}

function fetchWithMaven(zip: MavenZip, pom: string, artifactsDir: string): void {
  try {
    execFileSync('mvn', ['-version'], { stdio: 'ignore' });
  } catch {
    throw new zip.error(
      `Maven was not found. It fetches ${zip.product} from Maven Central: install it ` +
        `(Debian: apt-get install maven) or ${zip.withoutMaven}.`
    );
  }
  mkdirSync(artifactsDir, { recursive: true });
  console.log(
    `Fetching ${zip.product} ${zip.version} from Maven Central (once; cached in ${artifactsDir})…`
  );
  execFileSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      pom,
      'dependency:copy',
      `-Ddistribution.version=${zip.version}`,
      `-DoutputDirectory=${artifactsDir}`,
    ],
    { stdio: 'inherit' }
  );
}

/**
 * Unpacks (downloading first with `pom` when needed) and returns the distribution's home
 * directory.
 */
export async function ensureMavenZip(zip: MavenZip, pom: string): Promise<string> {
  const home = mavenZipHome(zip);
  if (existsSync(path.join(home, 'bin', zip.product.toLowerCase()))) return home;

  const artifactsDir = path.join(zip.cacheDir, 'artifacts');
  const file = path.join(artifactsDir, `${artifactName(zip)}.zip`);
  if (!existsSync(file)) fetchWithMaven(zip, pom, artifactsDir);
  if (!existsSync(file)) throw new zip.error(`Maven finished but ${file} is missing.`);

  // Unpack beside the target and rename, so an interrupted unzip never looks complete.
  const staging = path.join(zip.cacheDir, `.unpack-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  await extract(file, { dir: staging });
  const [top] = readdirSync(staging);
  renameSync(path.join(staging, top), home);
  rmSync(staging, { recursive: true, force: true });
  return home;
}
