// POST /internal/network_observability/spikes: the spikes of one source's document count over a
// range, each with the field values that explain it (common/investigations/spikes.ts).
import type { IRouter, RequestHandlerContext } from '@kbn/core/server';
import { dataStreamName, INTERNAL_API_BASE } from '../../../common/constants';
import type { SpikesRequest } from '../../../common/investigations/spikes';
import { checkSpikeSource } from '../../../common/investigations/spikes';
import { checkKqlFields } from '../../lib/analytics/kql_field_check';
import { spikes } from '../../lib/analytics/spikes';
import { TIME_RANGE_RULES } from '../../lib/validation/request_rules';
import type { FieldRule } from '../../lib/validation/validate_object';
import { errorResponse } from '../error_response';
import type { RouteDeps } from '../route_deps';
import { API_PRIVILEGES } from '../route_deps';
import { bodyValidator } from '../validator';

export const SPIKES_RULES: Record<string, FieldRule> = {
  ...TIME_RANGE_RULES,
  source: { type: 'string', maxLength: 100, check: checkSpikeSource },
};

export function registerPostSpikesRoute(
  router: IRouter<RequestHandlerContext>,
  deps: RouteDeps
): void {
  router.post(
    {
      path: `${INTERNAL_API_BASE}/spikes`,
      validate: { body: bodyValidator<SpikesRequest>(SPIKES_RULES) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, request, response) => {
      try {
        const core = await context.core;
        const client = core.elasticsearch.client.asCurrentUser;
        // As the overview: a KQL value its field cannot hold is a 400 naming the field, an
        // unknown field a warning beside the answer.
        const { warnings } = await checkKqlFields(
          client,
          dataStreamName(request.body.source, deps.namespace ?? '*'),
          request.body.kql
        );
        const body = await spikes(client, request.body, deps, deps.namespace);
        return response.ok({ body: { ...body, warnings } });
      } catch (error) {
        return errorResponse(response, error);
      }
    }
  );
}
