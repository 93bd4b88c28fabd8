// What a running `npm start` of this checkout started, on which ports: written by dev/start.ts,
// read by dev/stop.ts, so `npm stop` stops exactly that whatever ports it was given (ES_PORT,
// NETOBS_ENGINE_PORT, NETOBS_APP_PORT), and never a node the start found already running. The
// file sits in the checkout's .cache, so two checkouts never read each other's.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isAlive } from './pid_file';
import { REPO_ROOT } from './repo_root';

export interface RunState {
  /** The process running dev/start.ts; SIGTERM makes it stop what it started. */
  pid: number;
  appPort: number;
  /** Elasticsearch's port, when this start started it (absent when it found one running). */
  esPort?: number;
  /** The ingest engine's port, when this start started it. */
  enginePort?: number;
}

export const RUN_STATE_FILE = path.join(REPO_ROOT, '.cache', 'npm-start.json');

export function writeRunState(state: RunState, file = RUN_STATE_FILE): void {
  mkdirSync(path.dirname(file), { recursive: true });
  // Through a temporary file: a reader never sees half a record.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`);
  renameSync(temporary, file);
}

/** The record, or undefined when there is none or it cannot be read. */
export function readRunState(file = RUN_STATE_FILE): RunState | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as Partial<RunState>;
    const positive = (value: unknown) => Number.isInteger(value) && (value as number) > 0;
    const port = (value: unknown) => positive(value) && (value as number) < 65536;
    if (!positive(state.pid) || !port(state.appPort)) return undefined;
    return {
      pid: state.pid as number,
      appPort: state.appPort as number,
      ...(port(state.esPort) ? { esPort: state.esPort } : {}),
      ...(port(state.enginePort) ? { enginePort: state.enginePort } : {}),
    };
  } catch {
    return undefined;
  }
}

export function clearRunState(file = RUN_STATE_FILE): void {
  rmSync(file, { force: true });
}

/**
 * Whether `pid` is still the `npm start` that wrote the record: alive, and (where /proc shows
 * it) running dev/start.ts, so a pid the system has since given to another program is left alone.
 */
export function isStartProcess(pid: number): boolean {
  if (!isAlive(pid)) return false;
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return true;
  try {
    return readFileSync(cmdline, 'utf8').includes(path.join('dev', 'start.ts'));
  } catch {
    return true;
  }
}
