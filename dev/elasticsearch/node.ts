// Starts, stops and inspects a single-node Elasticsearch on 127.0.0.1 from the cached
// distribution. One directory per HTTP port holds its config, data, logs and pid file, so a
// development node (9200) and a test node (9250) can run side by side.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { diskUsage } from '../local_process/disk_usage';
import { getJson } from '../local_process/http_json';
import { logTail } from '../local_process/log_tail';
import { readPid, stopPid } from '../local_process/pid_file';
import { chownTree, systemUser } from '../local_process/system_user';
import { waitForHttp } from '../local_process/wait_for_http';
import { CACHE_DIR, ensureDistribution, findJavaHome, LocalEsError } from './distribution';

export { diskUsage };

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
  templater: {
    username: 'netobs_templater',
    password: 'netobs-templater-pw',
    roles: ['netobs_templates_only'],
  },
} as const;

/**
 * Roles for privilege tests: one that reads network data but installs nothing, one that may
 * manage templates but not ingest pipelines (and reads no data).
 */
const ROLES_YML = `netobs_viewer:
  cluster: ['monitor']
  indices:
    - names: ['logs-netobs.*']
      privileges: ['read', 'view_index_metadata']
netobs_templates_only:
  cluster: ['manage_index_templates', 'monitor']
`;

const ES_USER = 'netobs-es';

export function nodeDir(port: number): string {
  return path.join(CACHE_DIR, 'nodes', String(port));
}

function pidFile(port: number): string {
  return path.join(nodeDir(port), 'es.pid');
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
    // +1000, not +100: 9250+100 would be the ingest engine's HTTP port 9350.
    `transport.port: ${options.port + 1000}`,
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

/** Reads the node's version; the integration-test distribution has no `GET /` handler. */
async function nodeVersion(port: number, security: boolean): Promise<string> {
  const body = await getJson<{ nodes: Record<string, { version: string }> }>(
    `${nodeUrl(port)}/_nodes/_local?filter_path=nodes.*.version`,
    authHeader(security)
  );
  return Object.values(body.nodes)[0].version;
}

function lastLogLines(dir: string): string {
  return logTail(path.join(dir, 'logs', 'netobs-local.log'));
}

/** Starts a node on `options.port` (or reports the one already running there). */
export async function startNode(options: NodeOptions): Promise<RunningNode> {
  const security = options.security ?? false;
  const running = readPid(pidFile(options.port));
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
  const owner = systemUser(ES_USER);
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
        `Last log lines:\n${lastLogLines(dir)}`
    );
  }
  if (!readPid(pidFile(options.port))) {
    throw new LocalEsError(`Elasticsearch wrote no pid file.\n${lastLogLines(dir)}`);
  }
  const pid = await waitForHttp({
    url: `${nodeUrl(options.port)}/_cluster/health?wait_for_status=yellow&timeout=1s`,
    headers: authHeader(security),
    pidFile: pidFile(options.port),
    timeoutMs: 90_000,
    product: 'Elasticsearch',
    diagnostics: () => `Last log lines:\n${lastLogLines(dir)}`,
    error: LocalEsError,
  });
  return {
    url: nodeUrl(options.port),
    version: await nodeVersion(options.port, security),
    pid,
    startupMs: Date.now() - started,
    alreadyRunning: false,
  };
}

/** Stops the node on `port`; resolves once the process has exited. */
export function stopNode(port: number): Promise<boolean> {
  return stopPid(pidFile(port));
}

export function runningPid(port: number): number | undefined {
  return readPid(pidFile(port));
}
