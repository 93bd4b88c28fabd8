// Runs the detection catalog (common/detections) over the data: one aggregations-only search
// per rule, as the current user, with the time range and the user's KQL; the findings sorted
// most severe and most recent first, each with the KQL of its evidence. Used by the route, the
// CLI (`netobs detect`) and the Kibana alerting rule type.
import type { DetectionId, Finding, ParamValues } from '../../../common/detections';
import { DETECTION_CATALOG, ruleParams, sortFindings } from '../../../common/detections';
import type { AnalyticsRequest } from '../../../common/api_types';
import { andKql } from '../../../common/queries/kql_join';
import { ValidationError } from '../validation/validate_object';
import type { QueryLanguage, SearchClient } from './query_context';
import { searchAggs, searchScope } from './query_context';

export interface DetectionsRequest extends AnalyticsRequest {
  rules?: DetectionId[];
  /** Per rule, parameters overriding the defaults (the alerting rule type's params). */
  params?: Partial<Record<DetectionId, Partial<ParamValues>>>;
}

export interface DetectionsResponse {
  findings: Finding[];
  /** The rules that ran, for "nothing found" to mean something. */
  rules: DetectionId[];
}

export async function runDetections(
  client: SearchClient,
  request: DetectionsRequest,
  language: QueryLanguage,
  namespace = '*'
): Promise<DetectionsResponse> {
  const selected = DETECTION_CATALOG.filter(
    (rule) => !request.rules || request.rules.includes(rule.id)
  );
  const perRule = await Promise.all(
    selected.map(async (rule) => {
      let params: ParamValues;
      try {
        params = ruleParams(rule, request.params?.[rule.id] ?? {});
      } catch (error) {
        throw new ValidationError(`params.${rule.id}`, (error as Error).message);
      }
      const scope = searchScope(rule.source, request, language, namespace);
      const window = { fromMs: scope.fromMs, toMs: scope.toMs, intervalMs: scope.intervalMs };
      const built = rule.request(params, window);
      const { aggregations } = await searchAggs<Record<string, never>>(
        client,
        { ...scope, filter: [...scope.filter, ...built.filter] },
        built.aggs
      );
      return rule.interpret(params, aggregations, window).map((finding): Finding => ({
        ...finding,
        rule: rule.id,
        severity: rule.severity,
        title: rule.title,
        kql: andKql(request.kql, finding.kql),
      }));
    })
  );
  return { findings: sortFindings(perRule.flat()), rules: selected.map((rule) => rule.id) };
}
