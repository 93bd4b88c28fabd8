// Realistic log lines at benchmark scale, one generator per case, in the formats AWS writes
// (the same line shapes as dev/sample/generate.ts and test/pipelines/*/, with many more
// addresses, ports and paths so that cardinalities look like a real VPC). Deterministic: a
// seeded PRNG, so every run parses and indexes the same data.
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { mulberry32 } from '../dev/sample/prng';

export type BenchCase = 'vpc-default' | 'vpc-custom' | 'tgw' | 'alb' | 'alb-connection' | 'nlb';
export type BenchSource = 'vpcflow' | 'tgwflow' | 'alb' | 'alb_connection' | 'nlb';

export const BENCH_CASES: BenchCase[] = [
  'vpc-default',
  'vpc-custom',
  'tgw',
  'alb',
  'alb-connection',
  'nlb',
];

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
/** Start of the generated hour (2026-11-22T12:00:00Z). */
const BASE_SECONDS = 1795348800;

export const V2_HEADER =
  'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status';
/** A custom v5 format in a non-default order: not the dissect fast path, the Painless one. */
export const V5_HEADER =
  'version vpc-id subnet-id instance-id interface-id account-id type srcaddr dstaddr srcport dstport pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags log-status region az-id flow-direction traffic-path';
const TGW_HEADER =
  'version resource-type account-id tgw-id tgw-attachment-id tgw-src-vpc-account-id tgw-dst-vpc-account-id tgw-src-vpc-id tgw-dst-vpc-id tgw-src-subnet-id tgw-dst-subnet-id tgw-src-eni tgw-dst-eni tgw-src-az-id tgw-dst-az-id tgw-pair-attachment-id srcaddr dstaddr srcport dstport protocol packets bytes start end log-status type packets-lost-no-route packets-lost-blackhole packets-lost-mtu-exceeded packets-lost-ttl-expired tcp-flags region flow-direction pkt-src-aws-service pkt-dst-aws-service';

export interface CaseSpec {
  source: BenchSource;
  /** S3 key as AWS writes it: the router classifies by it. */
  key: string;
  header?: string;
}

const date = '2026/11/22';
export const CASE_SPECS: Record<BenchCase, CaseSpec> = {
  'vpc-default': {
    source: 'vpcflow',
    key: `AWSLogs/${ACCOUNT}/vpcflowlogs/${REGION}/${date}/${ACCOUNT}_vpcflowlogs_${REGION}_fl-0bench0001_20261122T1200Z_a1b2c3d4.log.gz`,
    header: V2_HEADER,
  },
  'vpc-custom': {
    source: 'vpcflow',
    key: `AWSLogs/${ACCOUNT}/vpcflowlogs/${REGION}/${date}/${ACCOUNT}_vpcflowlogs_${REGION}_fl-0bench0005_20261122T1200Z_e5f6a7b8.log.gz`,
    header: V5_HEADER,
  },
  tgw: {
    source: 'tgwflow',
    key: `AWSLogs/${ACCOUNT}/vpcflowlogs/${REGION}/${date}/${ACCOUNT}_vpcflowlogs_${REGION}_fl-0benchtgw1_20261122T1200Z_c9d0e1f2.log.gz`,
    header: TGW_HEADER,
  },
  alb: {
    source: 'alb',
    key: `AWSLogs/${ACCOUNT}/elasticloadbalancing/${REGION}/${date}/${ACCOUNT}_elasticloadbalancing_${REGION}_app.shop-alb.50dc6c495c0c9188_20261122T1200Z_10.0.0.5_f3a4b5c6.log.gz`,
  },
  'alb-connection': {
    source: 'alb_connection',
    key: `AWSLogs/${ACCOUNT}/elasticloadbalancing/${REGION}/${date}/conn_log.${ACCOUNT}_elasticloadbalancing_${REGION}_app.shop-alb.50dc6c495c0c9188_20261122T1200Z_10.0.0.5_b1c2d3e4.log.gz`,
  },
  nlb: {
    source: 'nlb',
    key: `AWSLogs/${ACCOUNT}/elasticloadbalancing/${REGION}/${date}/${ACCOUNT}_elasticloadbalancing_${REGION}_net.api-nlb.c6e77e28c25b2234_20261122T1200Z_10.0.0.9_a7b8c9d0.log.gz`,
  },
};

