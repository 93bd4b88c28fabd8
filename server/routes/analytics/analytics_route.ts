// The shape every analytics route shares: an internal POST under the API base, the feature's
// read privilege, a validated body (400 naming the field), an answer computed as the current
// user, and errorResponse for every known failure (4xx, 502, 504; never a 500 for those).
import type { IRouter, RequestHandlerContext, RouteValidationFunction } from '@kbn/core/server';
import { INTERNAL_API_BASE } from '../../../common/constants';
import { errorResponse } from '../error_response';
import { API_PRIVILEGES } from '../route_deps';

export type CurrentUserClient = Awaited<
  RequestHandlerContext['core']
>['elasticsearch']['client']['asCurrentUser'];

/** Registers `POST <INTERNAL_API_BASE>/<name>` answering `answer(client, body)`. */
export function registerAnalyticsPost<Body>(
  router: IRouter<RequestHandlerContext>,
  name: string,
  validateBody: RouteValidationFunction<Body>,
  answer: (client: CurrentUserClient, body: Body) => Promise<unknown>
): void {
  router.post(
    {
      path: `${INTERNAL_API_BASE}/${name}`,
      validate: { body: validateBody },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, request, response) => {
      try {
        const core = await context.core;
        const body = await answer(core.elasticsearch.client.asCurrentUser, request.body as Body);
        return response.ok({ body: body as Record<string, unknown> });
      } catch (error) {
        return errorResponse(response, error);
      }
    }
  );
}
