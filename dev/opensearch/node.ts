// Starts and stops a single-node OpenSearch on loopback that only executes our ingest pipelines
// (`_ingest/pipeline/_simulate`, indexing with `pipeline`). It never holds product data; one
// directory per HTTP port keeps its config, data, logs and pid file.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { findJavaHome } from '../elasticsearch/distribution';
import { ensureDistribution, IngestEngineError, OS_CACHE_DIR } from './distribution';

/** Beside the local Elasticsearch (9200 dev, 9250 tests) without clashing with either. */
export const DEFAULT_ENGINE_PORT = 9350;
const OS_USER = 'netobs-opensearch';

export interface EngineOptions {
  port?: number;
  /** -Xms/-Xmx; the engine stores no data, so 512m is plenty. */
  heap?: string;
  /** Wipe the node's data (stored pipelines, test indices) before starting. */
  fresh?: boolean;
}

export interface IngestEngine {
  url: string;
  version: string;
  pid: number;
  startupMs: number;
  alreadyRunning: boolean;
}

export function engineDir(port: number): string {
  return path.join(OS_CACHE_DIR, 'nodes', String(port));
}

export function engineUrl(port: number): string {
  return `http://127.0.0.1:${port}`;
}

const pidFile = (port: number) => path.join(engineDir(port), 'opensearch.pid');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of our engine on `port`, if it is running. */
export function enginePid(port: number): number | undefined {
  if (!existsSync(pidFile(port))) return undefined;
  const pid = Number(readFileSync(pidFile(port), 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

/** OpenSearch refuses to run as root: under root it runs as a dedicated system user. */
function runAsUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, OS_USER], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
  try {
    id('-u');
  } catch {
    execFileSync('useradd', [
      '--system',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      OS_USER,
    ]);
  }
  return { uid: id('-u'), gid: id('-g') };
}

/** A private copy of the distribution's config with our settings and absolute log paths. */
function writeConfig(home: string, dir: string, port: number, heap: string): string {
  const config = path.join(dir, 'config');
  rmSync(config, { recursive: true, force: true });
  cpSync(path.join(home, 'config'), config, { recursive: true });
  const yml = [
    'cluster.name: netobs-ingest-engine',
    'node.name: netobs-ingest-engine',
    'network.host: 127.0.0.1',
    `http.port: ${port}`,
    `transport.port: ${port + 100}`,
    'discovery.type: single-node',
    `path.data: ${path.join(dir, 'data')}`,
    `path.logs: ${path.join(dir, 'logs')}`,
    // A nearly full laptop or CI disk must not turn the engine read-only mid-test.
    'cluster.routing.allocation.disk.threshold_enabled: false',
    '',
  ].join('\n');
  writeFileSync(path.join(config, 'opensearch.yml'), yml);
  // jvm.options points the GC log and heap dumps at paths relative to the working directory,
  // which the unprivileged user cannot write; send them to the node directory instead.
  const jvmOptions = path.join(config, 'jvm.options');
  writeFileSync(
    jvmOptions,
    readFileSync(jvmOptions, 'utf8')
      .replaceAll('file=logs/', `file=${path.join(dir, 'logs')}/`)
      .replace('ErrorFile=logs/', `ErrorFile=${path.join(dir, 'logs')}/`)
      .replace('HeapDumpPath=data', `HeapDumpPath=${path.join(dir, 'data')}`)
  );
  writeFileSync(path.join(config, 'jvm.options.d', 'heap.options'), `-Xms${heap}\n-Xmx${heap}\n`);
  return config;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`${url} → HTTP ${response.status}`);
  return (await response.json()) as T;
}

export async function engineVersion(url: string): Promise<string> {
  return (await getJson<{ version: { number: string } }>(`${url}/`)).version.number;
}

function lastLogLines(dir: string): string {
  const log = path.join(dir, 'logs', 'netobs-ingest-engine.log');
  if (!existsSync(log)) return '(no log file)';
  return readFileSync(log, 'utf8').trimEnd().split('\n').slice(-20).join('\n');
}

/**
 * Waits for the node to answer. Unlike Elasticsearch's, OpenSearch's `-d` returns before the
 * node has booted and writes the pid file only later, so a missing pid file is not yet an error.
 */
async function waitForEngine(port: number, dir: string): Promise<number> {
  const deadline = Date.now() + 90_000;
  let sawPid = false;
  while (Date.now() < deadline) {
    const pid = enginePid(port);
    if (pid) sawPid = true;
    else if (sawPid) {
      throw new IngestEngineError(`OpenSearch exited during startup.\n${lastLogLines(dir)}`);
    }
    try {
      await getJson(`${engineUrl(port)}/_cluster/health?wait_for_status=yellow&timeout=1s`);
      if (pid) return pid;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new IngestEngineError(
    `OpenSearch did not answer on port ${port} within 90 s.\n${lastLogLines(dir)}`
  );
}

/** Starts the engine on `port` (default 9350), or reports the one of ours already there. */
export async function startIngestEngine(options: EngineOptions = {}): Promise<IngestEngine> {
  const port = options.port ?? DEFAULT_ENGINE_PORT;
  const url = engineUrl(port);
  const running = enginePid(port);
  if (running) {
    const version = await engineVersion(url);
    return { url, version, pid: running, startupMs: 0, alreadyRunning: true };
  }
  const started = Date.now();
  const home = await ensureDistribution();
  const dir = engineDir(port);
  if (options.fresh) rmSync(path.join(dir, 'data'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  mkdirSync(path.join(dir, 'logs'), { recursive: true });
  const heap = options.heap ?? process.env.NETOBS_INGEST_ENGINE_HEAP ?? '512m';
  const config = writeConfig(home, dir, port, heap);
  const owner = runAsUser();
  if (owner) execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, dir]);

  // `-d` daemonises once the node has booted, or exits non-zero when it cannot. The daemon
  // inherits our stdout/stderr and keeps them open, so they go to a file: with pipes,
  // spawnSync would wait for the daemon to exit.
  rmSync(pidFile(port), { force: true });
  const output = path.join(dir, 'logs', 'startup.out');
  const fd = openSync(output, 'w');
  const result = spawnSync(path.join(home, 'bin', 'opensearch'), ['-d', '-p', pidFile(port)], {
    stdio: ['ignore', fd, fd],
    env: {
      ...process.env,
      OPENSEARCH_JAVA_HOME: process.env.OPENSEARCH_JAVA_HOME ?? findJavaHome(),
      OPENSEARCH_PATH_CONF: config,
      OPENSEARCH_JAVA_OPTS: '',
    },
    uid: owner?.uid,
    gid: owner?.gid,
  });
  closeSync(fd);
  if (result.status !== 0) {
    throw new IngestEngineError(
      `OpenSearch failed to start (exit ${result.status}).\n` +
        `${readFileSync(output, 'utf8').slice(-2000)}\n` +
        `Last log lines:\n${lastLogLines(dir)}`
    );
  }
  const pid = await waitForEngine(port, dir);
  const version = await engineVersion(url);
  return { url, version, pid, startupMs: Date.now() - started, alreadyRunning: false };
}

/** Stops our engine on `port`; resolves once it has exited. False when none was running. */
export async function stopIngestEngine(port: number = DEFAULT_ENGINE_PORT): Promise<boolean> {
  const pid = enginePid(port);
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
