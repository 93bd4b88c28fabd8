// Our ingest pipelines as the OpenSearch ingest engine (dev/opensearch) accepts them. Used by
// the tests and by `npm start` when the local Elasticsearch has no processor modules.
import type { EsAsset } from '../../server/lib/assets/load_es_assets';
import { loadEsAssets } from '../../server/lib/assets/load_es_assets';
import type { PipelineHost } from '../../server/lib/installer/setup';

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
    // OpenSearch 3.8 rejects ports from 63336 up ("must be between 0 and 65535"): an engine bug,
    // so on the engine only those flows go without a Community ID instead of failing.
    const guard =
      'ctx.source?.port != null && ctx.source.port < 63336 && ctx.destination?.port != null && ctx.destination.port < 63336';
    options.if = options.if ? `(${String(options.if)}) && ${guard}` : guard;
    return { community_id: options };
  }
  return processor;
}

/**
 * The pipeline as the OpenSearch engine accepts it: `reroute` (Elasticsearch-only) removed, _meta dropped, and
 * community_id's options renamed (and guarded against an engine bug with high ports) (same Community ID v1 hash, other option names).
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

/** Stores every netobs pipeline on the engine at `url`. */
export async function installEnginePipelines(url: string): Promise<void> {
  for (const asset of loadEsAssets('ingest_pipeline')) {
    const response = await fetch(`${url}/_ingest/pipeline/${asset.name}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(adaptForOpenSearch(asset).body),
    });
    if (!response.ok)
      throw new Error(`pipeline ${asset.name}: ${response.status} ${await response.text()}`);
  }
}

/**
 * The engine as the place our pipelines run when the local Elasticsearch cannot hold them: the
 * standalone app server passes it to the routes, so status says where they are and setup puts
 * them there (server/lib/installer/setup.ts PipelineHost).
 */
export function enginePipelineHost(url: string): PipelineHost {
  return {
    label: 'the local ingest engine',
    async pipelines() {
      const response = await fetch(`${url}/_ingest/pipeline/netobs-*`);
      if (response.status === 404) return [];
      if (!response.ok) throw new Error(`ingest engine at ${url} answered ${response.status}`);
      return Object.keys((await response.json()) as Record<string, unknown>);
    },
    install: () => installEnginePipelines(url),
  };
}
