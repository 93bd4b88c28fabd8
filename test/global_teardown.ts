// Stops the test node when global setup started it (never a cluster given through ES_URL).
import { stopNode } from '../dev/elasticsearch/node';
import { TEST_ES_PORT } from './support/es_env';

export default async function globalTeardown(): Promise<void> {
  if (process.env.NETOBS_TEST_STARTED_ES === '1') await stopNode(TEST_ES_PORT);
}
