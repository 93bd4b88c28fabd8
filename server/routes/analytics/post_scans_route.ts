// POST /internal/network_observability/scans: the scan timeline (common/investigations/scans.ts).
// 400 naming the field for a bad source address, an unreadable, empty or too long range.
import type { IRouter, RequestHandlerContext } from '@kbn/core/server';
import { registerAnalyticsPost } from './analytics_route';
import type { ScansRequest } from '../../../common/investigations/scans';
import { checkScanSource } from '../../../common/investigations/scans';
import { scans } from '../../lib/analytics/scans';
import { TIME_RANGE_RULES } from '../../lib/validation/request_rules';
import type { FieldRule } from '../../lib/validation/validate_object';
import type { RouteDeps } from '../route_deps';
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
  registerAnalyticsPost(router, 'scans', bodyValidator<ScansRequest>(SCANS_RULES), (client, body) =>
    scans(client, body, deps, deps.namespace)
  );
}
