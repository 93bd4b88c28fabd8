// Loads the Elasticsearch assets under assets/elasticsearch as request bodies: inlines the
// Painless files that pipelines reference as {"$file": "<name>.painless"} and stamps each
// asset's _meta with the asset version and a hash of the asset as shipped, so the installer can
// tell installed, outdated and missing apart (a changed asset is outdated even where no one
// bumped the version). Pure data in, data out: no Elasticsearch calls here.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ASSET_VERSION, MANAGED_BY } from '../../../common/constants';
import { assetsRoot } from './assets_root';

export type EsAssetKind = 'component_template' | 'ingest_pipeline' | 'index_template';

export interface EsAsset {
  kind: EsAssetKind;
  /** The asset's name in Elasticsearch (the file name without .json). */
  name: string;
  body: Record<string, unknown>;
}

export const ES_ASSETS_DIR = path.join(assetsRoot(), 'elasticsearch');

/** Order in which assets depend on each other: templates reference components and pipelines. */
export const INSTALL_ORDER: EsAssetKind[] = [
  'component_template',
  'ingest_pipeline',
  'index_template',
];

export interface AssetMeta {
  version: string;
  managed_by: string;
  managed: boolean;
}

export function assetMeta(): AssetMeta {
  return { version: ASSET_VERSION, managed_by: MANAGED_BY, managed: true };
}

/** A short hash of an asset's content as shipped (its Painless inlined, without _meta). */
function shippedHash(content: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}

function inlineScripts(value: unknown, dir: string): unknown {
  if (Array.isArray(value)) return value.map((item) => inlineScripts(item, dir));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const file = record.$file;
  if (typeof file === 'string' && Object.keys(record).length === 1) {
    return readFileSync(path.join(dir, file), 'utf8');
  }
  return Object.fromEntries(
    Object.entries(record).map(([key, child]) => [key, inlineScripts(child, dir)])
  );
}

/** Every asset of one kind, sorted by name. */
export function loadEsAssets(kind: EsAssetKind, dir: string = ES_ASSETS_DIR): EsAsset[] {
  const kindDir = path.join(dir, kind);
  return readdirSync(kindDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(path.join(kindDir, file), 'utf8')) as Record<
        string,
        unknown
      >;
      const body = inlineScripts(raw, path.join(dir, 'painless')) as Record<string, unknown>;
      const { _meta: own, ...content } = body;
      const meta = {
        ...(own as Record<string, unknown> | undefined),
        ...assetMeta(),
        shipped_hash: shippedHash(content),
      };
      return { kind, name: file.slice(0, -'.json'.length), body: { ...body, _meta: meta } };
    });
}

/** All assets in install order. */
export function loadAllEsAssets(dir: string = ES_ASSETS_DIR): EsAsset[] {
  return INSTALL_ORDER.flatMap((kind) => loadEsAssets(kind, dir));
}
