// Loads the Kibana saved objects under assets/kibana/<type>/<id>.json in dependency order (data
// views, then searches and queries, then dashboards) and renders them as the NDJSON that
// Kibana's saved-objects importer reads.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { assetsRoot } from './assets_root';

export interface KibanaSavedObject {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  references: { name: string; type: string; id: string }[];
  /** Marks objects the plugin manages (Kibana shows them as managed and warns before edits). */
  managed?: boolean;
  /** The versions the object's shape is written for; Kibana migrates it forward on import. */
  coreMigrationVersion?: string;
  typeMigrationVersion?: string;
}

export const KIBANA_ASSETS_DIR = path.join(assetsRoot(), 'kibana');
const TYPE_ORDER = ['index-pattern', 'search', 'query', 'visualization', 'lens', 'dashboard'];

export function loadKibanaAssets(dir: string = KIBANA_ASSETS_DIR): KibanaSavedObject[] {
  if (!existsSync(dir)) return [];
  const types = readdirSync(dir).filter(
    (type) => existsSync(path.join(dir, type)) && !type.includes('.')
  );
  types.sort((a, b) => (TYPE_ORDER.indexOf(a) + 1 || 99) - (TYPE_ORDER.indexOf(b) + 1 || 99));
  return types.flatMap((type) =>
    readdirSync(path.join(dir, type))
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map(
        (file) => JSON.parse(readFileSync(path.join(dir, type, file), 'utf8')) as KibanaSavedObject
      )
  );
}

export function toNdjson(objects: KibanaSavedObject[]): string {
  return objects.map((object) => JSON.stringify(object)).join('\n') + '\n';
}
