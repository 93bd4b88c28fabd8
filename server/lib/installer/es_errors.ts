// Turns Elasticsearch client errors into what a user needs: the status, the reason and, for
// authorisation failures, the privilege that would grant the action.
import { errors } from '@elastic/elasticsearch';

export interface DescribedError {
  status?: number;
  reason: string;
  /** For 403s: the privileges Elasticsearch names as granting the action. */
  missingPrivileges?: string[];
}

interface ErrorBody {
  error?: { type?: string; reason?: string; root_cause?: { reason?: string }[] };
}

export function describeEsError(error: unknown): DescribedError {
  if (error instanceof errors.ResponseError) {
    const body = error.meta.body as ErrorBody | string | undefined;
    const reason =
      (typeof body === 'object' && (body.error?.root_cause?.[0]?.reason ?? body.error?.reason)) ||
      (typeof body === 'string' ? body : error.message);
    const granted = /granted by the (?:cluster|index) privileges \[([^\]]+)\]/.exec(reason);
    return {
      status: error.meta.statusCode,
      reason,
      missingPrivileges: granted ? granted[1].split(',').map((p) => p.trim()) : undefined,
    };
  }
  if (error instanceof errors.ConnectionError || error instanceof errors.TimeoutError) {
    return { status: 502, reason: `Elasticsearch is unreachable: ${error.message}` };
  }
  return { reason: error instanceof Error ? error.message : String(error) };
}
