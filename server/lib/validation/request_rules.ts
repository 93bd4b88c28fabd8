// The validation rules of each route's input.
import type { FieldRule } from './validate_object';

const DATE_OR_MATH = {
  type: 'string',
  pattern:
    /^(now([+-]\d+[smhdwMy])*(\/[smhdwMy])?|\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)$/,
  expected: 'an ISO 8601 date or date math such as now-24h',
} as const satisfies FieldRule;

export const TIME_RANGE_RULES: Record<string, FieldRule> = {
  from: DATE_OR_MATH,
  to: DATE_OR_MATH,
  kql: { type: 'string', optional: true, maxLength: 10_000 },
};

export const QUERY_COUNT_RULES: Record<string, FieldRule> = {
  ...TIME_RANGE_RULES,
  id: { type: 'string', pattern: /^[a-z0-9-]{1,80}$/, expected: 'a prebuilt query id' },
  params: { type: 'record', optional: true },
};

export const SETUP_RULES: Record<string, FieldRule> = {
  namespace: {
    type: 'string',
    optional: true,
    pattern: /^[a-z0-9_.]{1,64}$/,
    expected: 'a data stream namespace (lowercase letters, digits, _ and .)',
  },
  retention: {
    type: 'string',
    optional: true,
    pattern: /^\d+(d|h)$/,
    expected: 'a retention such as 30d or 720h',
  },
  keepOriginal: { type: 'boolean', optional: true },
  force: { type: 'boolean', optional: true },
};
