// A Kibana saved-objects service in memory, as strict as Kibana for the paths setup uses: a
// spaces-aware store, a space-scoped client and the importer. Each rule below follows a Kibana
// file (elastic/kibana, src/core/packages/saved-objects/...):
//
//  store       serialization/src/serializer.ts: single-namespace ids are prefixed with the space,
//              multi-namespace objects are one document listing their `namespaces`.
//              common/src/server_types.ts: `version` changes on every write, `updated_at` is set
//              on every write.
//  client      api-server-internal/src/lib/apis/bulk_get.ts: per-item 404 "Saved object [t/id]
//              not found", per-item 400 for an unknown type. create.ts: 409 without overwrite, 409
//              for a multi-namespace id held only by another space, 400 for an unknown type.
//              delete.ts: 404 when missing, 400 for an object in several spaces without `force`.
//              Errors are Boom errors (saved_objects_error_helpers.ts): `output.statusCode`.
//  importer    import-export-server-internal/src/import/import_saved_objects.ts and lib/:
//              collect_saved_objects.ts reads an OBJECT stream (a text chunk has no `attributes`
//              to destructure and throws a TypeError, as Kibana does); unsupported types are
//              errors; validate_references.ts checks references to index-pattern and search
//              outside the import; check_conflicts.ts gives a new id to a multi-namespace object
//              another space holds; check_origin_conflicts.ts finds an earlier copy in this space
//              by origin and overwrites it; create_saved_objects.ts writes nothing while any
//              conflict or missing reference is left, strips `version`, remaps references.
//  migrations  dashboard: migrate_by_value_dashboard_panels.ts stamps each by-value panel with
//              the running Kibana's version. search (9.2+): saved searches become Discover
//              sessions whose columns and sort live in `tabs`
//              (src/platform/plugins/shared/saved_search/server/saved_objects/schema.ts).
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type {
  ImportFailure,
  ImportResponse,
  ImportSuccess,
  ImporterLike,
  SavedObjectsClientLike,
  StoredObject,
} from '../../server/lib/installer/saved_objects_client';

export type NamespaceType = 'single' | 'multiple' | 'multiple-isolated' | 'agnostic';

export interface SavedObjectTypeDouble {
  name: string;
  namespaceType: NamespaceType;
  importableAndExportable: boolean;
}

/** Kibana's own types as their plugins register them (dashboard_saved_object.ts, data_views.ts, search.ts, query.ts). */
export const KIBANA_TYPES: SavedObjectTypeDouble[] = [
  { name: 'index-pattern', namespaceType: 'multiple', importableAndExportable: true },
  { name: 'query', namespaceType: 'multiple', importableAndExportable: true },
  { name: 'search', namespaceType: 'multiple-isolated', importableAndExportable: true },
  { name: 'dashboard', namespaceType: 'multiple-isolated', importableAndExportable: true },
];

interface Doc {
  type: string;
  id: string;
  namespaces: string[];
  attributes: Record<string, unknown>;
  references: { name: string; type: string; id: string }[];
  originId?: string;
  managed: boolean;
  updated_at: string;
  version: string;
}

interface ImportObject {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  references?: { name: string; type: string; id: string }[];
  originId?: string;
  managed?: boolean;
  version?: string;
}

/** A Boom error as Kibana's saved-objects client throws it. */
export class BoomError extends Error {
  readonly isBoom = true;
  readonly output: {
    statusCode: number;
    payload: { statusCode: number; error: string; message: string };
  };
  constructor(statusCode: number, error: string, message: string) {
    super(message);
    this.output = { statusCode, payload: { statusCode, error, message } };
  }
}

const notFound = (type: string, id: string) =>
  new BoomError(404, 'Not Found', `Saved object [${type}/${id}] not found`);
const unsupported = (type: string) =>
  new BoomError(400, 'Bad Request', `Unsupported saved object type: '${type}': Bad Request`);

export interface KibanaDoubleOptions {
  /** The Kibana release whose migrations run on import (9.2+ turns searches into sessions). */
  kibanaVersion?: string;
  /** Types registered besides Kibana's own (a plugin's `core.savedObjects.registerType`). */
  types?: SavedObjectTypeDouble[];
  now?: () => Date;
}

export class KibanaSavedObjectsDouble {
  readonly kibanaVersion: string;
  private readonly types = new Map<string, SavedObjectTypeDouble>();
  private readonly docs = new Map<string, Doc>();
  private seqNo = 0;
  private readonly now: () => Date;
  /** Every import call, for assertions on what setup sent. */
  readonly imports: { space: string; overwrite: boolean; objects: ImportObject[] }[] = [];