class Dice {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Skewed pick: a few items get most of the traffic, as with real talkers. */
  zipf<T>(items: readonly T[]): T {
    return items[Math.floor(items.length * this.next() ** 3)];
  }
  float(): number {
    return this.next();
  }
}

function range(n: number, make: (i: number) => string): string[] {
  return Array.from({ length: n }, (_, i) => make(i));
}

/** ~50k internet clients, a few hundred private hosts, common AWS service addresses. */
const PUBLIC_CLIENTS = range(50_000, (i) => {
  const firsts = [3, 18, 34, 52, 54, 81, 86, 91, 95, 104, 151, 176, 185, 188, 198, 203, 212];
  return `${firsts[i % firsts.length]}.${(i * 7) % 256}.${(i * 13) % 256}.${1 + (i % 253)}`;
});
const WEB = range(24, (i) => `10.0.1.${10 + i}`);
const APP = range(120, (i) => `10.0.2.${10 + (i % 200)}`);
const DATA = range(16, (i) => `10.0.3.${5 + i}`);
const AWS_SERVICES = range(400, (i) => `52.94.${128 + (i % 64)}.${1 + ((i * 11) % 254)}`);
const ENIS = range(
  200,
  (i) => `eni-0${(0x1000000 + i * 7919).toString(16)}aa${String(i).padStart(5, '0')}`
);
const V6_CLIENTS = range(
  500,
  (i) => `2001:db8:${(i * 31).toString(16)}:1a00::${(i % 255).toString(16)}`
);

const HOUR = 3600;

/** The fields of one flow, shared by the v2 and v5 writers. */
interface Flow {
  eni: string;
  src: string;
  dst: string;
  sport: number;
  dport: number;
  proto: number;
  packets: number;
  bytes: number;
  start: number;
  action: 'ACCEPT' | 'REJECT';
  status: 'OK' | 'NODATA' | 'SKIPDATA';
  direction: 'ingress' | 'egress';
  flags: number;
}

