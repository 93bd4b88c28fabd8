// Where pipeline tests execute our ingest pipelines. A full Elasticsearch (one whose
// `_nodes/ingest` lists the ingest-common processors) runs them itself. The Maven Central
// Elasticsearch has no processor modules, so then the pipelines run on the local OpenSearch
// ingest engine (dev/opensearch), whose real processor modules are on Maven Central. Two
// differences are bridged (adaptForOpenSearch): `reroute` does not exist there and is stripped
// from netobs-router (the router's classification still runs and is asserted through
// netobs.dataset), and community_id takes its field options under other names.
import { installEnginePipelines } from '../../dev/ingest_bridge/engine_pipelines';
import { loadEsAssets } from '../../server/lib/assets/load_es_assets';
import { requestJson } from '../../dev/local_process/http_json';
import { esUrl } from './es_env';

export interface IngestEngine {
  url: string;
  /** True when the engine is Elasticsearch itself (reroute is then executed for real). */
  isElasticsearch: boolean;
  version: string;
}

async function processorTypes(base: string): Promise<{ types: Set<string>; version: string }> {
  const info = await requestJson<{
    nodes: Record<string, { version: string; ingest?: { processors: { type: string }[] } }>;
  }>(base, 'GET', '/_nodes/ingest');
  const [node] = Object.values(info.nodes);
  return {
    types: new Set(node.ingest?.processors.map((p) => p.type) ?? []),
    version: node.version,
  };
}

/** Picks Elasticsearch when it can run our processors, else the OpenSearch ingest engine. */
export async function ingestEngine(): Promise<IngestEngine> {
  const es = await processorTypes(esUrl());
  if (es.types.has('dissect') && es.types.has('script') && es.types.has('reroute')) {
    return { url: esUrl(), isElasticsearch: true, version: es.version };
  }
  const url = process.env.NETOBS_INGEST_ENGINE_URL;
  if (!url) {
    throw new Error(
      'Elasticsearch at ES_URL has no ingest processors and no ingest engine is running ' +
        '(NETOBS_INGEST_ENGINE_URL is unset; jest global setup normally starts it).'
    );
  }
  const engine = await processorTypes(url);
  return { url, isElasticsearch: false, version: engine.version };
}

/** Installs every netobs pipeline on the engine (reroute stripped when it is not Elasticsearch). */
export async function installPipelines(engine: IngestEngine): Promise<void> {
  if (!engine.isElasticsearch) return installEnginePipelines(engine.url);
  for (const asset of loadEsAssets('ingest_pipeline')) {
    await requestJson(engine.url, 'PUT', `/_ingest/pipeline/${asset.name}`, asset.body);
  }
}

export interface SimulatedDoc {
  doc?: { _source: Record<string, unknown> };
  error?: unknown;
}

/** Runs documents through a stored pipeline with `_simulate` and returns the resulting sources. */
export async function simulate(
  engine: IngestEngine,
  pipeline: string,
  sources: Record<string, unknown>[]
): Promise<Record<string, unknown>[]> {
  const result = await requestJson<{ docs: SimulatedDoc[] }>(
    engine.url,
    'POST',
    `/_ingest/pipeline/${pipeline}/_simulate`,
    { docs: sources.map((source) => ({ _index: 'logs-netobs.raw-test', _source: source })) }
  );
  return result.docs.map((doc, i) => {
    if (!doc.doc)
      throw new Error(`document ${i} failed outside on_failure: ${JSON.stringify(doc.error)}`);
    return doc.doc._source;
  });
}
