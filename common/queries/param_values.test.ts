import type { PrebuiltQuery } from './types';
import { checkParamValue, checkQueryParams, isIpOrCidr, isIpv6 } from './param_values';

test.each([
  '10.0.1.13',
  '0.0.0.0',
  '255.255.255.255',
  '10.0.0.0/8',
  '10.0.1.5/32',
  '2001:db8::1',
  '::',
  '::1',
  'fe80::1:2:3:4',
  '1:2:3:4:5:6:7:8',
  '::ffff:192.0.2.1',
  'fc00::/7',
  '2001:db8::/128',
])('%s is an address or CIDR', (value) => {
  expect(isIpOrCidr(value)).toBe(true);
});

test.each([
  '',
  'foo',
  '10.0.1',
  '10.0.1.256',
  '010.0.0.1',
  '10.0.0.0/33',
  '10.0.0.0/',
  '10.0.0.0/8/8',
  '10.0.*',
  '1:2:3:4:5:6:7:8:9',
  '1:2:3:4:5:6:7',
  '1::2::3',
  ':1',
  '12345::',
  '2001:db8::/129',
  '::ffff:192.0.2.256',
])('%s is not', (value) => {
  expect(isIpOrCidr(value)).toBe(false);
});

test('an IPv4 tail counts as two IPv6 groups', () => {
  expect(isIpv6('1:2:3:4:5:6:1.2.3.4')).toBe(true);
  expect(isIpv6('1:2:3:4:5:6:7:1.2.3.4')).toBe(false);
});

test('ports are whole numbers from 0 to 65535', () => {
  expect(checkParamValue('port', '0')).toBeUndefined();
  expect(checkParamValue('port', '443')).toBeUndefined();
  expect(checkParamValue('port', ' 65535 ')).toBeUndefined();
  expect(checkParamValue('port', '65536')).toBe(
    'expected a whole number from 0 to 65535, got "65536"'
  );
  for (const bad of ['44.3', '-1', '1e3', 'https', '', '000000'])
    expect(checkParamValue('port', bad)).toMatch(/^expected a whole number/);
});

test('messages say what was expected and quote what came, shortened', () => {
  expect(checkParamValue('ip', 'scanner')).toBe(
    'expected an IPv4 or IPv6 address, or a CIDR such as 10.0.0.0/8, got "scanner"'
  );
  expect(checkParamValue('ip', 'x'.repeat(500))).toHaveLength(
    'expected an IPv4 or IPv6 address, or a CIDR such as 10.0.0.0/8, got ""'.length + 61
  );
  expect(checkParamValue('text', 'anything')).toBeUndefined();
  expect(checkParamValue('text', '')).toMatch(/^expected text/);
});

test("a query's values: problems by name, unknown names refused", () => {
  const query: PrebuiltQuery = {
    id: 'q',
    title: 't',
    description: 'd',
    group: 'VPC traffic',
    source: 'vpcflow',
    kql: 'source.ip: {{ip}} and destination.port: {{port}}',
    params: [
      { name: 'ip', label: 'IP', kind: 'ip', example: '10.0.0.1' },
      { name: 'port', label: 'Port', kind: 'port', example: '443' },
    ],
    fields: ['source.ip'],
  };
  expect(checkQueryParams(query, { ip: '10.0.0.2', port: '22' })).toEqual({});
  expect(checkQueryParams(query, { ip: '10.0.0.2', port: '70000', extra: '1' })).toEqual({
    port: 'expected a whole number from 0 to 65535, got "70000"',
    extra: 'query q has no parameter extra',
  });
});
