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

test('a record, a lone word or a line of mostly unknown words is not a header', () => {
  expect(
    parseFlowLogHeader('2 123456789012 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 40 1 2 ACCEPT OK')
  ).toBeUndefined();
  // A record whose values happen to look like names: its "-" and numbers give it away.
  expect(parseFlowLogHeader('vpc-0a1b subnet-0c2d - egress 6')).toBeUndefined();
  expect(parseFlowLogHeader('version')).toBeUndefined();
  expect(parseFlowLogHeader('hello world')).toBeUndefined();
  expect(parseFlowLogHeader('version made-up-field other-made-up third-made-up')).toBeUndefined();
  expect(parseFlowLogHeader('version srcaddr srcaddr')).toBeUndefined();
  expect(parseFlowLogHeader('Version Srcaddr Dstaddr')).toBeUndefined();
});

test('a header naming a field AWS added after our list is still a header', () => {
  // AWS appends fields over time (reject-reason in v8, encryption-status, next-hop-* since):
  // the header must still be read, or the whole object would be parsed with the default format.
  expect(parseFlowLogHeader('version srcaddr future-field dstaddr')).toEqual([
    'version',
    'srcaddr',
    'future-field',
    'dstaddr',
  ]);
  expect(
    parseFlowLogHeader('${version} ${srcaddr} ${dstaddr} ${encryption-status} ${next-hop-vpc-id}')
  ).toEqual(['version', 'srcaddr', 'dstaddr', 'encryption-status', 'next-hop-vpc-id']);
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
