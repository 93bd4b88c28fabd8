// `npm stop`: stops what `npm start` of this checkout started, on whatever ports it used
// (ES_PORT, NETOBS_ENGINE_PORT; the app itself stops with its terminal's Ctrl+C). Never data.
import { runningPid, stopNode } from './elasticsearch/node';
import { DEFAULT_ENGINE_PORT, enginePid, stopIngestEngine } from './opensearch/node';

const ES_PORT = Number(process.env.ES_PORT ?? 9200);
const ENGINE_PORT = Number(process.env.NETOBS_ENGINE_PORT ?? DEFAULT_ENGINE_PORT);

async function main(): Promise<void> {
  const stopped: string[] = [];
  if (enginePid(ENGINE_PORT) && (await stopIngestEngine(ENGINE_PORT)))
    stopped.push(`the ingest engine (port ${ENGINE_PORT})`);
  if (runningPid(ES_PORT) && (await stopNode(ES_PORT)))
    stopped.push(`Elasticsearch (port ${ES_PORT})`);
  console.log(
    stopped.length ? `Stopped ${stopped.join(' and ')}.` : 'Nothing of this checkout was running.'
  );
}

void main();
