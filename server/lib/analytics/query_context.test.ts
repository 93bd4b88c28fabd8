import { checkKqlLimits, KQL_LIMITS, KqlError } from './query_context';

test('deep nesting is refused before any parser recurses into it', () => {
  const nested = (n: number) => '('.repeat(n) + 'a:1' + ')'.repeat(n);
  expect(() => checkKqlLimits(nested(KQL_LIMITS.maxDepth))).not.toThrow();
  expect(() => checkKqlLimits(nested(KQL_LIMITS.maxDepth + 1))).toThrow(KqlError);
  // Thousands of levels overflow a recursive parser's stack (a RangeError, then a 500).
  expect(() => checkKqlLimits(nested(4900))).toThrow('KQL is nested more than 50 levels deep');
  expect(() => checkKqlLimits(`${'not '.repeat(60)}a:1`)).toThrow(KqlError);
});

test('parentheses inside quotes and escapes do not count; length is bounded', () => {
  expect(() => checkKqlLimits(`url.path: "${'('.repeat(200)}"`)).not.toThrow();
  expect(() => checkKqlLimits(`message: ${'\\('.repeat(200)}`)).not.toThrow();
  expect(() => checkKqlLimits('a'.repeat(KQL_LIMITS.maxLength + 1))).toThrow(
    'KQL is longer than 10000 characters'
  );
});
