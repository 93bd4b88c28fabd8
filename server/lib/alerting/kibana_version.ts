// What changed in Kibana's alerting contracts between the versions we support, as pure functions
// of the running Kibana's version (`initializerContext.env.packageInfo.version`). Sources are in
// docs/kibana-compatibility.md ("Alerting"):
// - the feature's alerting entries became `{ ruleTypeId, consumers }` objects with PR #183756
//   ("Decouple feature IDs from consumers"), backported to 8.x for 8.18 and in 9.0; before, they
//   were rule type ids (x-pack/plugins/features/common/feature_kibana_privileges.ts);
// - `RuleType.solution` arrived with PR #212079, in 8.19 and 9.1
//   (x-pack/platform/plugins/shared/alerting/server/types.ts).
import { PLUGIN_ID } from '../../../common/constants';

/** Major and minor of a Kibana version such as "8.19.2" or "9.1.0-SNAPSHOT". */
export function majorMinor(version: string): [number, number] {
  const match = /^(\d+)\.(\d+)/.exec(version);
  if (!match) throw new Error(`Not a Kibana version: "${version}"`);
  return [Number(match[1]), Number(match[2])];
}

/** At least major.minor. */
function atLeast(version: string, major: number, minor: number): boolean {
  const [x, y] = majorMinor(version);
  return x > major || (x === major && y >= minor);
}

/** Whether the feature's alerting entries name consumers (8.18+, 9.0+). */
export function featureAlertingHasConsumers(version: string): boolean {
  return atLeast(version, 8, 18);
}

/** Whether `RuleType.solution` exists (8.19+, 9.1+; 9.0 lacks it though it is after 8.18). */
export function ruleTypeHasSolution(version: string): boolean {
  const [major] = majorMinor(version);
  return major === 8 ? atLeast(version, 8, 19) : atLeast(version, 9, 1);
}

/** One alerting grant of the feature: rule type ids (≤ 8.17) or rule types with consumers. */
export type AlertingGrant =
  readonly string[] | ReadonlyArray<{ ruleTypeId: string; consumers: readonly string[] }>;

export interface FeatureAlerting {
  /** The feature's top-level `alerting`. */
  alerting: AlertingGrant;
  /** `privileges.all.alerting` and `privileges.read.alerting`. */
  all: { rule: { all: AlertingGrant }; alert: { all: AlertingGrant } };
  read: { rule: { read: AlertingGrant }; alert: { read: AlertingGrant } };
}

/**
 * The feature's alerting privileges in the shape the running Kibana validates
 * (features/server/feature_schema.ts): All manages our rules and their alerts, Read sees them.
 * Our feature id is the only consumer, and the rule type's producer, so both authorization
 * models (consumer and producer before 8.18, consumer only after) grant the same thing.
 */
export function featureAlerting(version: string, ruleTypeIds: readonly string[]): FeatureAlerting {
  const grant: AlertingGrant = featureAlertingHasConsumers(version)
    ? ruleTypeIds.map((ruleTypeId) => ({ ruleTypeId, consumers: [PLUGIN_ID] }))
    : [...ruleTypeIds];
  return {
    alerting: grant,
    all: { rule: { all: grant }, alert: { all: grant } },
    read: { rule: { read: grant }, alert: { read: grant } },
  };
}
