// Maps the failures routes know about to proper HTTP answers: 400 with the field for bad input
// or KQL, 403 naming the missing privilege, 404 for an unknown query, 502 when Elasticsearch is
// unreachable. Only a truly unexpected error becomes a 500.
import type { IKibanaResponse, KibanaResponseFactory } from '@kbn/core/server';
import { KqlError } from '../lib/analytics/query_context';
import { UnknownQueryError } from '../lib/analytics/query_count';
import { describeEsError } from '../lib/installer/es_errors';
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
  const described = describeEsError(error);
  if (described.status === 403) {
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
  if (described.status === 502 || described.status === 503 || described.status === 504) {
    return response.customError({ statusCode: 502, body: { message: described.reason } });
  }
  if (described.status === 400 || described.status === 404) {
    return response.customError({
      statusCode: described.status,
      body: { message: described.reason },
    });
  }
  throw error;
}
