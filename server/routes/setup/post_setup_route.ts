// POST /api/network_observability/setup: installs or upgrades every asset, as the current user.
import type { IRouter, RequestHandlerContext } from '@kbn/core/server';
import { API_BASE } from '../../../common/constants';
import type { SetupRequest } from '../../../common/api_types';
import { runSetup } from '../../lib/installer/setup';
import { SETUP_RULES } from '../../lib/validation/request_rules';
import { errorResponse } from '../error_response';
import type { RouteDeps } from '../route_deps';
import { API_PRIVILEGES } from '../route_deps';
import { bodyValidator } from '../validator';
import type { SavedObjectsPortFactory } from './saved_objects_port_factory';

export function registerPostSetupRoute(
  router: IRouter<RequestHandlerContext>,
  deps: RouteDeps,
  savedObjectsPort: SavedObjectsPortFactory
): void {
  router.post(
    {
      path: `${API_BASE}/setup`,
      validate: { body: bodyValidator<SetupRequest>(SETUP_RULES) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.setup] } },
      options: { access: 'public', summary: 'Install or upgrade Network Observability assets' },
    },
    async (context, request, response) => {
      try {
        const core = await context.core;
        const result = await runSetup(
          core.elasticsearch.client.asCurrentUser,
          request.body,
          savedObjectsPort(core, request),
          deps.pipelineHost
        );
        return response.ok({ body: result });
      } catch (error) {
        return errorResponse(response, error);
      }
    }
  );
}
