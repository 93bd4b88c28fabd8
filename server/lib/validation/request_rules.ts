// The validation rules of each route's input.
import { DETECTION_IDS } from '../../../common/detections/types';
import { checkFlowLogFormat, checkLogGroupName } from '../../../common/flow_log_formats';
import type { FieldRule } from './validate_object';

// Shape only here: the value is read with Kibana's date-math parser when the range is resolved
// (time_range.ts), which answers 400 naming the field just the same.
const DATE_OR_MATH = { type: 'string', maxLength: 100 } as const satisfies FieldRule;

/** The shortest retention setup accepts: anything shorter deletes data almost as it arrives. */
export const MIN_RETENTION_HOURS = 24;

/** A message when `value` is not a retention setup may apply (a whole number of d or h, ≥ 1 day). */
export function checkRetention(value: string): string | undefined {
  const match = /^(\d{1,6})(d|h)$/.exec(value);
  if (!match) return `expected a whole number of days or hours such as 30d or 720h, got "${value}"`;
  const hours = Number(match[1]) * (match[2] === 'd' ? 24 : 1);
  if (hours < MIN_RETENTION_HOURS)
    return `must be at least ${MIN_RETENTION_HOURS}h (1d): a shorter retention deletes data almost as soon as it arrives, got "${value}"`;
  return undefined;
}

export const TIME_RANGE_RULES: Record<string, FieldRule> = {
  from: DATE_OR_MATH,
  to: DATE_OR_MATH,
  // Depth is checked where the KQL is parsed (query_context.ts checkKqlLimits).
  kql: { type: 'string', optional: true, maxLength: 10_000 },
};

export const QUERY_COUNT_RULES: Record<string, FieldRule> = {
  ...TIME_RANGE_RULES,
  id: { type: 'string', pattern: /^[a-z0-9-]{1,80}$/, expected: 'a prebuilt query id' },
  params: { type: 'record', optional: true },
};

export const SETUP_RULES: Record<string, FieldRule> = {
  // No namespace: the templates match every namespace (logs-netobs.<dataset>-*).
  retention: { type: 'string', optional: true, check: checkRetention },
  keepOriginal: { type: 'boolean', optional: true },
  force: { type: 'boolean', optional: true },
  // Log group -> flow-log format; given, it replaces the configured formats ({} clears them).
  flowLogFormats: {
    type: 'record',
    optional: true,
    checkKey: checkLogGroupName,
    checkEntry: checkFlowLogFormat,
  },
  alertRules: {
    type: 'string',
    optional: true,
    pattern: /^(enabled|disabled|none)$/,
    expected: 'enabled, disabled or none',
  },
};

export const DETECTIONS_RULES: Record<string, FieldRule> = {
  ...TIME_RANGE_RULES,
  rules: { type: 'list', optional: true, oneOf: DETECTION_IDS },
};
