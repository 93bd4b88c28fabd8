// What `npm stop` does, apart from the processes it acts on: ask this checkout's running
// `npm start` to stop what it started (the app, and the nodes it started, on whatever ports),
// then stop any of those nodes still running (a start killed outright leaves them behind), and
// the nodes on ES_PORT / NETOBS_ENGINE_PORT when they are given or there is no record at all.
import type { RunState } from './run_state';

export interface StopOps {
  /** Whether `pid` is still the `npm start` that wrote the record. */
  isStartProcess(pid: number): boolean;
  /** Sends SIGTERM; resolves true once the process has exited, false if it did not in time. */
  terminate(pid: number): Promise<boolean>;
  /** Sends SIGKILL. */
  kill(pid: number): void;
  esRunning(port: number): boolean;
  stopEs(port: number): Promise<boolean>;
  engineRunning(port: number): boolean;
  stopEngine(port: number): Promise<boolean>;
  clearState(): void;
}

export interface StopRequest {
  state?: RunState;
  /** ES_PORT and NETOBS_ENGINE_PORT, or their defaults. */
  esPort: number;
  enginePort: number;
  /** Whether either port came from the environment rather than its default. */
  portsGiven: boolean;
}

/** Stops what the request names; returns one sentence per thing stopped. */
export async function stopCheckout(request: StopRequest, ops: StopOps): Promise<string[]> {
  const { state } = request;
  const said: string[] = [];
  if (state && ops.isStartProcess(state.pid)) {
    // Its own handler stops what it started, as Ctrl+C in its terminal does.
    if (!(await ops.terminate(state.pid))) ops.kill(state.pid);
    const parts = [`the app on port ${state.appPort}`];
    if (state.esPort !== undefined && !ops.esRunning(state.esPort))
      parts.push(`Elasticsearch on port ${state.esPort}`);
    if (state.enginePort !== undefined && !ops.engineRunning(state.enginePort))
      parts.push(`the ingest engine on port ${state.enginePort}`);
    said.push(`npm start (pid ${state.pid}) and what it started: ${parts.join(', ')}`);
  }
  const fallback = !state || request.portsGiven;
  const enginePorts = new Set([
    ...(state?.enginePort !== undefined ? [state.enginePort] : []),
    ...(fallback ? [request.enginePort] : []),
  ]);
  const esPorts = new Set([
    ...(state?.esPort !== undefined ? [state.esPort] : []),
    ...(fallback ? [request.esPort] : []),
  ]);
  for (const port of enginePorts)
    if (ops.engineRunning(port) && (await ops.stopEngine(port)))
      said.push(`the ingest engine on port ${port}`);
  for (const port of esPorts)
    if (ops.esRunning(port) && (await ops.stopEs(port))) said.push(`Elasticsearch on port ${port}`);
  if (state) ops.clearState();
  return said;
}
