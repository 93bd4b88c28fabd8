/**
 * The error class a launcher wants thrown, so its CLI can tell an expected failure (printed as
 * one line) from a bug (printed with its stack): Elasticsearch's LocalEsError, OpenSearch's
 * IngestEngineError.
 */
export type ErrorClass = new (message: string) => Error;
