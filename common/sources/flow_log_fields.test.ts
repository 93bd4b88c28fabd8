import { isDefaultVpcFormat, parseFlowLogHeader } from './flow_log_fields';

test('recognises header lines, bare or in format syntax', () => {
  expect(parseFlowLogHeader('version account-id interface-id srcaddr')).toEqual([
    'version',
    'account-id',
    'interface-id',
    'srcaddr',
  ]);
  expect(parseFlowLogHeader('${srcaddr} ${dstaddr} ${tgw-id}\r')).toEqual([
    'srcaddr',
    'dstaddr',
    'tgw-id',
  ]);
});

test('a record, a lone word or an unknown field is not a header', () => {
  expect(
    parseFlowLogHeader('2 123456789012 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 40 1 2 ACCEPT OK')
  ).toBeUndefined();
  expect(parseFlowLogHeader('version')).toBeUndefined();
  expect(parseFlowLogHeader('version account-id made-up-field')).toBeUndefined();
});

test('tells the default v2 format from custom ones', () => {
  const v2 =
    'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status';
  expect(isDefaultVpcFormat(parseFlowLogHeader(v2)!)).toBe(true);
  expect(
    isDefaultVpcFormat(parseFlowLogHeader(v2.replace('srcaddr dstaddr', 'dstaddr srcaddr'))!)
  ).toBe(false);
  expect(isDefaultVpcFormat(parseFlowLogHeader(`${v2} vpc-id`)!)).toBe(false);
});
