// Jest global setup: integration tests need a real Elasticsearch. When ES_URL is set we use
// that cluster; otherwise we start the local node on a test port. When that Elasticsearch has
// no ingest processors (the Maven Central build), the OpenSearch ingest engine is started too
// (see test/support/ingest_engine.ts). Teardown stops only what setup started.
import { startNode } from '../dev/elasticsearch/node';
import { startIngestEngine } from '../dev/opensearch/node';
import { esUrl, TEST_ENGINE_PORT, TEST_ES_PORT } from './support/es_env';

async function hasProcessors(url: string): Promise<boolean> {
  const response = await fetch(`${url}/_nodes/ingest?filter_path=nodes.*.ingest.processors.type`);
  return (await response.text()).includes('"dissect"');
}

export default async function globalSetup(): Promise<void> {
  if (!process.env.ES_URL) {
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
  if (!process.env.NETOBS_INGEST_ENGINE_URL && !(await hasProcessors(esUrl()))) {
    const engine = await startIngestEngine({ port: TEST_ENGINE_PORT, fresh: true });
    process.env.NETOBS_INGEST_ENGINE_URL = engine.url;
    process.env.NETOBS_TEST_STARTED_ENGINE = engine.alreadyRunning ? '' : '1';
    console.log(
      `Ingest engine (OpenSearch ${engine.version}) at ${engine.url}` +
        (engine.alreadyRunning
          ? ' (already running)'
          : ` (started in ${(engine.startupMs / 1000).toFixed(1)} s)`)
    );
  }
}
