// Writes assets/kibana/<type>/<id>.json from the specs in this folder. Run after changing a
// dashboard, a saved search, the data views or the query catalog; a test keeps the files current.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KIBANA_ASSETS_DIR } from '../../server/lib/assets/load_kibana_assets';
import { mappedFieldTypes } from './mapped_fields';
import { buildKibanaSavedObjects } from './saved_objects';

rmSync(KIBANA_ASSETS_DIR, { recursive: true, force: true });
const objects = buildKibanaSavedObjects(mappedFieldTypes());
for (const object of objects) {
  const dir = path.join(KIBANA_ASSETS_DIR, object.type);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${object.id}.json`), JSON.stringify(object, null, 2) + '\n');
}
console.log(`wrote ${objects.length} saved objects under ${KIBANA_ASSETS_DIR}`);
