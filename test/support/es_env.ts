// Where integration tests find Elasticsearch, and a client for it.
import { Client } from '@elastic/elasticsearch';

/** Port of the node `npm test` starts when ES_URL is not set (9200 stays free for `npm start`). */
export const TEST_ES_PORT = Number(process.env.NETOBS_TEST_ES_PORT ?? 9250);

/** Port of the OpenSearch ingest engine `npm test` starts when Elasticsearch has no processors. */
export const TEST_ENGINE_PORT = Number(process.env.NETOBS_TEST_ENGINE_PORT ?? 9360);

export function esUrl(): string {
  return process.env.ES_URL ?? `http://127.0.0.1:${TEST_ES_PORT}`;
}

/** A client for the test cluster; ES_API_KEY or ES_USERNAME/ES_PASSWORD when it is secured. */
export function testClient(): Client {
  const auth = process.env.ES_API_KEY
    ? { apiKey: process.env.ES_API_KEY }
    : process.env.ES_USERNAME
      ? { username: process.env.ES_USERNAME, password: process.env.ES_PASSWORD ?? '' }
      : undefined;
  return new Client({ node: esUrl(), auth });
}
