// The saved-objects side of setup, for one Kibana space: imports our data views, saved searches,
// saved queries and dashboards (managed, as Fleet installs integration assets) and keeps an
// installation record in the space (installation_record.ts). Status is read from the record:
// an object is missing when its recorded id is gone, modified when its `updated_at` moved since
// our import, outdated when an older release installed it. User-modified data views are always
// kept; user-modified dashboards and searches are replaced only with `force`.
//
// Kibana contracts this relies on (docs/kibana-compatibility.md has the sources):
// - the importer reads an object stream and writes nothing when one object has a conflict or a
//   missing reference, so everything goes in one import with overwrite;
// - objects whose id another space holds get a new id in this one (`destinationId`); re-imports
//   find that copy again through its origin id;
// - references to data views or searches outside the import must exist in this space, so they
//   are pointed at the ids recorded for this space.
import { Readable } from 'node:stream';
import { ASSET_VERSION } from '../../../common/constants';
import type { AssetStatusEntry, AssetType, SetupResult } from '../../../common/api_types';
import type { KibanaSavedObject } from '../assets/load_kibana_assets';
import { loadKibanaAssets } from '../assets/load_kibana_assets';
import type { InstallationRecord, InstalledObject, RecordStore } from './installation_record';
import { savedObjectsRecordStore } from './installation_record';
import { compareVersions } from './installation_errors';
import type { ImporterLike, SavedObjectsClientLike, StoredObject } from './saved_objects_client';
import { savedObjectErrorStatus } from './saved_objects_client';
import type { SavedObjectsPort } from './setup';

const keyOf = (o: { type: string; id: string }) => `${o.type}/${o.id}`;

type State = AssetStatusEntry['state'];

