// `npx tsx dev/opensearch/cli.ts start|stop|status [--port 9350] [--heap 512m] [--fresh]`:
// the local OpenSearch that executes our ingest pipelines (see README.md here).
import { parseArgs } from 'node:util';
import { diskUsage } from '../local_process/disk_usage';
import { distributionHome, IngestEngineError } from './distribution';
import {
  DEFAULT_ENGINE_PORT,
  engineDir,
  enginePid,
  engineUrl,
  engineVersion,
  startIngestEngine,
  stopIngestEngine,
} from './node';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: String(DEFAULT_ENGINE_PORT) },
      heap: { type: 'string' },
      fresh: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  const command = positionals[0] ?? 'status';

  if (command === 'start') {
    const engine = await startIngestEngine({ port, heap: values.heap, fresh: values.fresh });
    const state = engine.alreadyRunning
      ? 'is already running'
      : `started in ${(engine.startupMs / 1000).toFixed(1)} s`;
    console.log(
      `OpenSearch ${engine.version} ingest engine ${state} at ${engine.url} (pid ${engine.pid}).`
    );
    console.log(
      `  disk: distribution ${megabytes(diskUsage(distributionHome()))}, ` +
        `node ${megabytes(diskUsage(engineDir(port)))} (${engineDir(port)})`
    );
    console.log(`  use it with: NETOBS_INGEST_ENGINE_URL=${engine.url}`);
  } else if (command === 'stop') {
    const stopped = await stopIngestEngine(port);
    console.log(
      stopped
        ? `Stopped the ingest engine on port ${port}.`
        : `No ingest engine of ours on port ${port}.`
    );
  } else if (command === 'status') {
    const pid = enginePid(port);
    if (!pid) {
      console.log(`Not running on port ${port}.`);
      return;
    }
    const version = await engineVersion(engineUrl(port)).catch(() => 'starting');
    console.log(`OpenSearch ${version} running at ${engineUrl(port)} (pid ${pid}).`);
  } else {
    throw new IngestEngineError(`Unknown command "${command}". Use start, stop or status.`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof IngestEngineError ? `Error: ${error.message}` : error);
  process.exit(1);
});
