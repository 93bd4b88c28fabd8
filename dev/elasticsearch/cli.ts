// `npm run es:start | es:stop | es:status`: the local Elasticsearch for development and tests.
// Options: --port N (default 9200, or ES_PORT), --heap 1g, --security, --fresh.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { CACHE_DIR, ES_VERSION, LocalEsError } from './distribution';
import {
  diskUsage,
  nodeDir,
  nodeUrl,
  runningPid,
  SECURITY_USERS,
  startNode,
  stopNode,
} from './node';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: process.env.ES_PORT ?? '9200' },
      heap: { type: 'string' },
      security: { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  const command = positionals[0] ?? 'status';

  if (command === 'start') {
    const node = await startNode({
      port,
      heap: values.heap,
      security: values.security,
      fresh: values.fresh,
    });
    if (node.alreadyRunning) {
      console.log(
        `Elasticsearch ${node.version} is already running at ${node.url} (pid ${node.pid}).`
      );
      return;
    }
    console.log(`Elasticsearch ${node.version} is up at ${node.url} (pid ${node.pid}).`);
    console.log(`  started in ${(node.startupMs / 1000).toFixed(1)} s`);
    console.log(
      `  disk: distribution ${megabytes(diskUsage(path.join(CACHE_DIR, `elasticsearch-${ES_VERSION}`)))}, ` +
        `node data ${megabytes(diskUsage(nodeDir(port)))} (${nodeDir(port)})`
    );
    if (values.security) {
      const { admin, viewer } = SECURITY_USERS;
      console.log(
        `  security on: superuser ${admin.username}/${admin.password}, limited ${viewer.username}/${viewer.password}`
      );
    }
    console.log(`Stop it with: npm run es:stop${port === 9200 ? '' : ` -- --port ${port}`}`);
  } else if (command === 'stop') {
    const stopped = await stopNode(port);
    console.log(
      stopped
        ? `Stopped Elasticsearch on port ${port}.`
        : `No Elasticsearch of ours runs on port ${port}.`
    );
  } else if (command === 'status') {
    const pid = runningPid(port);
    console.log(pid ? `Running at ${nodeUrl(port)} (pid ${pid}).` : `Not running on port ${port}.`);
  } else {
    throw new LocalEsError(`Unknown command "${command}". Use start, stop or status.`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof LocalEsError ? `Error: ${error.message}` : error);
  process.exit(1);
});
