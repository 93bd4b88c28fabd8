import type { DiscoverTarget } from '../../services';
import {
  connectionRequestOf,
  prefillFromRow,
  readConnectionParams,
  writeConnectionParams,
} from './connection_params';

const RANGE = { from: 'now-24h', to: 'now' };
const STATE = "?_g=(time:(from:now-24h,to:now))&_a=(query:(language:kuery,query:'a%2Fb'))";

test('the form lives in the URL beside _g/_a, which are kept byte for byte', () => {
  const search = writeConnectionParams(STATE, { a: '10.0.2.21', b: 'fd00::7', port: '6379' });
  expect(search).toBe(`${STATE}&a=10.0.2.21&b=fd00%3A%3A7&port=6379`);
  expect(readConnectionParams(search)).toEqual({
    a: '10.0.2.21',
    b: 'fd00::7',
    port: '6379',
    protocol: '',
  });
  // New values replace the old ones; empty ones leave the URL.
  expect(writeConnectionParams(search, { a: '10.0.0.1', protocol: 'udp' })).toBe(
    `${STATE}&a=10.0.0.1&protocol=udp`
  );
  expect(writeConnectionParams('?a=1.2.3.4', {})).toBe('');
  expect(readConnectionParams('?protocol=icmp').protocol).toBe('');
});

test('the form is checked by the server rule, port read as a number', () => {
  const values = { a: '10.0.2.21', b: '10.0.3.7', port: '6379', protocol: 'tcp' as const };
  expect(connectionRequestOf(values, RANGE)).toEqual({
    ok: true,
    value: { a: '10.0.2.21', b: '10.0.3.7', port: 6379, protocol: 'tcp', ...RANGE },
  });
  expect(connectionRequestOf({ ...values, port: '70000' }, RANGE)).toMatchObject({
    ok: false,
    field: 'port',
  });
  expect(connectionRequestOf({ ...values, port: 'ssh' }, RANGE)).toMatchObject({
    ok: false,
    field: 'port',
    message: 'expected a whole number from 0 to 65535, got "ssh"',
  });
  expect(connectionRequestOf({ ...values, b: 'cache' }, RANGE)).toMatchObject({ field: 'b' });
});

test('rows of rejected VPC flows prefill the form; other rows do not', () => {
  const target = (kql: string, dataset: DiscoverTarget['dataset'] = 'vpcflow') => ({
    dataset,
    kql,
    ...RANGE,
  });
  const rejected = 'event.action: "reject"';
  expect(
    prefillFromRow('203.0.113.66', target(`${rejected} and source.ip: "203.0.113.66"`))
  ).toEqual({
    a: '203.0.113.66',
  });
  expect(prefillFromRow('10.0.3.7', target(`${rejected} and destination.ip: "10.0.3.7"`))).toEqual({
    b: '10.0.3.7',
  });
  expect(prefillFromRow('22', target(`${rejected} and destination.port: "22"`))).toEqual({
    port: '22',
  });
  // Accepted traffic, another source, a key that is not an address.
  expect(prefillFromRow('10.0.1.5', target('source.ip: "10.0.1.5"'))).toBeUndefined();
  expect(
    prefillFromRow('10.0.1.5', target(`${rejected} and source.ip: "10.0.1.5"`, 'tgwflow'))
  ).toBeUndefined();
  expect(prefillFromRow('tcp', target(`${rejected} and network.transport: "tcp"`))).toBeUndefined();
});
