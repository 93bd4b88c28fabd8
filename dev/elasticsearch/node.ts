// Starts, stops and inspects a single-node Elasticsearch on 127.0.0.1 from the cached
// distribution. One directory per HTTP port holds its config, data, logs and pid file, so a
// development node (9200) and a test node (9250) can run side by side.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { CACHE_DIR, ensureDistribution, findJavaHome, LocalEsError } from './distribution';

export interface NodeOptions {
  port: number;
  /** Heap size for -Xms/-Xmx, e.g. "1g". */
  heap?: string;
  /** Enable security with a file-realm superuser and a limited user (see SECURITY_USERS). */
  security?: boolean;
  /** Wipe the node's data before starting. */
  fresh?: boolean;
}

export interface RunningNode {
  url: string;
  version: string;
  pid: number;
  startupMs: number;
  alreadyRunning: boolean;
}

/** Users created when a node starts with security on. Local test credentials only. */
export const SECURITY_USERS = {
  admin: { username: 'netobs_admin', password: 'netobs-admin-pw', roles: ['superuser'] },
  viewer: { username: 'netobs_viewer', password: 'netobs-viewer-pw', roles: ['netobs_viewer'] },
} as const;

/** A role that can read network data but not install anything (for privilege tests). */
const ROLES_YML = `netobs_viewer:
  cluster: ['monitor']
  indices:
    - names: ['logs-netobs.*']
      privileges: ['read', 'view_index_metadata']
`;

const ES_USER = 'netobs-es';

export function nodeDir(port: number): string {
  return path.join(CACHE_DIR, 'nodes', String(port));
}

