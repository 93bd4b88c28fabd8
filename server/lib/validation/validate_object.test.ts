import { QUERY_COUNT_RULES, SETUP_RULES, TIME_RANGE_RULES } from './request_rules';
import { validateObject, ValidationError } from './validate_object';

test('accepts valid input and absent optional fields', () => {
  expect(validateObject({ from: 'now-24h', to: 'now' }, TIME_RANGE_RULES)).toEqual({
    from: 'now-24h',
    to: 'now',
  });
  expect(
    validateObject<{ kql?: string }>(
      { from: '2026-11-22T00:00:00Z', to: '2026-11-22T06:00:00.000Z', kql: 'a:1' },
      TIME_RANGE_RULES
    ).kql
  ).toBe('a:1');
  expect(validateObject(undefined, SETUP_RULES)).toEqual({});
});

test.each([
  [{ to: 'now' }, TIME_RANGE_RULES, '[from]: expected a value but got undefined'],
  [
    { retention: '30 days' },
    SETUP_RULES,
    '[retention]: expected a whole number of days or hours such as 30d or 720h, got "30 days"',
  ],
  [{ namespace: 'prod' }, SETUP_RULES, '[namespace]: definition for this key is missing'],
  [{ keepOriginal: 'yes' }, SETUP_RULES, '[keepOriginal]: expected a boolean'],
  [{ extra: 1 }, SETUP_RULES, '[extra]: definition for this key is missing'],
  [
    { from: 'now-1h', to: 'now', id: 'x', params: { ip: 5 } },
    QUERY_COUNT_RULES,
    '[params.ip]: expected a string',
  ],
])('rejects %j with a message naming the field', (input, rules, message) => {
  expect(() => validateObject(input, rules)).toThrow(ValidationError);
  expect(() => validateObject(input, rules)).toThrow(message);
});
