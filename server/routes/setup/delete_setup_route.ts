// DELETE /api/network_observability/setup: removes what setup installed (never data).
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
  router.delete(
    {
      path: `${API_BASE}/setup`,
      validate: false,
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.setup] } },
      options: { access: 'public', summary: 'Remove Network Observability assets (not data)' },
    },
    async (context, _request, response) => {
      try {
        const core = await context.core;
        const body = await runUninstall(
          core.elasticsearch.client.asCurrentUser,
          savedObjectsPort(core)
        );
        return response.ok({ body });
      } catch (error) {
        return errorResponse(response, error);
      }
    }
  );
}