function flow(d: Dice, i: number, n: number): Flow {
  const start = BASE_SECONDS + Math.floor((i / n) * HOUR) - d.int(0, 60);
  const roll = d.float();
  const base = { start, status: 'OK' as const, flags: d.pick([2, 3, 18, 19, 27]) };
  if (roll < 0.6) {
    const dst = d.zipf(WEB);
    // A flow is IPv4 or IPv6 at both ends, never mixed.
    const v6 = d.chance(0.02);
    return {
      ...base,
      eni: ENIS[WEB.indexOf(dst)],
      src: v6 ? d.pick(V6_CLIENTS) : d.zipf(PUBLIC_CLIENTS),
      dst: v6 ? `2001:db8:5678::${WEB.indexOf(dst).toString(16)}` : dst,
      sport: d.int(32768, 60999),
      dport: d.pick([443, 443, 443, 80]),
      proto: 6,
      packets: d.int(4, 60),
      bytes: d.int(400, 90_000),
      action: 'ACCEPT',
      direction: 'ingress',
    };
  }
  if (roll < 0.8) {
    const dst = d.pick(DATA);
    const service = d.pick([
      [5432, 6],
      [6379, 6],
      [53, 17],
      [8080, 6],
    ] as const);
    return {
      ...base,
      eni: ENIS[30 + DATA.indexOf(dst)],
      src: d.zipf(APP),
      dst,
      sport: d.int(32768, 60999),
      dport: service[0],
      proto: service[1],
      packets: d.int(2, 200),
      bytes: d.int(120, 400_000),
      action: 'ACCEPT',
      direction: 'ingress',
    };
  }
  if (roll < 0.92) {
    return {
      ...base,
      eni: ENIS[60 + d.int(0, 119)],
      src: d.zipf(APP),
      dst: d.zipf(AWS_SERVICES),
      sport: d.int(32768, 60999),
      dport: 443,
      proto: 6,
      packets: d.int(10, 2000),
      bytes: d.int(2000, 3_000_000),
      action: 'ACCEPT',
      direction: 'egress',
    };
  }
  if (roll < 0.975) return special(d, base);
  if (roll < 0.99) {
    return {
      ...base,
      eni: d.pick(ENIS),
      src: d.pick(PUBLIC_CLIENTS),
      dst: d.pick(WEB),
      sport: d.int(1024, 65000),
      dport: d.pick([22, 23, 445, 1433, 3306, 3389, 5900, 8443, d.int(1, 65535)]),
      proto: d.chance(0.9) ? 6 : 17,
      packets: 1,
      bytes: d.pick([40, 44, 60]),
      action: 'REJECT',
      direction: 'ingress',
      flags: 2,
    };
  }
  return {
    ...base,
    eni: d.pick(ENIS),
    src: '-',
    dst: '-',
    sport: 0,
    dport: 0,
    proto: 0,
    packets: 0,
    bytes: 0,
    action: 'ACCEPT',
    direction: 'ingress',
    status: d.chance(0.8) ? 'NODATA' : 'SKIPDATA',
  };
}

/**
 * The rarer flows the prebuilt queries look for (a few per thousand): SSH/RDP and databases
 * accepted from the internet, ICMP, internal rejects, huge egress, and the catalog's example
 * addresses, so that those queries have something to find.
 */
function special(d: Dice, base: Pick<Flow, 'start' | 'status' | 'flags'>): Flow {
  const common = {
    ...base,
    eni: d.pick(ENIS),
    sport: d.int(32768, 60999),
    proto: 6,
    packets: d.int(4, 40),
    bytes: d.int(400, 20_000),
    action: 'ACCEPT' as const,
    direction: 'ingress' as const,
  };
  const kind = d.int(0, 5);
  if (kind === 0)
    return { ...common, src: d.pick(PUBLIC_CLIENTS), dst: '10.0.1.50', dport: d.pick([22, 3389]) };
  if (kind === 1) return { ...common, src: d.pick(PUBLIC_CLIENTS), dst: d.pick(DATA), dport: 5432 };
  if (kind === 2)
    return { ...common, src: d.zipf(APP), dst: d.pick(DATA), sport: 0, dport: 0, proto: 1 };
  if (kind === 3)
    return { ...common, src: d.zipf(APP), dst: d.pick(DATA), dport: 9200, action: 'REJECT' };
  if (kind === 4) {
    const bytes = d.int(100_000_000, 2_000_000_000);
    return {
      ...common,
      src: d.zipf(APP),
      dst: d.pick(PUBLIC_CLIENTS),
      dport: 443,
      bytes,
      packets: Math.floor(bytes / 1400),
      direction: 'egress',
    };
  }
  return d.chance(0.5)
    ? {
        ...common,
        src: '198.51.100.7',
        dst: d.pick(WEB),
        dport: d.pick([22, 3389, 445]),
        action: 'REJECT',
      }
    : { ...common, src: '10.0.1.15', dst: '10.0.2.30', dport: 443 };
}

function v2Line(f: Flow): string {
  if (f.status !== 'OK') {
    return `2 ${ACCOUNT} ${f.eni} - - - - - - - ${f.start} ${f.start + 60} - ${f.status}`;
  }
  return `2 ${ACCOUNT} ${f.eni} ${f.src} ${f.dst} ${f.sport} ${f.dport} ${f.proto} ${f.packets} ${f.bytes} ${f.start} ${f.start + 60} ${f.action} OK`;
}

