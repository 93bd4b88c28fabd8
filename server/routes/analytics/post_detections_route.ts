// POST /internal/network_observability/detections: the detection catalog over a time range
// (optionally some rules only, optionally narrowed by KQL); findings most severe first.
import type { IRouter, RequestHandlerContext } from '@kbn/core/server';
import { registerAnalyticsPost } from './analytics_route';
import type { DetectionsRequest } from '../../lib/analytics/detections';
import { runDetections } from '../../lib/analytics/detections';
import { DETECTIONS_RULES } from '../../lib/validation/request_rules';
import type { RouteDeps } from '../route_deps';
import { bodyValidator } from '../validator';

export function registerPostDetectionsRoute(
  router: IRouter<RequestHandlerContext>,
  deps: RouteDeps
): void {
  registerAnalyticsPost(
    router,
    'detections',
    bodyValidator<DetectionsRequest>(DETECTIONS_RULES),
    (client, body) => runDetections(client, body, deps, deps.namespace)
  );
}
