// The overview's "public address" KQL must pick the same addresses netobs-geo looks up
// (test/pipelines/geo.test.ts asserts the pipeline side on the ingest engine): Elasticsearch's
// network_direction sense of public. The ranges are checked with Node's own CIDR matcher.
import { BlockList } from 'node:net';
import { NOT_PUBLIC_RANGES, publicAddressKql } from './geo';

const notPublic = new BlockList();
for (const range of NOT_PUBLIC_RANGES) {
  const [network, bits] = range.split('/');
  notPublic.addSubnet(network, Number(bits), network.includes(':') ? 'ipv6' : 'ipv4');
}
const isPublic = (ip: string) => !notPublic.check(ip, ip.includes(':') ? 'ipv6' : 'ipv4');

test.each([
  '10.20.30.40',
  '172.31.0.1',
  '192.168.7.7',
  'fd00:ec2::10',
  '127.0.0.1',
  '::1',
  '0.0.0.0',
  '::',
  '169.254.169.254',
  'fe80::1',
  '224.0.0.251',
  'ff02::fb',
  'ff12::1',
  'ff01::1',
  'fff1::1',
  '255.255.255.255',
])('%s is not public', (ip) => {
  expect(isPublic(ip)).toBe(false);
});

// Documentation ranges, fc00::/8 (outside network_direction's fd00::/8), multicast beyond
// link- and interface-local scope, and ordinary internet addresses.
test.each([
  '8.8.8.8',
  '203.0.113.5',
  '2001:db8::1',
  'fc00::1',
  '224.0.1.1',
  '239.255.255.250',
  'ff05::2',
  'ff0e::1',
  '2600:1f18::1',
])('%s is public', (ip) => {
  expect(isPublic(ip)).toBe(true);
});

test('the KQL names the side and every range', () => {
  const kql = publicAddressKql('destination');
  expect(kql.startsWith('destination.ip: * and not destination.ip: (')).toBe(true);
  for (const range of NOT_PUBLIC_RANGES) expect(kql).toContain(`"${range}"`);
});
