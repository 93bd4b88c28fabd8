// GET /internal/network_observability/saved_objects: the ids our saved objects have in the
// request's space, so the app's links to dashboards and Discover open the objects of that space
// (Kibana gives other ids in a space where ours are taken). Reads only the saved objects.
import type { IRouter, RequestHandlerContext } from '@kbn/core/server';
import { INTERNAL_API_BASE } from '../../../common/constants';
import type { SavedObjectIdsResponse } from '../../../common/api_types';
import { errorResponse } from '../error_response';
import type { RouteDeps } from '../route_deps';
import { API_PRIVILEGES } from '../route_deps';
import type { SavedObjectsPortFactory } from './saved_objects_port_factory';

export function registerGetSavedObjectIdsRoute(
  router: IRouter<RequestHandlerContext>,
  _deps: RouteDeps,
  savedObjectsPort: SavedObjectsPortFactory
): void {
  router.get(
    {
      path: `${INTERNAL_API_BASE}/saved_objects`,
      validate: false,
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, _request, response) => {
      try {
        const port = savedObjectsPort(await context.core);
        const status = port ? await port.status() : [];
        const body: SavedObjectIdsResponse = {
          objects: status
            .filter((s) => s.state !== 'missing')
            .map(({ type, name, id }) => ({ type, name, id: id ?? name })),
        };
        return response.ok({ body });
      } catch (error) {
        return errorResponse(response, error);
      }
    }
  );
}
