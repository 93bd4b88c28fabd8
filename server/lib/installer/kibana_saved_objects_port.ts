// The saved-objects side of setup inside Kibana: data views are imported without overwriting, so
// a user's field formats and runtime fields survive upgrades; every other object is imported with
// overwrite and marked managed, as Fleet installs integration assets. Status compares what is
// stored with what the plugin ships. Structural types keep this file free of @kbn imports.
import { Readable } from 'node:stream';
import { isDeepStrictEqual } from 'node:util';
import type { AssetStatusEntry, AssetType, SetupResult } from '../../../common/api_types';
import type { KibanaSavedObject } from '../assets/load_kibana_assets';
import { loadKibanaAssets, toNdjson } from '../assets/load_kibana_assets';
import type { SavedObjectsPort } from './setup';

interface StoredObject {
  id: string;
  type: string;
  attributes?: Record<string, unknown>;
  error?: { statusCode: number; message?: string };
}

export interface SavedObjectsClientLike {
  bulkGet(objects: { type: string; id: string }[]): Promise<{ saved_objects: StoredObject[] }>;
  delete(type: string, id: string, options?: { force?: boolean }): Promise<unknown>;
}

export interface ImporterLike {
  import(options: {
    readStream: Readable;
    overwrite: boolean;
    createNewCopies: boolean;
    managed?: boolean;
  }): Promise<{
    success: boolean;
    successResults?: { id: string; type: string }[];
    errors?: { id: string; type: string; error: { type: string; message?: string } }[];
  }>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Whether `stored` holds everything `ours` sets. Kibana adds keys on import (migrations,
 * defaults) and re-serialises nested JSON strings such as panelsJSON, so JSON strings compare
 * parsed, objects compare as subsets, and arrays element by element.
 */
function contains(stored: unknown, ours: unknown): boolean {
  if (typeof ours === 'string' && typeof stored === 'string' && ours !== stored) {
    const [a, b] = [parseJson(stored), parseJson(ours)];
    return typeof b === 'object' && b !== null && contains(a, b);
  }
  if (Array.isArray(ours))
    return (
      Array.isArray(stored) &&
      stored.length === ours.length &&
      ours.every((value, i) => contains(stored[i], value))
    );
  if (typeof ours === 'object' && ours !== null)
    return (
      typeof stored === 'object' &&
      stored !== null &&
      !Array.isArray(stored) &&
      Object.entries(ours).every(([key, value]) =>
        contains((stored as Record<string, unknown>)[key], value)
      )
    );
  return isDeepStrictEqual(stored, ours);
}

/**
 * Whether every attribute we ship is stored as we ship it. Kibana may add attributes, and newer
 * Kibanas move some into a new layout on import (saved searches became Discover sessions whose
 * columns live in `tabs`): a top-level attribute the stored object no longer has at all was
 * migrated away, not changed, so only the attributes still present are compared.
 */
function matches(stored: StoredObject, ours: KibanaSavedObject): boolean {
  const attributes = stored.attributes ?? {};
  return Object.entries(ours.attributes).every(
    ([key, value]) => !(key in attributes) || contains(attributes[key], value)
  );
}

export function kibanaSavedObjectsPort(
  client: SavedObjectsClientLike,
  importer: ImporterLike,
  objects: KibanaSavedObject[] = loadKibanaAssets()
): SavedObjectsPort {
  async function stored(): Promise<Map<string, StoredObject>> {
    if (objects.length === 0) return new Map();
    const { saved_objects } = await client.bulkGet(objects.map(({ type, id }) => ({ type, id })));
    return new Map(saved_objects.filter((o) => !o.error).map((o) => [`${o.type}/${o.id}`, o]));
  }

  async function importBatch(
    batch: KibanaSavedObject[],
    overwrite: boolean,
    before: Map<string, StoredObject>
  ): Promise<SetupResult[]> {
    if (batch.length === 0) return [];
    const response = await importer.import({
      readStream: Readable.from([toNdjson(batch)]),
      overwrite,
      createNewCopies: false,
      managed: true,
    });
    const failed = new Map((response.errors ?? []).map((e) => [`${e.type}/${e.id}`, e.error]));
    return batch.map((object) => {
      const key = `${object.type}/${object.id}`;
      const error = failed.get(key);
      const base = { type: object.type as AssetType, name: object.id };
      if (error?.type === 'conflict' && !overwrite)
        return { ...base, action: 'unchanged', note: 'exists; kept as the user left it' };
      if (error) return { ...base, action: 'failed', error: error.message ?? error.type };
      return { ...base, action: before.has(key) ? 'updated' : 'installed' };
    });
  }

  return {
    async status(): Promise<AssetStatusEntry[]> {
      const existing = await stored();
      return objects.map((object) => {
        const found = existing.get(`${object.type}/${object.id}`);
        const state = !found
          ? 'missing'
          : matches(found, object)
            ? 'installed'
            : object.type === 'index-pattern'
              ? 'modified'
              : 'outdated';
        return { type: object.type as AssetType, name: object.id, state };
      });
    },

    async install({ force }): Promise<SetupResult[]> {
      const before = await stored();
      const current = (o: KibanaSavedObject) => {
        const found = before.get(`${o.type}/${o.id}`);
        return found !== undefined && matches(found, o);
      };
      const unchanged = (o: KibanaSavedObject): SetupResult => ({
        type: o.type as AssetType,
        name: o.id,
        action: 'unchanged',
      });
      const dataViews = objects.filter((o) => o.type === 'index-pattern');
      const others = objects.filter((o) => o.type !== 'index-pattern');
      const results = [
        ...(await importBatch(
          dataViews.filter((o) => !before.has(`${o.type}/${o.id}`)),
          false,
          before
        )),
        ...dataViews
          .filter((o) => before.has(`${o.type}/${o.id}`))
          .map((o) =>
            current(o) ? unchanged(o) : { ...unchanged(o), note: 'changed by a user; kept' }
          ),
        ...(await importBatch(
          others.filter((o) => force || !current(o)),
          true,
          before
        )),
        ...others.filter((o) => !force && current(o)).map(unchanged),
      ];
      return results;
    },

    async uninstall(): Promise<SetupResult[]> {
      const existing = await stored();
      const results: SetupResult[] = [];
      // Dashboards and searches first, data views last: nothing is left pointing at a removed view.
      for (const object of [...objects].reverse()) {
        const base = { type: object.type as AssetType, name: object.id };
        if (!existing.has(`${object.type}/${object.id}`)) {
          results.push({ ...base, action: 'skipped', note: 'not installed' });
          continue;
        }
        try {
          await client.delete(object.type, object.id, { force: true });
          results.push({ ...base, action: 'removed' });
        } catch (error) {
          results.push({
            ...base,
            action: 'failed',
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
      return results;
    },
  };
}
