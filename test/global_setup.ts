// Jest global setup: integration tests need a real Elasticsearch. When ES_URL is set we use
// that cluster; otherwise we start the local node on a test port and stop it in teardown.
import { startNode } from '../dev/elasticsearch/node';
import { TEST_ES_PORT } from './support/es_env';

export default async function globalSetup(): Promise<void> {
  if (process.env.ES_URL) return;
  const node = await startNode({ port: TEST_ES_PORT, fresh: true });
  process.env.ES_URL = node.url;
  process.env.NETOBS_TEST_STARTED_ES = node.alreadyRunning ? '' : '1';
  console.log(
    `\nElasticsearch ${node.version} for tests at ${node.url}` +
      (node.alreadyRunning
        ? ' (already running)'
        : ` (started in ${(node.startupMs / 1000).toFixed(1)} s)`)
  );
}
