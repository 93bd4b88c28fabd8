import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ErrorClass } from './errors';

/** The major version a JDK reports (`java -version` prints e.g. `openjdk version "25.0.1"`). */
function javaMajor(javaHome: string): number {
  const result = spawnSync(path.join(javaHome, 'bin', 'java'), ['-version'], { encoding: 'utf8' });
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr ?? '');
  if (!match) return 0;
  return match[1] === '1' ? Number(match[2]) : Number(match[1]);
}

/**
 * The JDK that runs a product: the first of `envVars` that is set (taken as is, the user's
 * explicit choice), else the newest of JAVA_HOME, the `java` on the PATH and the JDKs under
 * /usr/lib/jvm that is at least `minMajor`. `product` (e.g. "Elasticsearch 9.5.3") words the
 * error, which suggests the first of `envVars`.
 */
export function findJavaHome(
  minMajor: number,
  product: string,
  envVars: string[],
  error: ErrorClass = Error
): string {
  for (const name of envVars) {
    const value = process.env[name];
    if (value) return value;
  }
  const candidates: string[] = [];
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
  const suitable = found.filter((jdk) => jdk.major >= minMajor).sort((a, b) => b.major - a.major);
  if (suitable.length > 0) return suitable[0].home;
  const seen = found.map((jdk) => `${jdk.home} (${jdk.major})`).join(', ') || 'none';
  throw new error(
    `${product} needs Java ${minMajor} or newer; found: ${seen}. ` +
      `Install one (Debian: apt-get install openjdk-${minMajor}-jdk-headless) or set ${envVars[0]}.`
  );
}
