import type { IRouter, RequestHandlerContext } from '@kbn/core/server';
import { registerGetFreshnessRoute } from './analytics/get_freshness_route';
import { registerPostDetectionsRoute } from './analytics/post_detections_route';
import { registerPostConnectionRoute } from './analytics/post_connection_route';
import { registerPostOverviewRoute } from './analytics/post_overview_route';
import { registerPostQueryCountRoute } from './analytics/post_query_count_route';
import { registerPostScansRoute } from './analytics/post_scans_route';
import { registerPostSpikesRoute } from './analytics/post_spikes_route';
import type { RouteDeps } from './route_deps';
import { registerDeleteSetupRoute } from './setup/delete_setup_route';
import { registerGetSavedObjectIdsRoute } from './setup/get_saved_object_ids_route';
import { registerGetStatusRoute } from './setup/get_status_route';
import { registerPostSetupRoute } from './setup/post_setup_route';
import type { SavedObjectsPortFactory } from './setup/saved_objects_port_factory';

export type { RouteDeps } from './route_deps';
export { API_PRIVILEGES } from './route_deps';

/** Registers every route of the plugin; the standalone dev server calls this too. */
export function registerRoutes(
  router: IRouter<RequestHandlerContext>,
  deps: RouteDeps,
  savedObjectsPort: SavedObjectsPortFactory
): void {
  registerPostSetupRoute(router, deps, savedObjectsPort);
  registerGetStatusRoute(router, deps, savedObjectsPort);
  registerDeleteSetupRoute(router, deps, savedObjectsPort);
  registerGetSavedObjectIdsRoute(router, deps, savedObjectsPort);
  registerPostOverviewRoute(router, deps);
  registerPostQueryCountRoute(router, deps);
  registerGetFreshnessRoute(router, deps);
  registerPostDetectionsRoute(router, deps);
  registerPostScansRoute(router, deps);
  registerPostSpikesRoute(router, deps);
  registerPostConnectionRoute(router, deps);
}
