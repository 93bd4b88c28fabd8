// Small, strict request validation shared by the Kibana routes and the standalone dev server:
// unknown keys are rejected and every error names its field. Kibana accepts such functions as
// route validators, so the same rules run in both places without @kbn/config-schema.

export interface FieldRule {
  type: 'string' | 'boolean' | 'record' | 'list';
  optional?: boolean;
  /** For strings: the value must match. */
  pattern?: RegExp;
  /** Human description of the pattern, for the error message. */
  expected?: string;
  maxLength?: number;
  /** For strings: a message when the value is wrong in a way a pattern cannot say. */
  check?: (value: string) => string | undefined;
  /** For lists: the values an item may take (a list is of strings, not empty). */
  oneOf?: readonly string[];
  /** For records: a message when a key is wrong, and one when its value is. */
  checkKey?: (key: string) => string | undefined;
  checkEntry?: (value: string) => string | undefined;
}

export class ValidationError extends Error {
  constructor(
    readonly field: string,
    message: string
  ) {
    super(`[${field}]: ${message}`);
  }
}

function check(field: string, value: unknown, rule: FieldRule): void {
  if (rule.type === 'list') {
    if (!Array.isArray(value) || value.length === 0)
      throw new ValidationError(field, 'expected a non-empty list');
    value.forEach((item, i) => {
      if (typeof item !== 'string' || (rule.oneOf && !rule.oneOf.includes(item)))
        throw new ValidationError(
          `${field}.${i}`,
          `expected ${rule.oneOf ? `one of ${rule.oneOf.join(', ')}` : 'a string'}, got ${JSON.stringify(item)}`
        );
    });
    return;
  }
  if (rule.type === 'record') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new ValidationError(field, 'expected an object of string values');
    }
    for (const [key, item] of Object.entries(value)) {
      if (typeof item !== 'string')
        throw new ValidationError(`${field}.${key}`, 'expected a string');
      const problem = rule.checkKey?.(key) ?? rule.checkEntry?.(item);
      if (problem) throw new ValidationError(`${field}.${key}`, problem);
    }
    return;
  }
  if (typeof value !== rule.type) throw new ValidationError(field, `expected a ${rule.type}`);
  if (typeof value === 'string') {
    if (rule.maxLength !== undefined && value.length > rule.maxLength) {
      throw new ValidationError(field, `longer than ${rule.maxLength} characters`);
    }
    if (rule.pattern && !rule.pattern.test(value)) {
      throw new ValidationError(
        field,
        `expected ${rule.expected ?? rule.pattern.source}, got "${value}"`
      );
    }
    const problem = rule.check?.(value);
    if (problem) throw new ValidationError(field, problem);
  }
}

/** Validates `data` as an object whose keys are exactly those of `rules` (optional ones may be absent). */
export function validateObject<T>(data: unknown, rules: Record<string, FieldRule>): T {
  const input = data ?? {};
  if (typeof input !== 'object' || Array.isArray(input))
    throw new ValidationError('body', 'expected an object');
  for (const key of Object.keys(input)) {
    // Own keys only: `constructor` or `__proto__` are unknown keys like any other.
    if (!Object.hasOwn(rules, key))
      throw new ValidationError(key, 'definition for this key is missing');
  }
  for (const [field, rule] of Object.entries(rules)) {
    const value = (input as Record<string, unknown>)[field];
    if (value === undefined) {
      if (!rule.optional) throw new ValidationError(field, 'expected a value but got undefined');
      continue;
    }
    check(field, value, rule);
  }
  return input as T;
}
