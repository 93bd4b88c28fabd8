// Starts and stops a single-node OpenSearch on loopback that only executes our ingest pipelines
// (`_ingest/pipeline/_simulate`, indexing with `pipeline`). It never holds product data; one
// directory per HTTP port keeps its config, data, logs and pid file.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { getJson } from '../local_process/http_json';
import { logTail } from '../local_process/log_tail';
import { readPid, stopPid } from '../local_process/pid_file';
import { chownTree, systemUser } from '../local_process/system_user';
import { waitForHttp } from '../local_process/wait_for_http';
import {
  engineJavaHome,
  ensureDistribution,
  IngestEngineError,
  OS_CACHE_DIR,
} from './distribution';

/** Beside the local Elasticsearch (9200 dev, 9250 tests) without clashing with either. */
export const DEFAULT_ENGINE_PORT = 9350;
const OS_USER = 'netobs-opensearch';

export interface EngineOptions {
  port?: number;
  /**
   * -Xms/-Xmx. The engine stores no data, but `_simulate` holds every document of a bulk body at
   * once: 1g leaves room for the forwarder's two 5 MB requests in flight (512m ran out in the bench).
   */
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

/** The pid of our engine on `port`, if it is running. */
export function enginePid(port: number): number | undefined {
  return readPid(pidFile(port));
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

export async function engineVersion(url: string): Promise<string> {
  return (await getJson<{ version: { number: string } }>(`${url}/`)).version.number;
}

function lastLogLines(dir: string): string {
  return logTail(path.join(dir, 'logs', 'netobs-ingest-engine.log'));
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
  const heap = options.heap ?? process.env.NETOBS_INGEST_ENGINE_HEAP ?? '1g';
  const config = writeConfig(home, dir, port, heap);
  const owner = systemUser(OS_USER);
  if (owner) chownTree(dir, owner);

  // `-d` daemonises, or exits non-zero when the node cannot start. The daemon
  // inherits our stdout/stderr and keeps them open, so they go to a file: with pipes,
  // spawnSync would wait for the daemon to exit.
  rmSync(pidFile(port), { force: true });
  const output = path.join(dir, 'logs', 'startup.out');
  const fd = openSync(output, 'w');
  const result = spawnSync(path.join(home, 'bin', 'opensearch'), ['-d', '-p', pidFile(port)], {
    stdio: ['ignore', fd, fd],
    env: {
      ...process.env,
      OPENSEARCH_JAVA_HOME: engineJavaHome(),
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
  // Unlike Elasticsearch's, OpenSearch's `-d` returns before the node has booted and writes the
  // pid file only later, which waitForHttp allows for.
  const pid = await waitForHttp({
    url: `${url}/_cluster/health?wait_for_status=yellow&timeout=1s`,
    pidFile: pidFile(port),
    timeoutMs: 90_000,
    product: 'OpenSearch',
    diagnostics: () => lastLogLines(dir),
    error: IngestEngineError,
  });
  const version = await engineVersion(url);
  return { url, version, pid, startupMs: Date.now() - started, alreadyRunning: false };
}

/** Stops our engine on `port`; resolves once it has exited. False when none was running. */
export function stopIngestEngine(port: number = DEFAULT_ENGINE_PORT): Promise<boolean> {
  return stopPid(pidFile(port));
}