interface Assessed {
  object: KibanaSavedObject;
  /** What the record says, when it says anything. */
  entry?: InstalledObject;
  /** The object as stored in this space, at its recorded id (or ours, without a record). */
  stored?: StoredObject;
  state: State;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface SavedObjectsPortOptions {
  objects?: KibanaSavedObject[];
  /** Where the installation record lives; by default a saved object in the client's space. */
  records?: RecordStore;
  now?: () => Date;
}

export function kibanaSavedObjectsPort(
  client: SavedObjectsClientLike,
  importer: ImporterLike,
  options: SavedObjectsPortOptions = {}
): SavedObjectsPort {
  const objects = options.objects ?? loadKibanaAssets();
  const records = options.records ?? savedObjectsRecordStore(client);
  const now = options.now ?? (() => new Date());

  async function fetch(refs: { type: string; id: string }[]): Promise<Map<string, StoredObject>> {
    if (refs.length === 0) return new Map();
    const { saved_objects } = await client.bulkGet(refs);
    return new Map(saved_objects.filter((o) => !o.error).map((o) => [keyOf(o), o]));
  }

  /** Every object's state in this space, from the record (or, untracked, from presence). */
  async function assess(): Promise<{
    tracked: boolean;
    record?: InstallationRecord;
    all: Assessed[];
  }> {
    const { tracked, record } = await records.read();
    const entries = new Map((record?.objects ?? []).map((e) => [`${e.type}/${e.name}`, e]));
    const where = (o: KibanaSavedObject) => ({
      type: o.type,
      id: entries.get(keyOf(o))?.id ?? o.id,
    });
    const stored = await fetch(objects.map(where));
    const all = objects.map((object): Assessed => {
      const entry = entries.get(keyOf(object));
      const found = stored.get(keyOf(where(object)));
      const assessed = { object, entry, stored: found };
      if (!found) return { ...assessed, state: 'missing' };
      // Without a record the version is unknown: untracked (a Kibana without this plugin) the
      // object counts as installed; tracked, an earlier release without records installed it.
      if (!entry) return { ...assessed, state: tracked ? 'outdated' : 'installed' };
      if (entry.updatedAt && found.updated_at && found.updated_at !== entry.updatedAt)
        return { ...assessed, state: 'modified' };
      const order = compareVersions(record?.version ?? '0', ASSET_VERSION);
      return { ...assessed, state: order < 0 ? 'outdated' : order > 0 ? 'newer' : 'installed' };
    });
    return { tracked, record, all };
  }

  /** Imports `batch` into this space; returns the id each object has there, or its failure. */
  async function importAll(
    batch: KibanaSavedObject[],
    idsHere: Map<string, string>
  ): Promise<Map<string, { id?: string; error?: string }>> {
    const outcome = new Map<string, { id?: string; error?: string }>();
    if (batch.length === 0) return outcome;
    const inBatch = new Set(batch.map(keyOf));
    // A reference to an object not imported now must name that object's id in this space.
    const pointed = batch.map((o) => ({
      ...o,
      references: o.references.map((r) =>
        inBatch.has(keyOf(r)) ? r : { ...r, id: idsHere.get(keyOf(r)) ?? r.id }
      ),
    }));
    const response = await importer.import({
      readStream: Readable.from(pointed),
      overwrite: true,
      createNewCopies: false,
      managed: true,
    });
    for (const success of response.successResults ?? [])
      outcome.set(keyOf(success), { id: success.destinationId ?? success.id });
    for (const failure of response.errors ?? []) {
      const missing = failure.error.references?.map(keyOf).join(', ');
      outcome.set(keyOf(failure), {
        error: `${failure.error.message ?? failure.error.type}${missing ? ` (${missing})` : ''}`,
      });
    }
    // Kibana writes nothing when any object has a conflict or a missing reference.
    if (!response.success && (response.successResults ?? []).length === 0)
      for (const object of batch)
        if (!outcome.has(keyOf(object)))
          outcome.set(keyOf(object), {
            error: 'not imported: another object of this import failed',
          });
    return outcome;
  }

  /** See install(): data views found by origin, and those the probe import created. */
  async function probeDataViews(views: Assessed[]): Promise<{
    found: Map<string, StoredObject>;
    created: Map<string, { id: string }>;
  }> {
    const found = new Map<string, StoredObject>();
    const created = new Map<string, { id: string }>();
    if (views.length === 0) return { found, created };
    const response = await importer.import({
      readStream: Readable.from(views.map((a) => a.object)),
      overwrite: false,
      createNewCopies: false,
      managed: true,
    });
    for (const success of response.successResults ?? [])
      created.set(keyOf(success), { id: success.destinationId ?? success.id });
    const conflicts = (response.errors ?? []).flatMap((e) =>
      e.error.type === 'conflict' && e.error.destinationId
        ? [[keyOf(e), e.error.destinationId] as const]
        : []
    );
    const stored = await fetch(conflicts.map(([, id]) => ({ type: 'index-pattern', id })));
    for (const [key, id] of conflicts) {
      const copy = stored.get(`index-pattern/${id}`);
      if (copy) found.set(key, copy);
    }
    return { found, created };
  }

  return {
    async installedVersion() {
      return (await records.read()).record?.version;
    },

    async status(): Promise<AssetStatusEntry[]> {
      const { record, all } = await assess();
      return all.map(({ object, entry, state }) => ({
        type: object.type as AssetType,
        name: object.id,
        id: entry?.id ?? object.id,
        state,
        ...(record ? { installedVersion: record.version } : {}),
      }));
    },

    async install({ force }): Promise<SetupResult[]> {
      const assessed = await assess();
      const { tracked, record } = assessed;
      // Data views with neither a record entry nor a copy under our id may still be here, under
      // an id Kibana gave this space. An import without overwrite finds such a copy by its origin
      // and answers a conflict naming it (check_origin_conflicts.ts), so a user's copy is never
      // overwritten; what is truly new it creates (then nothing else is written in that import).
      const probe = await probeDataViews(
        assessed.all.filter((a) => a.object.type === 'index-pattern' && !a.entry && !a.stored)
      );
      const all = assessed.all.map((a): Assessed => {
        const found = probe.found.get(keyOf(a.object));
        return found ? { ...a, stored: found, state: tracked ? 'outdated' : 'installed' } : a;
      });
      const keep = (a: Assessed) =>
        a.state === 'installed' && !force
          ? 'unchanged'
          : a.state === 'modified' && (a.object.type === 'index-pattern' || !force)
            ? 'kept'
            : // Untracked, an existing data view may hold a user's edits nobody can see.
              !tracked && a.stored && a.object.type === 'index-pattern'
              ? 'kept'
              : // Tracked but unrecorded: a data view an earlier release installed is adopted as is.
                tracked && !a.entry && a.stored && a.object.type === 'index-pattern'
                ? 'adopted'
                : undefined;
      const idsHere = new Map(
        all.map((a) => {
          const key = keyOf(a.object);
          return [key, probe.created.get(key)?.id ?? a.entry?.id ?? a.stored?.id ?? a.object.id];
        })
      );
      const toImport = all.filter(
        (a) => keep(a) === undefined && !probe.created.has(keyOf(a.object))
      );
      let imported: Map<string, { id?: string; error?: string }>;
      let after: Map<string, StoredObject>;
      try {
        imported = new Map<string, { id?: string; error?: string }>([
          ...probe.created,
          ...(await importAll(
            toImport.map((a) => a.object),
            idsHere
          )),
        ]);
        // updated_at as Kibana stored it: a later one, some day, is a user's edit.
        after = await fetch(
          all.flatMap(({ object }) => {
            const id = imported.get(keyOf(object))?.id;
            return id ? [{ type: object.type, id }] : [];
          })
        );
      } catch (error) {
        // Kibana may have applied the import before the failure reached us (an HTTP timeout):
        // record what we sent without updated_at, so the next setup sees it outdated and
        // replaces it, instead of taking Kibana's write for a user's edit forever.
        if (tracked) {
          const sent = new Set(toImport.map((a) => keyOf(a.object)));
          await records
            .write({
              version: record?.version ?? '0',
              installedAt: now().toISOString(),
              objects: all.flatMap((a) =>
                sent.has(keyOf(a.object))
                  ? [{ type: a.object.type, name: a.object.id, id: idsHere.get(keyOf(a.object))! }]
                  : a.entry
                    ? [a.entry]
                    : []
              ),
            })
            .catch(() => undefined);
        }
        throw error;
      }
      const results: SetupResult[] = [];
      const entries: InstalledObject[] = [];
      for (const a of all) {
        const base = { type: a.object.type as AssetType, name: a.object.id };
        const decision = keep(a);
        const record = (id: string, stored?: StoredObject) =>
          entries.push({
            type: a.object.type,
            name: a.object.id,
            id,
            ...(stored?.updated_at ? { updatedAt: stored.updated_at } : {}),
          });
        if (decision !== undefined) {
          if (a.entry) entries.push(a.entry);
          else if (a.stored) record(a.stored.id, a.stored);
          results.push(
            decision === 'unchanged'
              ? { ...base, action: 'unchanged' }
              : decision === 'adopted'
                ? {
                    ...base,
                    action: 'unchanged',
                    note: 'installed by an earlier release; kept as it is',
                  }
                : a.object.type === 'index-pattern'
                  ? { ...base, action: 'unchanged', note: 'changed by a user; kept' }
                  : {
                      ...base,
                      action: 'skipped',
                      note: 'changed in Kibana since it was installed; kept (setup with force replaces it)',
                    }
          );
          continue;
        }
        const outcome = imported.get(keyOf(a.object));
        if (!outcome?.id) {
          if (a.entry) entries.push(a.entry);
          results.push({ ...base, action: 'failed', error: outcome?.error ?? 'not imported' });
          continue;
        }
        record(outcome.id, after.get(`${a.object.type}/${outcome.id}`));
        results.push({
          ...base,
          action: a.state === 'missing' ? 'installed' : 'updated',
          ...(outcome.id !== a.object.id
            ? { note: `id ${outcome.id} in this space (the id ${a.object.id} is taken in another)` }
            : {}),
        });
      }
      if (tracked) {
        const failed = results.some((r) => r.action === 'failed');
        await records.write({
          // A partly failed upgrade keeps the older version, so the next setup tries again.
          version: failed && record ? record.version : ASSET_VERSION,
          installedAt: now().toISOString(),
          objects: entries,
        });
      }
      return results;
    },

    async uninstall(): Promise<SetupResult[]> {
      const { all } = await assess();
      const results: SetupResult[] = [];
      // Dashboards and searches first, data views last: nothing is left pointing at a removed view.
      for (const { object, entry, stored } of [...all].reverse()) {
        const base = { type: object.type as AssetType, name: object.id };
        if (!stored) {
          results.push({ ...base, action: 'skipped', note: 'not installed' });
          continue;
        }
        try {
          // Without force Kibana refuses to delete an object shared with other spaces.
          await client.delete(object.type, entry?.id ?? object.id);
          results.push({ ...base, action: 'removed' });
        } catch (error) {
          const shared =
            savedObjectErrorStatus(error) === 400 &&
            /multiple namespaces/i.test(errorMessage(error));
          results.push(
            shared
              ? { ...base, action: 'skipped', note: 'shared with other spaces; left in place' }
              : { ...base, action: 'failed', error: errorMessage(error) }
          );
        }
      }
      if (!results.some((r) => r.action === 'failed')) await records.remove();
      return results;
    },
  };
}
