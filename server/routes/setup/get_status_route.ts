// GET /api/network_observability/status: each asset's state and the privileges setup needs.
import type { IRouter, RequestHandlerContext } from '@kbn/core/server';
import { API_BASE } from '../../../common/constants';
import { setupStatus } from '../../lib/installer/setup';
import { errorResponse } from '../error_response';
import type { RouteDeps } from '../route_deps';
import { API_PRIVILEGES } from '../route_deps';
import type { SavedObjectsPortFactory } from './saved_objects_port_factory';

export function registerGetStatusRoute(
  router: IRouter<RequestHandlerContext>,
  deps: RouteDeps,
  savedObjectsPort: SavedObjectsPortFactory
): void {
  router.get(
    {
      path: `${API_BASE}/status`,
      validate: false,
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'public', summary: 'State of every Network Observability asset' },
    },
    async (context, request, response) => {
      try {
        const core = await context.core;
        const body = await setupStatus(
          core.elasticsearch.client.asCurrentUser,
          savedObjectsPort(core, request),
          deps.pipelineHost
        );
        return response.ok({ body });
      } catch (error) {
        return errorResponse(response, error);
      }
    }
  );
}
