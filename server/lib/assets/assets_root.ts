// Where the asset files are: `assets/` beside the plugin's kibana.json. Found by walking up from
// this file, so the same code works from the sources, inside the built Kibana plugin (whose
// .kibana-plugin-helpers.json copies assets/ into the build) and from the bundled netobs CLI.
import { existsSync } from 'node:fs';
import path from 'node:path';

export function assetsRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'kibana.json')) && existsSync(path.join(dir, 'assets')))
      return path.join(dir, 'assets');
    if (path.dirname(dir) === dir)
      throw new Error(`no assets/ folder beside a kibana.json above ${from}`);
  }
}
