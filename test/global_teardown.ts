// Stops what global setup started (never a cluster given through ES_URL).
import { stopNode } from '../dev/elasticsearch/node';
import { stopIngestEngine } from '../dev/opensearch/node';
import { TEST_ENGINE_PORT, TEST_ES_PORT } from './support/es_env';

export default async function globalTeardown(): Promise<void> {
  if (process.env.NETOBS_TEST_STARTED_ENGINE === '1') await stopIngestEngine(TEST_ENGINE_PORT);
  if (process.env.NETOBS_TEST_STARTED_ES === '1') await stopNode(TEST_ES_PORT);
}