function pidFile(port: number): string {
  return path.join(nodeDir(port), 'es.pid');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPid(port: number): number | undefined {
  const file = pidFile(port);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

/** Elasticsearch refuses to run as root: under root we run it as a dedicated system user. */
function runAsUser(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  try {
    execFileSync('id', ['-u', ES_USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', [
      '--system',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      ES_USER,
    ]);
  }
  const uid = Number(execFileSync('id', ['-u', ES_USER]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', ES_USER]).toString().trim());
  return { uid, gid };
}

function chownTree(dir: string, owner: { uid: number; gid: number }): void {
  chownSync(dir, owner.uid, owner.gid);
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) chownTree(full, owner);
    else chownSync(full, owner.uid, owner.gid);
  }
}

function writeConfig(home: string, dir: string, options: NodeOptions): string {
  const config = path.join(dir, 'config');
  rmSync(config, { recursive: true, force: true });
  cpSync(path.join(home, 'config'), config, { recursive: true });
  const security = options.security ?? false;
  const yml = [
    'cluster.name: netobs-local',
    'node.name: netobs-local',
    'network.host: 127.0.0.1',
    `http.port: ${options.port}`,
    `transport.port: ${options.port + 100}`,
    'discovery.type: single-node',
    `path.data: ${path.join(dir, 'data')}`,
    `path.logs: ${path.join(dir, 'logs')}`,
    `xpack.security.enabled: ${security}`,
    'xpack.security.http.ssl.enabled: false',
    'xpack.security.transport.ssl.enabled: false',
    // A laptop or CI disk that is 90% full must not turn the node read-only mid-test.
    'cluster.routing.allocation.disk.threshold_enabled: false',
    'action.destructive_requires_name: false',
    '',
  ].join('\n');
  writeFileSync(path.join(config, 'elasticsearch.yml'), yml);
  const heap = options.heap ?? process.env.NETOBS_ES_HEAP ?? '1g';
  mkdirSync(path.join(config, 'jvm.options.d'), { recursive: true });
  writeFileSync(path.join(config, 'jvm.options.d', 'heap.options'), `-Xms${heap}\n-Xmx${heap}\n`);
  writeFileSync(path.join(config, 'roles.yml'), ROLES_YML);
  return config;
}

function addFileRealmUsers(home: string, config: string, env: NodeJS.ProcessEnv): void {
  for (const user of Object.values(SECURITY_USERS)) {
    const result = spawnSync(
      path.join(home, 'bin', 'elasticsearch-users'),
      ['useradd', user.username, '-p', user.password, '-r', user.roles.join(',')],
      { env: { ...env, ES_PATH_CONF: config }, encoding: 'utf8' }
    );
    if (result.status !== 0) {
      throw new LocalEsError(
        `elasticsearch-users useradd ${user.username} failed: ${result.stderr}`
      );
    }
  }
}

export function nodeUrl(port: number): string {
  return `http://127.0.0.1:${port}`;
}

function authHeader(security: boolean): Record<string, string> {
  if (!security) return {};
  const { username, password } = SECURITY_USERS.admin;
  return { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
}

async function fetchJson(url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/** Reads the node's version; the integration-test distribution has no `GET /` handler. */
async function nodeVersion(port: number, security: boolean): Promise<string> {
  const body = (await fetchJson(
    `${nodeUrl(port)}/_nodes/_local?filter_path=nodes.*.version`,
    authHeader(security)
  )) as { nodes: Record<string, { version: string }> };
  return Object.values(body.nodes)[0].version;
}

async function waitForHealth(port: number, security: boolean, pid: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) throw new LocalEsError('Elasticsearch exited during startup.');
    try {
      await fetchJson(
        `${nodeUrl(port)}/_cluster/health?wait_for_status=yellow&timeout=1s`,
        authHeader(security)
      );
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new LocalEsError(`Elasticsearch did not answer on port ${port} within ${timeoutMs} ms.`);
}

function lastLogLines(dir: string, count: number): string {
  const log = path.join(dir, 'logs', 'netobs-local.log');
  if (!existsSync(log)) return '(no log file)';
  return readFileSync(log, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
}

/** Starts a node on `options.port` (or reports the one already running there). */
export async function startNode(options: NodeOptions): Promise<RunningNode> {
  const security = options.security ?? false;
  const running = readPid(options.port);
  if (running) {
    return {
      url: nodeUrl(options.port),
      version: await nodeVersion(options.port, security),
      pid: running,
      startupMs: 0,
      alreadyRunning: true,
    };
  }
  const started = Date.now();
  const home = await ensureDistribution();
  const dir = nodeDir(options.port);
  if (options.fresh) rmSync(path.join(dir, 'data'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  mkdirSync(path.join(dir, 'logs'), { recursive: true });
  const config = writeConfig(home, dir, options);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ES_JAVA_HOME: findJavaHome(),
    ES_PATH_CONF: config,
    ES_JAVA_OPTS: '',
  };
  if (security) addFileRealmUsers(home, config, env);
  const owner = runAsUser();
  if (owner) chownTree(dir, owner);

  // `-d` daemonises once the node has started (or exits non-zero when it cannot).
  const result = spawnSync(
    path.join(home, 'bin', 'elasticsearch'),
    ['-d', '-p', pidFile(options.port)],
    {
      env,
      encoding: 'utf8',
      uid: owner?.uid,
      gid: owner?.gid,
    }
  );
  if (result.status !== 0) {
    throw new LocalEsError(
      `Elasticsearch failed to start (exit ${result.status}).\n${result.stderr.slice(-2000)}\n` +
        `Last log lines:\n${lastLogLines(dir, 20)}`
    );
  }
  const pid = readPid(options.port);
  if (!pid) throw new LocalEsError(`Elasticsearch wrote no pid file.\n${lastLogLines(dir, 20)}`);
  await waitForHealth(options.port, security, pid, 90_000);
  return {
    url: nodeUrl(options.port),
    version: await nodeVersion(options.port, security),
    pid,
    startupMs: Date.now() - started,
    alreadyRunning: false,
  };
}

/** Stops the node on `port`; resolves once the process has exited. */
export async function stopNode(port: number): Promise<boolean> {
  const pid = readPid(port);
  if (!pid) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(pidFile(port), { force: true });
  return true;
}

export function runningPid(port: number): number | undefined {
  return readPid(port);
}

/** Disk use of a directory in bytes (du), for the start-up report. */
export function diskUsage(dir: string): number {
  if (!existsSync(dir)) return 0;
  return Number(execFileSync('du', ['-sb', dir]).toString().split('\t')[0]);
}
