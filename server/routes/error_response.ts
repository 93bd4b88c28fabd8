// Maps the failures routes know about to proper HTTP answers: 400 with the field for bad input
// or KQL, what Elasticsearch answered for its own refusals (401, 403 naming the missing
// privilege, 404, 429 with retry-after), 502 when Elasticsearch is unreachable and 504 when it
// does not answer in time. Only a truly unexpected error is rethrown (Kibana answers 500).
import type { IKibanaResponse, KibanaResponseFactory } from '@kbn/core/server';
import { KqlError } from '../lib/analytics/query_context';
import { UnknownQueryError } from '../lib/analytics/query_count';
import { describeEsError } from '../lib/es_errors';
import { InstallationError } from '../lib/installer/installation_errors';
import { ValidationError } from '../lib/validation/validate_object';

export function errorResponse(response: KibanaResponseFactory, error: unknown): IKibanaResponse {
  if (error instanceof ValidationError || error instanceof KqlError) {
    return response.badRequest({ body: { message: error.message } });
  }
  // Ours (common/kql) is KqlSyntaxError, Kibana's @kbn/es-query throws KQLSyntaxError.
  if (error instanceof Error && /^K(ql|QL)SyntaxError$/.test(error.name)) {
    return response.badRequest({ body: { message: `Invalid KQL: ${error.message}` } });
  }
  if (error instanceof UnknownQueryError)
    return response.notFound({ body: { message: error.message } });
  if (error instanceof InstallationError)
    return response.customError({ statusCode: error.statusCode, body: { message: error.message } });
  const described = describeEsError(error);
  if (described.transport === 'unreachable')
    return response.customError({ statusCode: 502, body: { message: described.reason } });
  if (described.transport === 'timeout')
    return response.customError({ statusCode: 504, body: { message: described.reason } });
  switch (described.status) {
    case 403: {
      const privileges = described.missingPrivileges?.join(' or ');
      return response.forbidden({
        body: {
          message: privileges
            ? `Missing privilege ${privileges}; ask an administrator or use a user who has it. (${described.reason})`
            : described.reason,
          attributes: { missingPrivileges: described.missingPrivileges ?? [] },
        },
      });
    }
    case 429:
      return response.customError({
        statusCode: 429,
        body: { message: `Elasticsearch is busy: ${described.reason}` },
        headers: { 'retry-after': String(described.retryAfter ?? 10) },
      });
    case 400:
    case 401:
    case 404:
      return response.customError({
        statusCode: described.status,
        body: { message: described.reason },
      });
    case 502:
    case 503:
    case 504:
      return response.customError({ statusCode: 502, body: { message: described.reason } });
    default:
      throw error;
  }
}
