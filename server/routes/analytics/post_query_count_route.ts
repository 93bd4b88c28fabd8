// POST /internal/network_observability/query_count: live count of a prebuilt query (400 naming the
// parameter when a value does not fit it, as the form says; see common/queries/param_values.ts).
import type { IRouter, RequestHandlerContext } from '@kbn/core/server';
import { dataStreamName, INTERNAL_API_BASE } from '../../../common/constants';
import { QUERY_CATALOG } from '../../../common/queries';
import { checkKqlFields } from '../../lib/analytics/kql_field_check';
import type { QueryCountRequest } from '../../../common/api_types';
import { queryCount } from '../../lib/analytics/query_count';
import { QUERY_COUNT_RULES } from '../../lib/validation/request_rules';
import { errorResponse } from '../error_response';
import type { RouteDeps } from '../route_deps';
import { API_PRIVILEGES } from '../route_deps';
import { bodyValidator } from '../validator';

export function registerPostQueryCountRoute(
  router: IRouter<RequestHandlerContext>,
  deps: RouteDeps
): void {
  router.post(
    {
      path: `${INTERNAL_API_BASE}/query_count`,
      validate: { body: bodyValidator<QueryCountRequest>(QUERY_COUNT_RULES) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, request, response) => {
      try {
        const core = await context.core;
        const client = core.elasticsearch.client.asCurrentUser;
        // The query bar's KQL, checked against the query's data first (as on the overview).
        const source = QUERY_CATALOG.find((query) => query.id === request.body.id)?.source;
        const namespace = deps.namespace ?? '*';
        const { warnings } = source
          ? await checkKqlFields(
              client,
              source === 'all' ? `logs-netobs.*-${namespace}` : dataStreamName(source, namespace),
              request.body.kql
            )
          : { warnings: [] };
        const body = await queryCount(client, request.body, deps, deps.namespace);
        return response.ok({ body: { ...body, warnings } });
      } catch (error) {
        return errorResponse(response, error);
      }
    }
  );
}
