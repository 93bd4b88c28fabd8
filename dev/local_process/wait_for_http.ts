import type { ErrorClass } from './errors';
import { getJson } from './http_json';
import { readPid } from './pid_file';

export interface WaitForHttp {
  /** Answers 2xx once the node is healthy. */
  url: string;
  headers?: Record<string, string>;
  /** The daemon's pid file. */
  pidFile: string;
  timeoutMs: number;
  /** For messages, e.g. "OpenSearch". */
  product: string;
  /** Appended to a failure, e.g. the last log lines. */
  diagnostics: () => string;
  error: ErrorClass;
}

/**
 * Polls `url` until it answers and the pid file names a live process; returns that pid.
 * The pid file may appear late (OpenSearch's `-d` returns before the node has booted), so a
 * missing one is not yet an error; once seen, its process dying fails at once.
 */
export async function waitForHttp(wait: WaitForHttp): Promise<number> {
  const deadline = Date.now() + wait.timeoutMs;
  let sawPid = false;
  while (Date.now() < deadline) {
    const pid = readPid(wait.pidFile);
    if (pid) sawPid = true;
    else if (sawPid) {
      throw new wait.error(`${wait.product} exited during startup.\n${wait.diagnostics()}`);
    }
    try {
      await getJson(wait.url, wait.headers);
      if (pid) return pid;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new wait.error(
    `${wait.product} did not answer on port ${new URL(wait.url).port} within ` +
      `${wait.timeoutMs / 1000} s.\n${wait.diagnostics()}`
  );
}