  constructor(options: KibanaDoubleOptions = {}) {
    this.kibanaVersion = options.kibanaVersion ?? '9.2.0';
    this.now = options.now ?? (() => new Date());
    for (const type of [...KIBANA_TYPES, ...(options.types ?? [])]) this.registerType(type);
  }

  registerType(type: SavedObjectTypeDouble): void {
    if (this.types.has(type.name)) throw new Error(`Type '${type.name}' is already registered`);
    this.types.set(type.name, type);
  }

  private rawId(type: string, id: string, space: string): string {
    const single = this.types.get(type)?.namespaceType === 'single';
    return single && space !== 'default' ? `${space}:${type}:${id}` : `${type}:${id}`;
  }

  private find(type: string, id: string, space: string): Doc | undefined {
    const doc = this.docs.get(this.rawId(type, id, space));
    return doc && (doc.namespaces.includes(space) || doc.namespaces.includes('*'))
      ? doc
      : undefined;
  }

  private write(doc: Omit<Doc, 'updated_at' | 'version'>, space: string): Doc {
    this.seqNo += 1;
    const stored: Doc = {
      ...doc,
      updated_at: this.now().toISOString(),
      version: Buffer.from(JSON.stringify([this.seqNo, 1])).toString('base64'),
    };
    this.docs.set(this.rawId(doc.type, doc.id, space), stored);
    return stored;
  }

  private view(doc: Doc): StoredObject {
    return {
      id: doc.id,
      type: doc.type,
      attributes: structuredClone(doc.attributes),
      references: structuredClone(doc.references),
      namespaces: [...doc.namespaces],
      managed: doc.managed,
      updated_at: doc.updated_at,
      version: doc.version,
    };
  }

  /** Every object of a type in a space (test inspection, not a Kibana API). */
  list(space: string, type?: string): StoredObject[] {
    return [...this.docs.values()]
      .filter((d) => d.namespaces.includes(space) && (!type || d.type === type))
      .map((d) => this.view(d));
  }

  /** A user's edit in Kibana's UI: the object is written again with new attributes. */
  edit(space: string, type: string, id: string, attributes: Record<string, unknown>): void {
    const doc = this.find(type, id, space);
    if (!doc) throw notFound(type, id);
    this.write({ ...doc, attributes: { ...doc.attributes, ...attributes } }, space);
  }

  /** What Kibana's migrations do to an object as it is written by the importer. */
  private migrate(object: ImportObject): Record<string, unknown> {
    const attributes = structuredClone(object.attributes);
    if (object.type === 'dashboard' && typeof attributes.panelsJSON === 'string') {
      const panels = JSON.parse(attributes.panelsJSON) as Record<string, unknown>[];
      attributes.panelsJSON = JSON.stringify(
        panels.map((panel) => ({ ...panel, version: this.kibanaVersion }))
      );
    }
    if (object.type === 'search' && atLeast(this.kibanaVersion, '9.2.0')) {
      const { columns, sort, grid, ...rest } = attributes;
      return {
        ...rest,
        tabs: [{ id: randomUUID(), label: 'Untitled', attributes: { columns, sort, grid } }],
      };
    }
    return attributes;
  }

  client(space = 'default'): SavedObjectsClientLike {
    return {
      bulkGet: async (objects) => ({
        saved_objects: objects.map(({ type, id }) => {
          if (!this.types.has(type)) return { id, type, error: unsupported(type).output.payload };
          const doc = this.find(type, id, space);
          return doc ? this.view(doc) : { id, type, error: notFound(type, id).output.payload };
        }),
      }),
      create: async (type, attributes, { id, overwrite }) => {
        const registered = this.types.get(type);
        if (!registered) throw unsupported(type);
        const existing = this.docs.get(this.rawId(type, id, space));
        const here = this.find(type, id, space);
        if ((here && !overwrite) || (existing && !here))
          throw new BoomError(409, 'Conflict', `Saved object [${type}/${id}] conflict`);
        return this.view(
          this.write(
            {
              type,
              id,
              namespaces: here?.namespaces ?? [space],
              attributes,
              references: [],
              managed: false,
            },
            space
          )
        );
      },
      delete: async (type, id, options) => {
        const doc = this.types.has(type) ? this.find(type, id, space) : undefined;
        if (!doc) throw notFound(type, id);
        if (doc.namespaces.length > 1 && !options?.force)
          throw new BoomError(
            400,
            'Bad Request',
            'Unable to delete saved object that exists in multiple namespaces, use the `force` option to delete it anyway'
          );
        this.docs.delete(this.rawId(type, id, space));
        return {};
      },
    };
  }

