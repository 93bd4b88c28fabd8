// GET /internal/network_observability/freshness: last event, rate and parse errors per source.
import type { IRouter, RequestHandlerContext } from '@kbn/core/server';
import { INTERNAL_API_BASE } from '../../../common/constants';
import { freshness } from '../../lib/analytics/freshness';
import { errorResponse } from '../error_response';
import type { RouteDeps } from '../route_deps';
import { API_PRIVILEGES } from '../route_deps';

export function registerGetFreshnessRoute(
  router: IRouter<RequestHandlerContext>,
  deps: RouteDeps
): void {
  router.get(
    {
      path: `${INTERNAL_API_BASE}/freshness`,
      validate: false,
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, _request, response) => {
      try {
        const core = await context.core;
        const body = await freshness(core.elasticsearch.client.asCurrentUser, deps.namespace);
        return response.ok({ body: { sources: body } });
      } catch (error) {
        return errorResponse(response, error);
      }
    }
  );
}
