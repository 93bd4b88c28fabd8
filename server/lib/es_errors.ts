// Turns Elasticsearch client errors into what a user needs: the status, the reason and, for
// authorisation failures, the privilege that would grant the action.
//
// Errors are recognised by their shape, never with `instanceof`: inside Kibana the client is
// Kibana's own copy of @elastic/elasticsearch (another version, another module instance), so
// its errors are not instances of the classes our bundled client exports. The shape used here
// is @elastic/transport's (lib/errors.ts): every error has `name`; a ResponseError carries
// `meta.statusCode`, `meta.body` and `meta.headers`.

import { redactText, redactUrl } from '../../common/redact';

export interface DescribedError {
  /** The HTTP status Elasticsearch answered with; undefined when it never answered. */
  status?: number;
  /** What went wrong, in Elasticsearch's words where it gave some. */
  reason: string;
  /** For 403s: the privileges Elasticsearch names as granting the action. */
  missingPrivileges?: string[];
  /** Why there was no answer: the node could not be reached, or did not answer in time. */
  transport?: 'unreachable' | 'timeout';
  /** Elasticsearch's error type (e.g. `security_exception`, `resource_not_found_exception`). */
  type?: string;
  /** Seconds to wait before retrying, from a 429's `retry-after` header. */
  retryAfter?: number;
}

interface ErrorBody {
  error?: { type?: string; reason?: string; root_cause?: { type?: string; reason?: string }[] };
}

interface TransportErrorShape {
  name?: unknown;
  message?: unknown;
  meta?: { statusCode?: unknown; body?: unknown; headers?: unknown };
}

/** @elastic/transport's error names for requests that got no answer. */
const UNREACHABLE = new Set(['ConnectionError', 'NoLivingConnectionsError']);
const TIMEOUT = new Set(['TimeoutError', 'RequestAbortedError']);

function shape(error: unknown): TransportErrorShape {
  return typeof error === 'object' && error !== null ? (error as TransportErrorShape) : {};
}

function messageOf(error: unknown): string {
  const { message } = shape(error);
  return typeof message === 'string' ? message : String(error);
}

/** The HTTP status of an Elasticsearch response error, whichever client copy threw it. */
export function esErrorStatus(error: unknown): number | undefined {
  const { name, meta } = shape(error);
  if (name !== 'ResponseError' || typeof meta?.statusCode !== 'number') return undefined;
  return meta.statusCode;
}

/** Whether the request never got an answer (connection refused, reset, timed out). */
export function isEsTransportError(error: unknown): boolean {
  const { name } = shape(error);
  return typeof name === 'string' && (UNREACHABLE.has(name) || TIMEOUT.has(name));
}

export function describeEsError(error: unknown): DescribedError {
  const { name, meta } = shape(error);
  const status = esErrorStatus(error);
  if (status !== undefined) {
    const body = meta?.body as ErrorBody | string | undefined;
    const cause = typeof body === 'object' ? body?.error?.root_cause?.[0] : undefined;
    const reason =
      (typeof body === 'object' && (cause?.reason ?? body?.error?.reason)) ||
      (typeof body === 'string' && body) ||
      messageOf(error);
    const type = (typeof body === 'object' && (cause?.type ?? body?.error?.type)) || undefined;
    const granted = /granted by the (?:cluster|index) privileges \[([^\]]+)\]/.exec(reason);
    const headers = (meta?.headers ?? {}) as Record<string, unknown>;
    const retryAfter = Number(headers['retry-after']);
    return {
      status,
      // Elasticsearch may quote a request back (a URL, a header): never pass a credential on.
      reason: redactText(reason),
      type,
      missingPrivileges: granted ? granted[1].split(',').map((p) => p.trim()) : undefined,
      ...(status === 429 && Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}),
    };
  }
  // The node the client tried, without credentials (@elastic/transport: meta.meta.connection).
  const url = (meta as { meta?: { connection?: { url?: unknown } } } | undefined)?.meta?.connection
    ?.url;
  const at = url ? ` at ${redactUrl(String(url))}` : '';
  if (typeof name === 'string' && UNREACHABLE.has(name))
    return {
      reason: redactText(`Elasticsearch is unreachable${at}: ${messageOf(error)}`),
      transport: 'unreachable',
    };
  if (typeof name === 'string' && TIMEOUT.has(name))
    return {
      reason: redactText(`Elasticsearch${at} did not answer in time: ${messageOf(error)}`),
      transport: 'timeout',
    };
  return { reason: messageOf(error) };
}
