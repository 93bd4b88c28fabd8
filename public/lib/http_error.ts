// The error every AppHttp implementation rejects with, so pages can tell "forbidden" from
// "Elasticsearch unreachable" and show the server's own explanation.
export class HttpError extends Error {
  constructor(
    message: string,
    public readonly status: number,
    public readonly attributes?: Record<string, unknown>
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** A message fit for a callout, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
