// The parts of Kibana's saved-objects client and importer that setup uses, as structural types
// so server/lib stays free of @kbn imports. Kibana's request-scoped client fits them, and so
// does the HTTP client the CLI uses (kibana_http_client.ts).
//
// Followed (elastic/kibana):
//   src/core/packages/saved-objects/api-server/src/saved_objects_client.ts (bulkGet, create, delete)
//   src/core/packages/saved-objects/server/src/import.ts (ISavedObjectsImporter, options)
//   src/core/packages/saved-objects/common/src/saved_objects_imports.ts (the import response)
import type { Readable } from 'node:stream';

export interface StoredObject {
  id: string;
  type: string;
  attributes?: Record<string, unknown>;
  references?: { name: string; type: string; id: string }[];
  /** ISO time of the last write (Kibana's `updated_at`). */
  updated_at?: string;
  /** Opaque, changes on every write (base64 of seq_no and primary term). */
  version?: string;
  namespaces?: string[];
  managed?: boolean;
  /** bulkGet reports a missing object per item: 404, or 400 for a type Kibana does not know. */
  error?: { statusCode: number; error?: string; message?: string };
}

export interface SavedObjectsClientLike {
  bulkGet(objects: { type: string; id: string }[]): Promise<{ saved_objects: StoredObject[] }>;
  create(
    type: string,
    attributes: Record<string, unknown>,
    options: { id: string; overwrite: boolean }
  ): Promise<StoredObject>;
  /** Refuses (400) an object shared with other spaces unless `force`. */
  delete(type: string, id: string, options?: { force?: boolean }): Promise<unknown>;
}

export interface ImportSuccess {
  id: string;
  type: string;
  /** The id the object got in this space, when it is not `id` (another space holds `id`). */
  destinationId?: string;
  managed?: boolean;
}

export interface ImportFailure {
  id: string;
  type: string;
  error: {
    type: string;
    message?: string;
    destinationId?: string;
    references?: { type: string; id: string }[];
  };
}

export interface ImportResponse {
  success: boolean;
  successCount: number;
  successResults?: ImportSuccess[];
  errors?: ImportFailure[];
}

export interface ImporterLike {
  /** `readStream` is an object-mode stream of saved objects, not NDJSON text. */
  import(options: {
    readStream: Readable;
    overwrite: boolean;
    createNewCopies: boolean;
    managed?: boolean;
  }): Promise<ImportResponse>;
}

/**
 * The HTTP status a saved-objects call failed with: Kibana's client throws Boom errors
 * (`output.statusCode`), the CLI's HTTP client a `status`; undefined for anything else.
 */
export function savedObjectErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const shape = error as { output?: { statusCode?: unknown }; status?: unknown };
  const status = shape.output?.statusCode ?? shape.status;
  return typeof status === 'number' ? status : undefined;
}
