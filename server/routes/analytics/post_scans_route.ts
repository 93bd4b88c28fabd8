// POST /internal/network_observability/scans: the scan timeline (common/investigations/scans.ts).
// 400 naming the field for a bad source address, an unreadable, empty or too long range.
import type { IRouter, RequestHandlerContext } from '@kbn/core/server';
import { INTERNAL_API_BASE } from '../../../common/constants';
import type { ScansRequest } from '../../../common/investigations/scans';
import { checkScanSource } from '../../../common/investigations/scans';
import { scans } from '../../lib/analytics/scans';
import { TIME_RANGE_RULES } from '../../lib/validation/request_rules';
import type { FieldRule } from '../../lib/validation/validate_object';
import { errorResponse } from '../error_response';
import type { RouteDeps } from '../route_deps';
import { API_PRIVILEGES } from '../route_deps';
import { bodyValidator } from '../validator';

/** The body: the range as the time picker writes it, and optionally one source (or a CIDR). */
export const SCANS_RULES: Record<string, FieldRule> = {
  from: TIME_RANGE_RULES.from,
  to: TIME_RANGE_RULES.to,
  source: { type: 'string', optional: true, maxLength: 100, check: checkScanSource },
};

export function registerPostScansRoute(
  router: IRouter<RequestHandlerContext>,
  deps: RouteDeps
): void {
  router.post(
    {
      path: `${INTERNAL_API_BASE}/scans`,
      validate: { body: bodyValidator<ScansRequest>(SCANS_RULES) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, request, response) => {
      try {
        const core = await context.core;
        const body = await scans(
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