function v5Line(f: Flow, d: Dice): string {
  const subnet = `subnet-0${(f.eni.length * 977).toString(16)}priv${f.eni.slice(-2)}`;
  const instance = d.chance(0.8) ? `i-0${f.eni.slice(5, 17)}` : '-';
  const az = d.pick(['use1-az1', 'use1-az2', 'use1-az4']);
  if (f.status !== 'OK') {
    return `5 vpc-0bench000000001 ${subnet} ${instance} ${f.eni} ${ACCOUNT} - - - - - - - - - - ${f.start} ${f.start + 60} - - ${f.status} ${REGION} ${az} - -`;
  }
  const type = f.src.includes(':') || f.dst.includes(':') ? 'IPv6' : 'IPv4';
  const path = f.direction === 'egress' ? d.pick(['1', '8', '-']) : '-';
  return `5 vpc-0bench000000001 ${subnet} ${instance} ${f.eni} ${ACCOUNT} ${type} ${f.src} ${f.dst} ${f.sport} ${f.dport} ${f.src} ${f.dst} ${f.proto} ${f.bytes} ${f.packets} ${f.start} ${f.start + 60} ${f.action} ${f.flags} OK ${REGION} ${az} ${f.direction} ${path}`;
}

function tgwLine(d: Dice, i: number, n: number): string {
  const start = BASE_SECONDS + Math.floor((i / n) * HOUR);
  const a = d.int(1, 12);
  const attach = `tgw-attach-0${String(a).padStart(16, 'a')}`;
  const pair = `tgw-attach-0${String(a + 1).padStart(16, 'b')}`;
  const src = d.zipf(APP);
  const dst = `10.${2 + (a % 6)}.${d.int(0, 15)}.${d.int(5, 250)}`;
  const lost = d.chance(0.03) ? d.int(1, 40) : 0;
  const dir = d.pick(['egress', 'ingress']);
  return `6 TransitGateway ${ACCOUNT} tgw-0123456789abcdef0 ${attach} ${ACCOUNT} ${ACCOUNT} vpc-0web${String(a).padStart(13, '0')} vpc-0data${String(a).padStart(12, '0')} subnet-0a${String(a).padStart(11, '0')} subnet-0b${String(a).padStart(11, '0')} eni-0tgwa${String(a).padStart(8, '0')} eni-0tgwb${String(a).padStart(8, '0')} use1-az1 use1-az2 ${pair} ${src} ${dst} ${d.int(32768, 60999)} ${d.pick([443, 5432, 6379, 8080])} 6 ${d.int(2, 900)} ${d.int(200, 2_000_000)} ${start} ${start + 60} OK IPv4 0 ${lost} 0 0 ${d.pick([3, 19, 27])} ${REGION} ${dir} - -`;
}

const ALB_PATHS = [
  '/',
  '/products',
  '/products/list?page=2',
  '/products/42?ref=home',
  '/cart',
  '/checkout',
  '/api/v1/orders',
  '/api/v1/orders/9f1c2e',
  '/api/v1/search?q=shoes&size=20',
  '/static/app.js',
  '/static/app.css',
  '/favicon.ico',
];
const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
  'okhttp/4.12.0',
  'curl/8.4.0',
];

