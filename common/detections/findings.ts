// Pure functions around findings and rule parameters: defaults merged with overrides (checked
// against each parameter's bounds), and the order findings are shown in.
import type { DetectionRule, Finding, ParamValues, Severity } from './types';
import { SEVERITIES } from './types';

/** The rule's parameters: its defaults, with each override checked; throws naming the field. */
export function ruleParams(
  rule: DetectionRule<ParamValues>,
  overrides: Record<string, unknown> = {}
): ParamValues {
  const values: ParamValues = {};
  for (const [name, spec] of Object.entries(rule.params)) {
    const given = overrides[name];
    if (given === undefined) {
      values[name] = spec.default;
      continue;
    }
    if (spec.kind === 'number') {
      if (
        typeof given !== 'number' ||
        !Number.isFinite(given) ||
        given < spec.min ||
        given > spec.max
      )
        throw new RangeError(
          `[${rule.id}.${name}]: expected a number from ${spec.min} to ${spec.max}`
        );
      values[name] = given;
    } else {
      const ok =
        Array.isArray(given) &&
        given.length > 0 &&
        given.every((port) => Number.isInteger(port) && port >= 0 && port <= 65_535);
      if (!ok)
        throw new RangeError(`[${rule.id}.${name}]: expected a list of ports from 0 to 65535`);
      values[name] = given as number[];
    }
  }
  const unknown = Object.keys(overrides).filter((name) => !(name in rule.params));
  if (unknown.length > 0) throw new RangeError(`[${rule.id}.${unknown[0]}]: no such parameter`);
  return values;
}

const RANK: Record<Severity, number> = Object.fromEntries(
  SEVERITIES.map((severity, i) => [severity, i])
) as Record<Severity, number>;

/** Most severe first; within a severity, the most recent first. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || b.lastSeen.localeCompare(a.lastSeen)
  );
}

/** A stable identity for a finding's entity, e.g. to raise one alert per entity. */
export function entityKey(finding: Pick<Finding, 'rule' | 'entity'>): string {
  const parts = Object.keys(finding.entity)
    .sort()
    .map((field) => `${field}=${finding.entity[field]}`);
  return `${finding.rule}:${parts.join(',')}`;
}