  importer(space = 'default'): ImporterLike {
    return {
      import: async ({ readStream, overwrite, createNewCopies, managed }) => {
        if (createNewCopies) throw new Error('createNewCopies is not modelled by this double');
        const objects: ImportObject[] = [];
        const errors: ImportFailure[] = [];
        for await (const chunk of readStream as Readable) {
          if (!chunk) continue;
          const obj = chunk as ImportObject;
          if (this.types.get(obj.type)?.importableAndExportable) {
            objects.push(obj);
            continue;
          }
          // collect_saved_objects.ts: `const { title } = obj.attributes;` — a string has none.
          const { title } = obj.attributes as { title?: string };
          errors.push({
            id: obj.id,
            type: obj.type,
            error: { type: 'unsupported_type', message: title },
          });
        }
        this.imports.push({ space, overwrite, objects: structuredClone(objects) });
        const seen = new Set<string>();
        for (const o of objects) {
          const key = `${o.type}:${o.id}`;
          if (seen.has(key))
            throw new BoomError(400, 'Bad Request', `Non-unique import objects detected: [${key}]`);
          seen.add(key);
        }
        const destination = new Map<string, string>();
        const originIdOf = (o: ImportObject) => o.originId ?? o.id;
        // check_conflicts.ts + check_origin_conflicts.ts
        for (const o of objects) {
          const key = `${o.type}:${o.id}`;
          const multi = this.types.get(o.type)?.namespaceType.startsWith('multiple');
          const here = this.find(o.type, o.id, space);
          if (here) {
            if (!overwrite) errors.push({ id: o.id, type: o.type, error: { type: 'conflict' } });
            continue;
          }
          if (!multi) continue;
          const elsewhere = this.docs.get(this.rawId(o.type, o.id, space));
          const origin = originIdOf(o);
          const matches = [...this.docs.values()].filter(
            (d) =>
              d.type === o.type &&
              d.namespaces.includes(space) &&
              (d.id === origin || d.originId === origin)
          );
          if (matches.length > 1) {
            errors.push({ id: o.id, type: o.type, error: { type: 'ambiguous_conflict' } });
          } else if (matches.length === 1) {
            if (!overwrite)
              errors.push({
                id: o.id,
                type: o.type,
                error: { type: 'conflict', destinationId: matches[0].id },
              });
            else destination.set(key, matches[0].id);
          } else if (elsewhere) destination.set(key, randomUUID());
        }
        // validate_references.ts: index-pattern and search references outside the import.
        const importing = new Set(objects.map((o) => `${o.type}:${o.id}`));
        for (const o of objects) {
          const missing = (o.references ?? []).filter(
            (r) =>
              ['index-pattern', 'search'].includes(r.type) &&
              !importing.has(`${r.type}:${r.id}`) &&
              !this.find(r.type, r.id, space)
          );
          if (missing.length > 0)
            errors.push({
              id: o.id,
              type: o.type,
              error: {
                type: 'missing_references',
                references: missing.map(({ type, id }) => ({ type, id })),
              },
            });
        }
        // create_saved_objects.ts
        const resolvable = ['conflict', 'ambiguous_conflict', 'missing_references'];
        const successResults: ImportSuccess[] = [];
        if (!errors.some((e) => resolvable.includes(e.error.type))) {
          const failed = new Set(errors.map((e) => `${e.type}:${e.id}`));
          for (const o of objects) {
            const key = `${o.type}:${o.id}`;
            if (failed.has(key)) continue;
            const id = destination.get(key) ?? o.id;
            const previous = this.find(o.type, id, space);
            this.write(
              {
                type: o.type,
                id,
                namespaces: previous?.namespaces ?? [space],
                attributes: this.migrate(o),
                references: (o.references ?? []).map((r) => ({
                  ...r,
                  id: destination.get(`${r.type}:${r.id}`) ?? r.id,
                })),
                originId: id !== o.id ? originIdOf(o) : (previous?.originId ?? o.originId),
                managed: managed ?? o.managed ?? false,
              },
              space
            );
            successResults.push({
              type: o.type,
              id: o.id,
              managed: managed ?? o.managed ?? false,
              ...(id !== o.id ? { destinationId: id } : {}),
            });
          }
        }
        const response: ImportResponse = {
          successCount: successResults.length,
          success: errors.length === 0,
          ...(successResults.length ? { successResults } : {}),
          ...(errors.length ? { errors } : {}),
        };
        return response;
      },
    };
  }
}

function atLeast(version: string, minimum: string): boolean {
  const [a, b] = [version, minimum].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}
