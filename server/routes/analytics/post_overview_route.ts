// POST /internal/network_observability/overview/{source}: the app's KPI tiles and charts.
import type { IRouter, RequestHandlerContext } from '@kbn/core/server';
import type { SourceId } from '../../../common/constants';
import { INTERNAL_API_BASE, SOURCE_IDS } from '../../../common/constants';
import type { AnalyticsRequest } from '../../../common/api_types';
import { overview } from '../../lib/analytics/overview';
import { TIME_RANGE_RULES } from '../../lib/validation/request_rules';
import { errorResponse } from '../error_response';
import type { RouteDeps } from '../route_deps';
import { API_PRIVILEGES } from '../route_deps';
import { bodyValidator } from '../validator';

export function registerPostOverviewRoute(
  router: IRouter<RequestHandlerContext>,
  deps: RouteDeps
): void {
  router.post(
    {
      path: `${INTERNAL_API_BASE}/overview/{source}`,
      validate: {
        params: (data, { ok, badRequest }) =>
          SOURCE_IDS.includes(data?.source)
            ? ok(data as { source: SourceId })
            : badRequest(`[source]: expected one of ${SOURCE_IDS.join(', ')}`, ['source']),
        body: bodyValidator<AnalyticsRequest>(TIME_RANGE_RULES),
      },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, request, response) => {
      try {
        const core = await context.core;
        const body = await overview(
          core.elasticsearch.client.asCurrentUser,
          request.params.source,
          request.body,
          deps,
          deps.namespace
        );
        return response.ok({ body });
      } catch (error) {
        return errorResponse(response, error);
      }
    }
  );
}
