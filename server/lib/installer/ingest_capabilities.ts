// Whether this cluster can run our pipelines at all: the processor types they use, against the
// ones its ingest nodes offer. A cluster without them (no ingest nodes, or a build without the
// ingest-common modules) refuses every pipeline; status says so instead of just "missing".
import type { Client } from '@elastic/elasticsearch';
import type { EsAsset } from '../assets/load_es_assets';
import { loadEsAssets } from '../assets/load_es_assets';
import { describeEsError } from '../es_errors';

type Processor = Record<string, { on_failure?: Processor[]; processors?: Processor[] }>;

/** Every processor type a pipeline uses, its on_failure handlers included. */
export function processorTypes(pipelines: EsAsset[]): Set<string> {
  const types = new Set<string>();
  const visit = (list: Processor[] | undefined) => {
    for (const processor of list ?? []) {
      for (const [type, options] of Object.entries(processor)) {
        types.add(type);
        visit(options?.on_failure);
      }
    }
  };
  for (const pipeline of pipelines) {
    const body = pipeline.body as { processors?: Processor[]; on_failure?: Processor[] };
    visit(body.processors);
    visit(body.on_failure);
  }
  return types;
}

/**
 * Processor types our pipelines need that no node of this cluster offers, sorted; undefined when
 * the user may not read node information (then nothing is claimed either way).
 */
export async function missingProcessors(
  client: Pick<Client, 'nodes'>,
  pipelines: EsAsset[] = loadEsAssets('ingest_pipeline')
): Promise<string[] | undefined> {
  let offered: Set<string>;
  try {
    const info = await client.nodes.info({ metric: 'ingest' });
    offered = new Set(
      Object.values(info.nodes).flatMap((node) => node.ingest?.processors?.map((p) => p.type) ?? [])
    );
  } catch (error) {
    if (describeEsError(error).status === 403) return undefined;
    throw error;
  }
  return [...processorTypes(pipelines)].filter((type) => !offered.has(type)).sort();
}
