// The parameters of the Kibana alerting rule type that runs the detection catalog
// (networkObservability.detections): shared by the server's rule type (server/lib/alerting) and
// the browser's form in Stack Management (public/alerting), so both refuse the same values with
// the same words.
import type { DetectionId } from './types';
import { DETECTION_IDS } from './types';
import { DETECTION_CATALOG } from './catalog';
import { ruleParams } from './findings';

export const DETECTIONS_RULE_TYPE_ID = 'networkObservability.detections';
export const FINDING_ACTION_GROUP = 'finding';
/** The window a rule created by setup searches, and how often it runs. */
export const DEFAULT_WINDOW = '1h';
export const DEFAULT_INTERVAL = '15m';

export interface DetectionsRuleParams {
  /** The catalog rules this alerting rule runs (setup creates one alerting rule per entry). */
  rules: DetectionId[];
  /** Look-back window of each run: a whole number of minutes, hours or days (1m to 7d). */
  window: string;
  /** Parameter overrides per catalog rule; the catalog's defaults apply to the rest. */
  params?: Partial<Record<DetectionId, Record<string, number | number[]>>>;
  /** KQL narrowing the data searched (e.g. one VPC). */
  kql?: string;
}

const WINDOW_UNITS_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const MAX_WINDOW_MS = 7 * WINDOW_UNITS_MS.d;

/** The window in milliseconds; throws naming `window` when it is not 1m…7d. */
export function windowMs(window: unknown): number {
  const match = typeof window === 'string' ? /^(\d{1,5})(m|h|d)$/.exec(window) : null;
  const ms = match ? Number(match[1]) * WINDOW_UNITS_MS[match[2] as 'm' | 'h' | 'd'] : NaN;
  if (!(ms >= WINDOW_UNITS_MS.m && ms <= MAX_WINDOW_MS))
    throw new Error(
      `[window]: expected minutes, hours or days from 1m to 7d such as 15m or 1h, got ${JSON.stringify(window)}`
    );
  return ms;
}

/**
 * The params validation (what the rules client calls on create and update, so a bad threshold
 * is a 400 there, never a failing run): known keys only, catalog ids, each override within its
 * parameter's bounds (ruleParams), a window from 1m to 7d, and KQL `checkKql` accepts (it
 * throws with the reason).
 */
export function validateAlertingParams(
  object: unknown,
  checkKql?: (kql: string) => void
): DetectionsRuleParams {
  if (object === null || typeof object !== 'object' || Array.isArray(object))
    throw new Error('expected an object');
  const input = object as Record<string, unknown>;
  const unknown = Object.keys(input).find(
    (key) => !['rules', 'window', 'params', 'kql'].includes(key)
  );
  if (unknown) throw new Error(`[${unknown}]: definition for this key is missing`);
  const { rules, window, params, kql } = input;
  if (!Array.isArray(rules) || rules.length === 0)
    throw new Error('[rules]: expected a non-empty list of detection rule ids');
  rules.forEach((id, i) => {
    if (!DETECTION_IDS.includes(id as DetectionId))
      throw new Error(
        `[rules.${i}]: expected one of ${DETECTION_IDS.join(', ')}, got ${JSON.stringify(id)}`
      );
  });
  if (new Set(rules).size !== rules.length) throw new Error('[rules]: a rule is listed twice');
  windowMs(window);
  const validated: DetectionsRuleParams = { rules: rules as DetectionId[], window: String(window) };
  if (params !== undefined) {
    if (params === null || typeof params !== 'object' || Array.isArray(params))
      throw new Error('[params]: expected an object keyed by detection rule id');
    for (const [id, overrides] of Object.entries(params)) {
      const rule = DETECTION_CATALOG.find((candidate) => candidate.id === id);
      if (!rule || !validated.rules.includes(rule.id))
        throw new Error(`[params.${id}]: not one of this rule's detections`);
      if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides))
        throw new Error(`[params.${id}]: expected an object of parameter values`);
      try {
        ruleParams(rule, overrides as Record<string, unknown>);
      } catch (error) {
        throw new Error(`[params.${(error as Error).message.slice(1)}`);
      }
    }
    validated.params = params as DetectionsRuleParams['params'];
  }
  if (kql !== undefined) {
    if (typeof kql !== 'string') throw new Error('[kql]: expected a string');
    try {
      checkKql?.(kql);
    } catch (error) {
      throw new Error(`[kql]: ${(error as Error).message}`);
    }
    validated.kql = kql;
  }
  return validated;
}
