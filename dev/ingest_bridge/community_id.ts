// Community ID v1 (https://github.com/corelight/community-id-spec) as Elasticsearch's
// community_id processor computes it (modules/ingest-common/.../CommunityIdProcessor.java):
// a missing ICMP type or code counts as 0, protocols other than TCP, UDP, SCTP, ICMP and ICMPv6
// are hashed without ports. The tests use it as the reference the engine's output must equal,
// checked itself against the specification's baseline values.
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';

export interface Flow {
  sourceIp: string;
  destinationIp: string;
  /** IANA protocol number. */
  protocol: number;
  sourcePort?: number;
  destinationPort?: number;
  icmpType?: number;
  icmpCode?: number;
}

// Request/reply pairs: such a message and its answer belong to one flow.
const ICMP4_EQUIVALENT: Record<number, number> = {
  8: 0,
  0: 8,
  13: 14,
  14: 13,
  15: 16,
  10: 9,
  9: 10,
  17: 18,
  18: 17,
};
const ICMP6_EQUIVALENT: Record<number, number> = {
  128: 129,
  129: 128,
  133: 134,
  134: 133,
  135: 136,
  136: 135,
  130: 131,
  139: 140,
  140: 139,
  144: 145,
  145: 144,
};
const WITH_PORTS = new Set([1, 6, 17, 58, 132]);

function addressBytes(ip: string): Buffer {
  if (isIP(ip) === 4) return Buffer.from(ip.split('.').map(Number));
  if (isIP(ip) !== 6) throw new Error(`not an IP address: ${ip}`);
  const [head, tail = ''] = ip.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = groups(tail);
  const missing = ip.includes('::') ? 8 - left.length - right.length : 0;
  const all = [...left, ...Array<string>(missing).fill('0'), ...right];
  const out = Buffer.alloc(16);
  all.forEach((group, i) => out.writeUInt16BE(parseInt(group, 16), i * 2));
  return out;
}

function uint16(value: number): Buffer {
  const out = Buffer.alloc(2);
  out.writeUInt16BE(value);
  return out;
}

export function communityId(flow: Flow, seed = 0): string {
  const source = addressBytes(flow.sourceIp);
  const destination = addressBytes(flow.destinationIp);
  let sourcePort = flow.sourcePort ?? 0;
  let destinationPort = flow.destinationPort ?? 0;
  let oneWay = false;
  if (flow.protocol === 1 || flow.protocol === 58) {
    const type = flow.icmpType ?? 0;
    const equivalent = (flow.protocol === 58 ? ICMP6_EQUIVALENT : ICMP4_EQUIVALENT)[type];
    oneWay = equivalent === undefined;
    sourcePort = type;
    destinationPort = equivalent ?? flow.icmpCode ?? 0;
  }
  const order = Buffer.compare(source, destination);
  const keep = oneWay || order < 0 || (order === 0 && sourcePort < destinationPort);
  const parts = [
    uint16(seed),
    keep ? source : destination,
    keep ? destination : source,
    Buffer.from([flow.protocol, 0]),
  ];
  if (WITH_PORTS.has(flow.protocol)) {
    parts.push(
      uint16(keep ? sourcePort : destinationPort),
      uint16(keep ? destinationPort : sourcePort)
    );
  }
  return `1:${createHash('sha1').update(Buffer.concat(parts)).digest('base64')}`;
}
