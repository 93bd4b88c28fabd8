// The type of every field our component templates map, flattened to dotted names, so generated
// Kibana objects can pick Lens data types and tests can check every field they use exists.
import { loadEsAssets } from '../../server/lib/assets/load_es_assets';

interface Mapping {
  type?: string;
  properties?: Record<string, Mapping>;
}

function flatten(properties: Record<string, Mapping>, prefix: string, out: Map<string, string>) {
  for (const [name, mapping] of Object.entries(properties)) {
    const field = prefix ? `${prefix}.${name}` : name;
    if (mapping.properties) flatten(mapping.properties, field, out);
    else if (mapping.type) out.set(field, mapping.type);
  }
}

/** Field name → Elasticsearch mapping type, over every component template we ship. */
export function mappedFieldTypes(): Map<string, string> {
  const out = new Map<string, string>();
  for (const asset of loadEsAssets('component_template')) {
    const template = (asset.body as { template?: { mappings?: Mapping } }).template;
    flatten(template?.mappings?.properties ?? {}, '', out);
  }
  return out;
}