function albLine(d: Dice, i: number, n: number): string {
  const t = BASE_SECONDS * 1000 + Math.floor((i / n) * HOUR * 1000);
  const at = new Date(t).toISOString().replace('Z', '000Z');
  const created = new Date(t - d.int(1, 500)).toISOString().replace('Z', '000Z');
  const target = d.pick(WEB.slice(0, 8));
  const failing = d.chance(0.02);
  const status = failing
    ? d.pick([502, 503, 504])
    : d.pick([200, 200, 200, 200, 200, 304, 301, 404]);
  const targetTime = failing ? '-1' : (0.002 + d.float() * (d.chance(0.05) ? 3 : 0.2)).toFixed(3);
  const path = d.pick(ALB_PATHS);
  const method = path.startsWith('/api/v1/orders') && d.chance(0.3) ? 'POST' : 'GET';
  const elb = 'app/shop-alb/50dc6c495c0c9188';
  const tg = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/shop-web/73e2d6bc24d8a067`;
  const cert = `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/12345678-1234-1234-1234-123456789012`;
  const tls = d.pick(['TLSv1.2', 'TLSv1.2', 'TLSv1.3']);
  return `https ${at} ${elb} ${d.zipf(PUBLIC_CLIENTS)}:${d.int(32768, 60999)} ${target}:443 0.001 ${targetTime} ${failing ? '-1' : '0.000'} ${status} ${failing ? '-' : status} ${d.int(200, 2000)} ${d.int(300, 80_000)} "${method} https://shop.example.com:443${path} HTTP/1.1" "${d.pick(USER_AGENTS)}" ECDHE-RSA-AES128-GCM-SHA256 ${tls} ${tg} "Root=1-${Math.floor(t / 1000).toString(16)}-${d.int(1e8, 9e8)}" "shop.example.com" "${cert}" 1 ${created} "forward" "-" "-" "${target}:443" "${failing ? '-' : status}" "-" "-" TID_${(i * 2654435761).toString(16)} "-" "-" "-"`;
}

const CLIENT_CERTS = [
  {
    subject: 'CN=api-client.partner-a.example.com,OU=Integrations,O=Partner A Inc,C=US',
    serial: '4F2A9C11D03B7E55',
  },
  { subject: 'CN=billing.partner-b.example.net,O=Partner B GmbH,C=DE', serial: '0B7715E2AA904C3D' },
  {
    subject: 'CN=legacy-gw.partner-c.example.org,O=Partner C Ltd,C=GB',
    serial: '6C01D2E3F4A5B697',
  },
];

/**
 * An ALB connection-log line (mutual TLS) as AWS documents the fields: timestamp client_ip
 * client_port listener_port tls_protocol tls_cipher tls_handshake_latency
 * "leaf_client_cert_subject" leaf_client_cert_validity leaf_client_cert_serial_number
 * tls_verify_status conn_trace_id. About 3% fail verification (no latency logged).
 */
function albConnectionLine(d: Dice, i: number, n: number): string {
  const t = BASE_SECONDS * 1000 + Math.floor((i / n) * HOUR * 1000);
  const at = new Date(t).toISOString().replace('Z', '000Z');
  const cert = d.pick(CLIENT_CERTS);
  const day = 86_400_000;
  const validity = `NotBefore=${new Date(t - 200 * day).toISOString().slice(0, 19)}Z;NotAfter=${new Date(t + d.int(5, 300) * day).toISOString().slice(0, 19)}Z`;
  const failed = d.chance(0.03);
  const tls13 = d.chance(0.6);
  return `${at} ${d.zipf(PUBLIC_CLIENTS)} ${d.int(32768, 60999)} 443 ${tls13 ? 'TLSv1.3' : 'TLSv1.2'} ${tls13 ? 'TLS_AES_128_GCM_SHA256' : 'ECDHE-RSA-AES128-GCM-SHA256'} ${failed ? '-' : (0.002 + d.float() * 0.03).toFixed(3)} "${cert.subject}" ${validity} ${cert.serial} ${failed ? d.pick(['Failed:ClientCertExpired', 'Failed:ClientCertUntrusted']) : 'Success'} TID_${(i * 2654435761).toString(16)}`;
}

function nlbLine(d: Dice, i: number, n: number): string {
  const t = BASE_SECONDS * 1000 + Math.floor((i / n) * HOUR * 1000);
  const at = new Date(t).toISOString().slice(0, 19);
  const created = new Date(t - d.int(1, 30) * 1000).toISOString().slice(0, 19);
  const name = 'net/api-nlb/c6e77e28c25b2234';
  const client = `${d.zipf(PUBLIC_CLIENTS)}:${d.int(32768, 60999)}`;
  if (d.chance(0.05)) {
    return `tls 2.0 ${at} ${name} g3d4b5e8bb8464cd ${client} 10.0.4.10:443 ${d.int(5, 40)} - ${d.int(100, 200)} 7 70 - - - - - - - - - ${created}`;
  }
  const cert = `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/12345678-1234-1234-1234-123456789012`;
  return `tls 2.0 ${at} ${name} g3d4b5e8bb8464cd ${client} 10.0.4.${d.pick([10, 11, 12])}:443 ${d.int(200, 30000)} ${d.int(2, 40)} ${d.int(500, 50_000)} ${d.int(1000, 900_000)} - ${cert} - ECDHE-RSA-AES128-GCM-SHA256 ${d.pick(['tlsv12', 'tlsv12', 'tlsv13'])} x25519 api.example.com ${d.pick(['h2', 'http/1.1'])} h2 "h2","http/1.1" ${created}`;
}

/** The lines of one case (without any header line). */
export function* caseLines(which: BenchCase, n: number, seed = 20261122): Generator<string> {
  const d = new Dice(seed + which.length);
  for (let i = 0; i < n; i++) {
    if (which === 'vpc-default') yield v2Line(flow(d, i, n));
    else if (which === 'vpc-custom') yield v5Line(flow(d, i, n), d);
    else if (which === 'tgw') yield tgwLine(d, i, n);
    else if (which === 'alb') yield albLine(d, i, n);
    else if (which === 'alb-connection') yield albConnectionLine(d, i, n);
    else yield nlbLine(d, i, n);
  }
}

/**
 * Writes `n` lines of a case as AWS delivers them (gzip, flow logs with their header) under
 * `root`, at the case's S3 key path (the router classifies local files by that path).
 */
export async function writeCaseFile(
  root: string,
  which: BenchCase,
  n: number
): Promise<{ file: string; bytes: number }> {
  const spec = CASE_SPECS[which];
  const file = path.join(root, spec.key);
  mkdirSync(path.dirname(file), { recursive: true });
  let bytes = 0;
  async function* chunks(): AsyncGenerator<string> {
    let batch: string[] = spec.header ? [spec.header] : [];
    for (const line of caseLines(which, n)) {
      batch.push(line);
      if (batch.length === 5000) {
        const text = batch.join('\n') + '\n';
        bytes += Buffer.byteLength(text);
        yield text;
        batch = [];
      }
    }
    if (batch.length > 0) {
      const text = batch.join('\n') + '\n';
      bytes += Buffer.byteLength(text);
      yield text;
    }
  }
  await pipeline(Readable.from(chunks()), createGzip(), createWriteStream(file));
  return { file, bytes };
}

const IPV4 = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.])/g;

function isPrivateV4(a: number, b: number): boolean {
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/**
 * The same line with every public address made private (a.b.c.d → 10.b.c.d, the documentation
 * prefix 2001:db8: → fd01:db8:), so that no geo/ASN lookup runs on it: the bench's "without geo"
 * variant of a case. Only addresses change; every other byte stays as generated.
 */
export function privateAddressesOnly(line: string): string {
  return line
    .replace(IPV4, (whole, a: string, b: string, c: string, d: string) =>
      isPrivateV4(Number(a), Number(b)) ? whole : `10.${b}.${c}.${d}`
    )
    .replace(/(?<![0-9a-fA-F:])2001:db8:/g, 'fd01:db8:');
}

/** Whether a line holds at least one public (non-RFC 1918, non-ULA) address. */
export function hasPublicAddress(line: string): boolean {
  return privateAddressesOnly(line) !== line;
}
