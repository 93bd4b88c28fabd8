// POST /internal/network_observability/connection: the connection doctor. Answers why a (the
// client) can or cannot reach b on a port, from the flow logs of both directions; a bad address,
// port, protocol or time range is a 400 naming the field (common/investigations/connection.ts).
import type { IRouter, RequestHandlerContext, RouteValidationFunction } from '@kbn/core/server';
import type { ConnectionRequest } from '../../../common/investigations/connection';
import { checkConnectionRequest } from '../../../common/investigations/connection';
import { connectionDoctor } from '../../lib/analytics/connection_doctor';
import { registerAnalyticsPost } from './analytics_route';
import type { RouteDeps } from '../route_deps';

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
  registerAnalyticsPost(router, 'connection', validateConnectionBody, (client, body) =>
    connectionDoctor(client, body, deps, deps.namespace)
  );
}
