import { communityId } from './community_id';

// The specification's baseline (corelight/community-id-spec, baseline/baseline_deflt.json,
// seed 0): sport/dport there are the ports, or for ICMP the type and the code-equivalent.
const BASELINE: [number, string, string, number | null, number | null, string][] = [
  [
    58,
    'fe80::200:86ff:fe05:80da',
    'fe80::260:97ff:fe07:69ea',
    135,
    136,
    '1:dGHyGvjMfljg6Bppwm3bg0LO8TY=',
  ],
  [
    58,
    'fe80::260:97ff:fe07:69ea',
    'fe80::200:86ff:fe05:80da',
    136,
    135,
    '1:dGHyGvjMfljg6Bppwm3bg0LO8TY=',
  ],
  [
    58,
    '3ffe:501:1800:2345::2',
    '3ffe:507:0:1:200:86ff:fe05:80da',
    3,
    0,
    '1:2ObVBgIn28oZvibYZhZMBgh7WdQ=',
  ],
  [
    58,
    '3ffe:501:410:0:2c0:dfff:fe47:33e',
    '3ffe:507:0:1:200:86ff:fe05:80da',
    1,
    4,
    '1:hLZd0XGWojozrvxqE0dWB1iM6R0=',
  ],
  [
    58,
    '3ffe:507:0:1:200:86ff:fe05:80da',
    '3ffe:501:0:1001::2',
    128,
    129,
    '1:+TW+HtLHvV1xnGhV1lv7XoJrqQg=',
  ],
  [
    58,
    '3ffe:501:0:1001::2',
    '3ffe:507:0:1:200:86ff:fe05:80da',
    129,
    128,
    '1:+TW+HtLHvV1xnGhV1lv7XoJrqQg=',
  ],
  [58, 'fe80::200:86ff:fe05:80da', 'ff02::2', 133, 134, '1:hO+sN4H+MG5MY/8hIrXPqc4ZQz0='],
  [58, 'fe80::260:97ff:fe07:69ea', 'ff02::1', 134, 133, '1:pkvHqCL88/tg1k4cPigmZXUtL00='],
  [1, '192.168.0.89', '192.168.0.1', 8, 0, '1:X0snYXpgwiv9TZtqg64sgzUn6Dk='],
  [1, '192.168.0.1', '192.168.0.89', 0, 8, '1:X0snYXpgwiv9TZtqg64sgzUn6Dk='],
  [1, '10.0.0.1', '10.0.0.2', 11, 0, '1:YHxtAirCG//0OzkcVAukqKQN9xM='],
  [
    6,
    '2001:470:e5bf:dead:4957:2174:e82c:4887',
    '2607:f8b0:400c:c03::1a',
    63943,
    25,
    '1:/qFaeAR+gFe1KYjMzVDsMv+wgU4=',
  ],
  [
    6,
    '2607:f8b0:400c:c03::1a',
    '2001:470:e5bf:dead:4957:2174:e82c:4887',
    25,
    63943,
    '1:/qFaeAR+gFe1KYjMzVDsMv+wgU4=',
  ],
  [132, '192.168.170.8', '192.168.170.56', 7, 7, '1:MP2EtRCAUIZvTw6MxJHLV7N7JDs='],
  [132, '192.168.170.56', '192.168.170.8', 7, 7, '1:MP2EtRCAUIZvTw6MxJHLV7N7JDs='],
  [6, '128.232.110.120', '66.35.250.204', 34855, 80, '1:LQU9qZlK+B5F3KDmev6m5PMibrg='],
  [6, '66.35.250.204', '128.232.110.120', 80, 34855, '1:LQU9qZlK+B5F3KDmev6m5PMibrg='],
  [17, '192.168.1.52', '8.8.8.8', 54585, 53, '1:d/FP5EW3wiY1vCndhwleRRKHowQ='],
  [17, '8.8.8.8', '192.168.1.52', 53, 54585, '1:d/FP5EW3wiY1vCndhwleRRKHowQ='],
  [46, '10.1.12.1', '10.1.12.2', null, null, '1:KHlLkgoJW7ifUTyTSgyVfkFHzKw='],
  [46, '10.1.12.2', '10.1.12.1', null, null, '1:KHlLkgoJW7ifUTyTSgyVfkFHzKw='],
];

test.each(BASELINE)(
  'spec baseline: proto %d %s → %s',
  (protocol, sourceIp, destinationIp, sport, dport, expected) => {
    const icmp = protocol === 1 || protocol === 58;
    const flow = icmp
      ? // The baseline's dport is the code-equivalent for paired types, else the ICMP code.
        { sourceIp, destinationIp, protocol, icmpType: sport ?? 0, icmpCode: dport ?? 0 }
      : {
          sourceIp,
          destinationIp,
          protocol,
          sourcePort: sport ?? undefined,
          destinationPort: dport ?? undefined,
        };
    expect(communityId(flow)).toBe(expected);
  }
);

describe('ICMP without type and code, as flow logs have it (Elasticsearch: type 0, code 0)', () => {
  test('ICMP counts as an echo reply (type 0): the baseline value of the reply 192.168.0.1 → .89', () => {
    expect(
      communityId({ sourceIp: '192.168.0.1', destinationIp: '192.168.0.89', protocol: 1 })
    ).toBe('1:X0snYXpgwiv9TZtqg64sgzUn6Dk=');
  });
  test('ICMP depends on direction: the other way round is a different flow', () => {
    expect(
      communityId({ sourceIp: '192.168.0.89', destinationIp: '192.168.0.1', protocol: 1 })
    ).not.toBe('1:X0snYXpgwiv9TZtqg64sgzUn6Dk=');
  });
  test('ICMPv6 type 0 has no pair: one-way, addresses kept in order (as the one-way baseline rows)', () => {
    const forward = communityId({ sourceIp: 'fe80::1', destinationIp: 'fe80::2', protocol: 58 });
    const backward = communityId({ sourceIp: 'fe80::2', destinationIp: 'fe80::1', protocol: 58 });
    expect(forward).not.toBe(backward);
  });
});
