// DELETE /api/network_observability/setup[?elasticsearch=true]: removes this space's saved
// objects and, only when asked, the Elasticsearch assets every space shares (never data).
import type { IRouter, RequestHandlerContext } from '@kbn/core/server';
import { API_BASE } from '../../../common/constants';
import { runUninstall } from '../../lib/installer/setup';
import { errorResponse } from '../error_response';
import type { RouteDeps } from '../route_deps';
import { API_PRIVILEGES } from '../route_deps';
import type { SavedObjectsPortFactory } from './saved_objects_port_factory';

export function registerDeleteSetupRoute(
  router: IRouter<RequestHandlerContext>,
  _deps: RouteDeps,
  savedObjectsPort: SavedObjectsPortFactory
): void {
  router.delete<unknown, { elasticsearch: boolean }, unknown>(
    {
      path: `${API_BASE}/setup`,
      validate: {
        query: (data, { ok, badRequest }) => {
          const query = (data ?? {}) as Record<string, unknown>;
          const unknown = Object.keys(query).find((key) => key !== 'elasticsearch');
          if (unknown)
            return badRequest(`[${unknown}]: definition for this key is missing`, [unknown]);
          if (
            query.elasticsearch !== undefined &&
            !['true', 'false'].includes(String(query.elasticsearch))
          )
            return badRequest('[elasticsearch]: expected true or false', ['elasticsearch']);
          return ok({ elasticsearch: query.elasticsearch === 'true' });
        },
      },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.setup] } },
      options: { access: 'public', summary: 'Remove Network Observability assets (not data)' },
    },
    async (context, request, response) => {
      try {
        const core = await context.core;
        const body = await runUninstall(
          core.elasticsearch.client.asCurrentUser,
          savedObjectsPort(core, request),
          { elasticsearch: request.query.elasticsearch }
        );
        return response.ok({ body });
      } catch (error) {
        return errorResponse(response, error);
      }
    }
  );
}
