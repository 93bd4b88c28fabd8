// Our ingest pipelines as the OpenSearch ingest engine (dev/opensearch) accepts them. Used by
// the tests and by `npm start` when the local Elasticsearch has no processor modules.
import type { EsAsset } from '../../server/lib/assets/load_es_assets';
import { loadEsAssets } from '../../server/lib/assets/load_es_assets';
import { customise } from '../../server/lib/installer/es_assets';
import type { HostPipelineOptions, PipelineHost } from '../../server/lib/installer/setup';

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

/**
 * Working field holding the ICMP type and code Elasticsearch assumes when a document has none:
 * under netobs.*, which every pipeline that computes a Community ID removes at its end (no
 * processor of its own to remove it; test/pipelines golden outputs would show one left behind).
 */
const ICMP_DEFAULT_FIELD = 'netobs.engine_icmp_default';

/**
 * Elasticsearch's community_id as the OpenSearch engine runs it. Three engine differences are
 * bridged here, none of which changes a Community ID the engine does compute:
 * - option names (source_ip → source_ip_field …), and the protocol taken by name;
 * - Elasticsearch hashes ICMP/ICMPv6 without a type or code as type 0, code 0
 *   (CommunityIdProcessor.parseIntFromObjectOrString: null → 0); OpenSearch skips such a
 *   document, so it is given a working field holding 0 as both, removed with the other
 *   netobs.* working fields;
 * - OpenSearch knows only TCP, UDP, SCTP, ICMP and ICMPv6 (it throws on GRE, ESP …, which
 *   Elasticsearch hashes without ports) and rejects ports from 63336 up (an engine bug): on the
 *   engine those flows go without a Community ID instead of failing.
 */
function adaptCommunityId(options: Record<string, unknown>): Processor[] {
  const adapted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (!(key in COMMUNITY_ID_FIELDS) && !['iana_number', 'icmp_type', 'icmp_code'].includes(key))
      adapted[key] = value;
  }
  for (const [esName, [osName, fallback]] of Object.entries(COMMUNITY_ID_FIELDS)) {
    adapted[osName] = options[esName] ?? fallback;
  }
  adapted.icmp_type_field = ICMP_DEFAULT_FIELD;
  adapted.icmp_code_field = ICMP_DEFAULT_FIELD;
  // 'lit'.equals(x), not x == 'lit': on the engine, `==` on a def that is null (a document
  // without network.transport) throws and catches inside Painless's call site and deoptimises
  // the condition, every time.
  const icmp =
    "('icmp'.equals(ctx.network?.transport) || 'ipv6-icmp'.equals(ctx.network?.transport))";
  const ported =
    "(('tcp'.equals(ctx.network?.transport) || 'udp'.equals(ctx.network?.transport) || 'sctp'.equals(ctx.network?.transport)) && ctx.source?.port != null && ctx.source.port < 63336 && ctx.destination?.port != null && ctx.destination.port < 63336)";
  const guard = `(${icmp} || ${ported})`;
  adapted.if = options.if ? `(${String(options.if)}) && ${guard}` : guard;
  return [
    { set: { tag: 'engine_icmp_default', if: icmp, field: ICMP_DEFAULT_FIELD, value: 0 } },
    { community_id: adapted },
  ];
}

function adaptProcessor(processor: Processor): Processor[] {
  if ('reroute' in processor) return [];
  if ('community_id' in processor) return adaptCommunityId(processor.community_id);
  return [processor];
}

/**
 * The pipeline as the OpenSearch engine accepts it: `reroute` (Elasticsearch-only) removed, _meta
 * dropped, and community_id adapted (adaptCommunityId: same Community ID v1 hash where the engine
 * computes one).
 */
export function adaptForOpenSearch(asset: EsAsset): EsAsset {
  const body = asset.body as { processors: Processor[]; on_failure?: Processor[] };
  const adapt = (list: Processor[]) => list.flatMap(adaptProcessor);
  // OpenSearch pipelines have no _meta.
  const { _meta: _dropped, ...rest } = body as Record<string, unknown>;
  const adapted: Record<string, unknown> = { ...rest, processors: adapt(body.processors) };
  if (body.on_failure) adapted.on_failure = adapt(body.on_failure);
  return { ...asset, body: adapted };
}

/**
 * Stores every netobs pipeline on the engine at `url`: as shipped, or with setup's pipeline
 * options (keep-original, flow-log formats) applied as on a cluster (customise()).
 */
export async function installEnginePipelines(
  url: string,
  options?: HostPipelineOptions
): Promise<void> {
  for (const shipped of loadEsAssets('ingest_pipeline')) {
    const asset = options ? { ...shipped, body: customise(shipped, options) } : shipped;
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
    async pipeline(name) {
      const response = await fetch(`${url}/_ingest/pipeline/${encodeURIComponent(name)}`);
      if (response.status === 404) return undefined;
      if (!response.ok) throw new Error(`ingest engine at ${url} answered ${response.status}`);
      return ((await response.json()) as Record<string, Record<string, unknown>>)[name];
    },
    install: (options) => installEnginePipelines(url, options),
    // How status sees the engine's geoip databases (server/lib/installer/geo_status.ts).
    async simulate(body) {
      const response = await fetch(`${url}/_ingest/pipeline/_simulate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as {
        docs?: { doc?: { _source?: Record<string, unknown> } }[];
        error?: { reason?: string; root_cause?: { reason?: string }[] };
      };
      if (response.ok) return { ok: true, docs: answer.docs ?? [] };
      const reason = answer.error?.root_cause?.[0]?.reason ?? answer.error?.reason;
      return { ok: false, status: response.status, reason: reason ?? response.statusText };
    },
  };
}
