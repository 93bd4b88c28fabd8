// What setup installed into one Kibana space, kept in that space as a saved object of our own
// type (as Fleet keeps an `epm-packages` object per package): the release that installed it and,
// for every saved object we ship, the id Kibana gave it there and its `updated_at` right after
// import. Status compares what is stored with this record, never with our files: Kibana's
// migrations rewrite imported objects (dashboard panel versions, Discover sessions), and a
// second space may give our objects other ids.
import type { SavedObjectsClientLike } from './saved_objects_client';
import { savedObjectErrorStatus } from './saved_objects_client';

export const INSTALLATION_TYPE = 'network-observability-installation';
/** One record per space: `single` namespace types keep the same id apart in each space. */
export const INSTALLATION_ID = 'network-observability';

export interface InstalledObject {
  /** Our id (the file under assets/kibana). */
  type: string;
  name: string;
  /** The id the object has in this space (Kibana's destinationId when it gave a new one). */
  id: string;
  /** `updated_at` as Kibana returned it after our import: a later one means a user's edit. */
  updatedAt?: string;
}

export interface InstallationRecord {
  /** ASSET_VERSION of the release that installed the objects. */
  version: string;
  installedAt: string;
  objects: InstalledObject[];
}

/**
 * The saved-object type, as `core.savedObjects.registerType` takes it (Kibana:
 * src/core/packages/saved-objects/server/src/saved_objects_type.ts). Nothing searches by these
 * attributes, so only `version` is mapped and the rest stays in `_source` (`dynamic: false`, as
 * Kibana's saved-objects guide asks of new types). No model versions yet: the attributes have
 * not changed since the type was introduced, and a type may have none.
 */
export const INSTALLATION_SAVED_OBJECT_TYPE = {
  name: INSTALLATION_TYPE,
  hidden: false,
  namespaceType: 'single',
  mappings: { dynamic: false, properties: { version: { type: 'keyword' } } },
  management: { importableAndExportable: false },
} as const;

/** Where the record lives; `tracked` is false where Kibana does not know our type. */
export interface RecordStore<T = InstallationRecord> {
  read(): Promise<{ tracked: boolean; record?: T }>;
  write(record: T): Promise<void>;
  remove(): Promise<void>;
}

/**
 * The record through a (space-scoped) saved-objects client; `id` names another record of the
 * same type (the alerting rules keep theirs apart: installer/alert_rules_port.ts).
 */
export function savedObjectsRecordStore<T = InstallationRecord>(
  client: SavedObjectsClientLike,
  id: string = INSTALLATION_ID
): RecordStore<T> {
  // Kibana answers 400 "Unsupported saved object type" for a type nobody registered: a Kibana
  // without this plugin, reached over HTTP by `netobs setup --kibana`.
  const unknownType = (error: unknown) =>
    savedObjectErrorStatus(error) === 400 &&
    /unsupported saved object type/i.test(error instanceof Error ? error.message : '');
  return {
    async read() {
      try {
        const { saved_objects } = await client.bulkGet([{ type: INSTALLATION_TYPE, id }]);
        const [found] = saved_objects;
        if (!found || found.error) {
          if (found?.error?.statusCode === 400) return { tracked: false };
          if (!found || found.error?.statusCode === 404) return { tracked: true };
          // Unreadable is not absent: treating it so would replace what users changed.
          throw Object.assign(
            new Error(
              `cannot read the installation record: ${found.error?.message ?? found.error?.statusCode}`
            ),
            { status: found.error?.statusCode }
          );
        }
        return { tracked: true, record: found.attributes as unknown as T };
      } catch (error) {
        if (unknownType(error)) return { tracked: false };
        throw error;
      }
    },
    async write(record) {
      await client.create(INSTALLATION_TYPE, record as unknown as Record<string, unknown>, {
        id,
        overwrite: true,
      });
    },
    async remove() {
      try {
        await client.delete(INSTALLATION_TYPE, id);
      } catch (error) {
        if (savedObjectErrorStatus(error) !== 404) throw error;
      }
    },
  };
}
