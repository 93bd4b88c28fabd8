// POST /internal/network_observability/detections: the detection catalog over a time range
// (optionally some rules only, optionally narrowed by KQL); findings most severe first.
import type { IRouter, RequestHandlerContext } from '@kbn/core/server';
import { INTERNAL_API_BASE } from '../../../common/constants';
import type { DetectionsRequest } from '../../lib/analytics/detections';
import { runDetections } from '../../lib/analytics/detections';
import { DETECTIONS_RULES } from '../../lib/validation/request_rules';
import { errorResponse } from '../error_response';
import type { RouteDeps } from '../route_deps';
import { API_PRIVILEGES } from '../route_deps';
import { bodyValidator } from '../validator';

export function registerPostDetectionsRoute(
  router: IRouter<RequestHandlerContext>,
  deps: RouteDeps
): void {
  router.post(
    {
      path: `${INTERNAL_API_BASE}/detections`,
      validate: { body: bodyValidator<DetectionsRequest>(DETECTIONS_RULES) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, request, response) => {
      try {
        const core = await context.core;
        const body = await runDetections(
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
