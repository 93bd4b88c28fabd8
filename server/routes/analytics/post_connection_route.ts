// POST /internal/network_observability/connection: the connection doctor. Answers why a (the
// client) can or cannot reach b on a port, from the flow logs of both directions; a bad address,
// port, protocol or time range is a 400 naming the field (common/investigations/connection.ts).
import type { IRouter, RequestHandlerContext, RouteValidationFunction } from '@kbn/core/server';
import { INTERNAL_API_BASE } from '../../../common/constants';
import type { ConnectionRequest } from '../../../common/investigations/connection';
import { checkConnectionRequest } from '../../../common/investigations/connection';
import { connectionDoctor } from '../../lib/analytics/connection_doctor';
import { errorResponse } from '../error_response';
import type { RouteDeps } from '../route_deps';
import { API_PRIVILEGES } from '../route_deps';

const validateConnectionBody: RouteValidationFunction<ConnectionRequest> = (
  data,
  { ok, badRequest }
) => {
  const checked = checkConnectionRequest(data);
  return checked.ok
    ? ok(checked.value)
    : badRequest(`[${checked.field}]: ${checked.message}`, [checked.field]);
};

export function registerPostConnectionRoute(
  router: IRouter<RequestHandlerContext>,
  deps: RouteDeps
): void {
  router.post(
    {
      path: `${INTERNAL_API_BASE}/connection`,
      validate: { body: validateConnectionBody },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, request, response) => {
      try {
        const core = await context.core;
        const body = await connectionDoctor(
          core.elasticsearch.client.asCurrentUser,
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
