// `npm stop`: stops what `npm start` of this checkout started, on whatever ports it used (read
// from .cache/npm-start.json, see dev/local_process/run_state.ts): the app with its start, and
// the Elasticsearch and ingest engine that start launched, never a node it found running. With
// no record, or with ES_PORT / NETOBS_ENGINE_PORT set, it also stops this checkout's nodes on
// those ports (9200 and 9350 by default), as `npm run es:stop` does. Never data.
import { runningPid, stopNode } from './elasticsearch/node';
import { isAlive } from './local_process/pid_file';
import { clearRunState, isStartProcess, readRunState } from './local_process/run_state';
import { stopCheckout } from './local_process/stop_checkout';
import { DEFAULT_ENGINE_PORT, enginePid, stopIngestEngine } from './opensearch/node';

const ES_PORT = Number(process.env.ES_PORT ?? 9200);
const ENGINE_PORT = Number(process.env.NETOBS_ENGINE_PORT ?? DEFAULT_ENGINE_PORT);
/** Long enough for the start to stop both nodes cleanly (each gets up to 30 s). */
const START_EXIT_MS = 75_000;

async function terminate(pid: number): Promise<boolean> {
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + START_EXIT_MS;
  while (isAlive(pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return !isAlive(pid);
}

async function main(): Promise<void> {
  const stopped = await stopCheckout(
    {
      state: readRunState(),
      esPort: ES_PORT,
      enginePort: ENGINE_PORT,
      portsGiven: process.env.ES_PORT !== undefined || process.env.NETOBS_ENGINE_PORT !== undefined,
    },
    {
      isStartProcess,
      terminate,
      kill: (pid) => process.kill(pid, 'SIGKILL'),
      esRunning: (port) => runningPid(port) !== undefined,
      stopEs: stopNode,
      engineRunning: (port) => enginePid(port) !== undefined,
      stopEngine: stopIngestEngine,
      clearState: () => clearRunState(),
    }
  );
  console.log(
    stopped.length ? `Stopped ${stopped.join('; ')}.` : 'Nothing of this checkout was running.'
  );
}

main().catch((error: unknown) => {
  console.error(`npm stop failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
