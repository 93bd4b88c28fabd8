// POST /internal/network_observability/overview/{source}: the app's KPI tiles and charts.
import type { IRouter, RequestHandlerContext } from '@kbn/core/server';
import type { SourceId } from '../../../common/constants';
import { dataStreamName, INTERNAL_API_BASE, SOURCE_IDS } from '../../../common/constants';
import type { AnalyticsRequest } from '../../../common/api_types';
import { checkKqlFields } from '../../lib/analytics/kql_field_check';
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
        const client = core.elasticsearch.client.asCurrentUser;
        const { source } = request.params;
        // First the KQL's fields against the data: a value of the wrong type is a 400 naming
        // the field, an unknown field a warning beside the results.
        const { warnings } = await checkKqlFields(
          client,
          dataStreamName(source, deps.namespace ?? '*'),
          request.body.kql
        );
        const body = await overview(client, source, request.body, deps, deps.namespace);
        return response.ok({ body: { ...body, warnings } });
      } catch (error) {
        return errorResponse(response, error);
      }
    }
  );
}
