// POST /internal/network_observability/spikes: the spikes of one source's document count over a
// range, each with the field values that explain it (common/investigations/spikes.ts).
import type { IRouter, RequestHandlerContext } from '@kbn/core/server';
import { dataStreamName } from '../../../common/constants';
import type { SpikesRequest } from '../../../common/investigations/spikes';
import { checkSpikeSource } from '../../../common/investigations/spikes';
import { checkKqlFields } from '../../lib/analytics/kql_field_check';
import { spikes } from '../../lib/analytics/spikes';
import { TIME_RANGE_RULES } from '../../lib/validation/request_rules';
import type { FieldRule } from '../../lib/validation/validate_object';
import type { RouteDeps } from '../route_deps';
import { bodyValidator } from '../validator';
import { registerAnalyticsPost } from './analytics_route';

export const SPIKES_RULES: Record<string, FieldRule> = {
  ...TIME_RANGE_RULES,
  source: { type: 'string', maxLength: 100, check: checkSpikeSource },
};

export function registerPostSpikesRoute(
  router: IRouter<RequestHandlerContext>,
  deps: RouteDeps
): void {
  registerAnalyticsPost(
    router,
    'spikes',
    bodyValidator<SpikesRequest>(SPIKES_RULES),
    async (client, body) => {
      // As the overview: a KQL value its field cannot hold is a 400 naming the field, an
      // unknown field a warning beside the answer.
      const { warnings } = await checkKqlFields(
        client,
        dataStreamName(body.source, deps.namespace ?? '*'),
        body.kql
      );
      return { ...(await spikes(client, body, deps, deps.namespace)), warnings };
    }
  );
}
