// Where pipeline tests execute our ingest pipelines. A full Elasticsearch (one whose
// `_nodes/ingest` lists the ingest-common processors) runs them itself. The Maven Central
// Elasticsearch has no processor modules, so then the pipelines run on the local OpenSearch
// ingest engine (dev/opensearch), whose real processor modules are on Maven Central. Two
// differences are bridged (adaptForOpenSearch): `reroute` does not exist there and is stripped
// from netobs-router (the router's classification still runs and is asserted through
// netobs.dataset), and community_id takes its field options under other names.
import type { EsAsset } from '../../server/lib/assets/load_es_assets';
import { loadEsAssets } from '../../server/lib/assets/load_es_assets';
import { esUrl } from './es_env';

export interface IngestEngine {
  url: string;
  /** True when the engine is Elasticsearch itself (reroute is then executed for real). */
  isElasticsearch: boolean;
  version: string;
}

async function request<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 2000)}`);
  return JSON.parse(text) as T;
}

async function processorTypes(base: string): Promise<{ types: Set<string>; version: string }> {
  const info = await request<{
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

/** ES community_id options and their defaults → OpenSearch's names for the same options. */
const COMMUNITY_ID_FIELDS: Record<string, [string, string]> = {
  source_ip: ['source_ip_field', 'source.ip'],
  source_port: ['source_port_field', 'source.port'],
  destination_ip: ['destination_ip_field', 'destination.ip'],
  destination_port: ['destination_port_field', 'destination.port'],
  // OpenSearch reads the IANA number only as an integer, ECS keeps it a keyword string: it
  // takes the protocol from network.transport instead (the same protocol, by name).
  transport: ['protocol_field', 'network.transport'],
};

type Processor = Record<string, Record<string, unknown>>;

function adaptProcessor(processor: Processor): Processor | undefined {
  if ('reroute' in processor) return undefined;
  if ('community_id' in processor) {
    const options: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(processor.community_id)) {
      if (!(key in COMMUNITY_ID_FIELDS) && key !== 'iana_number') options[key] = value;
    }
    for (const [esName, [osName, fallback]] of Object.entries(COMMUNITY_ID_FIELDS)) {
      options[osName] = processor.community_id[esName] ?? fallback;
    }
    return { community_id: options };
  }
  return processor;
}

/**
 * The pipeline as the OpenSearch engine accepts it: `reroute` (Elasticsearch-only) removed, _meta dropped, and
 * community_id's options renamed (same Community ID v1 hash, other option names).
 */
export function adaptForOpenSearch(asset: EsAsset): EsAsset {
  const body = asset.body as { processors: Processor[]; on_failure?: Processor[] };
  const adapt = (list: Processor[]) =>
    list.map(adaptProcessor).filter((p): p is Processor => p !== undefined);
  // OpenSearch pipelines have no _meta.
  const { _meta: _dropped, ...rest } = body as Record<string, unknown>;
  const adapted: Record<string, unknown> = { ...rest, processors: adapt(body.processors) };
  if (body.on_failure) adapted.on_failure = adapt(body.on_failure);
  return { ...asset, body: adapted };
}

/** Installs every netobs pipeline on the engine (reroute stripped when it is not Elasticsearch). */
export async function installPipelines(engine: IngestEngine): Promise<void> {
  for (const asset of loadEsAssets('ingest_pipeline')) {
    const { body } = engine.isElasticsearch ? asset : adaptForOpenSearch(asset);
    await request(engine.url, 'PUT', `/_ingest/pipeline/${asset.name}`, body);
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
  const result = await request<{ docs: SimulatedDoc[] }>(
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
