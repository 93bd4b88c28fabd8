// The validation rules of each route's input.
import { DETECTION_IDS } from '../../../common/detections/types';
import { checkFlowLogFormat, checkLogGroupName } from '../../../common/flow_log_formats';
import { checkRetention, MIN_RETENTION_HOURS } from '../../../common/retention';
import type { FieldRule } from './validate_object';

// Shape only here: the value is read with Kibana's date-math parser when the range is resolved
// (time_range.ts), which answers 400 naming the field just the same.
const DATE_OR_MATH = { type: 'string', maxLength: 100 } as const satisfies FieldRule;

// Re-exported: tests and docs name them here, beside the rule that uses them.
export { checkRetention, MIN_RETENTION_HOURS };

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
