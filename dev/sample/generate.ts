// Generates a realistic, reproducible sample of AWS network logs laid out as AWS writes them to
// S3 (AWSLogs/<account>/<service>/<region>/yyyy/mm/dd/<file>.log.gz, flow logs with a header
// line): a few hours of VPC (default and custom v5 format), Transit Gateway, ALB and NLB logs,
// with four stories to find in the app:
//   - a port scan: 203.0.113.66 sweeps ports 1-1024 on the web subnet and is rejected;
//   - a misconfigured security group: SSH (22) and PostgreSQL (5432) accepted from the internet;
//   - a failing target: 10.0.1.13 behind the ALB starts answering 502/503 halfway through;
//   - an asymmetric network ACL: the app's requests to the cache (10.0.2.21 → 10.0.3.7:6379) are
//     accepted, but the cache subnet's stateless NACL has no outbound rule for ephemeral ports,
//     so every reply is rejected at the cache's ENI.
// Internet traffic from and to real public addresses (GEO_SENDERS, GEO_DESTINATIONS) gives the
// geo panels and the map countries and networks to show.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { albConnectionFileName, albConnectionLines } from './alb_connection';
import { mulberry32 } from './prng';

export const SAMPLE_ACCOUNT = '123456789012';
export const SAMPLE_REGION = 'us-east-1';
export const SCANNER_IP = '203.0.113.66';
export const FAILING_TARGET = '10.0.1.13';
export const EXPOSED_BASTION = '10.0.1.50';
/** The asymmetric-NACL pair: client, server, port, and the ENIs that log it. */
export const NACL_CLIENT = '10.0.2.21';
export const NACL_SERVER = '10.0.3.7';
export const NACL_PORT = 6379;
export const NACL_CLIENT_ENI = 'eni-0app0000000000003';
export const NACL_SERVER_ENI = 'eni-0cache00000000001';

/**
 * Public senders the sample's security groups reject, with what the GeoLite2 builds the dev
 * ingest engine bundles (2019-11) say of them: the map and the top-country/ASN tables show these.
 */
export const GEO_SENDERS = [
  { ip: '77.88.8.8', country: 'RU', asn: 13238 }, // Yandex
  { ip: '193.0.6.139', country: 'NL', asn: 3333 }, // RIPE NCC
  { ip: '202.12.27.33', country: 'JP', asn: 7500 }, // WIDE Project
  { ip: '200.160.2.3', country: 'BR', asn: 22548 }, // NIC.br
  { ip: '196.216.2.1', country: 'ZA', asn: 33764 }, // AFRINIC
  { ip: '114.114.114.114', country: 'CN', asn: 174 },
] as const;
/** Ports those senders probe: few, so none of them is a port scan. */
const GEO_PROBE_PORTS = [23, 445, 1433, 3389, 5900];
/** Public services the app sends HTTPS to (accepted outbound bytes), likewise placed. */
export const GEO_DESTINATIONS = [
  { ip: '140.82.112.3', country: 'US', asn: 36459 }, // GitHub
  { ip: '151.101.1.69', country: 'US', asn: 54113 }, // Fastly
  { ip: '185.60.216.35', country: 'IE', asn: 32934 }, // Facebook
  { ip: '193.0.6.139', country: 'NL', asn: 3333 }, // RIPE NCC
  { ip: '5.255.255.5', country: 'RU', asn: 13238 }, // Yandex
] as const;

export interface SampleOptions {
  dir: string;
  /** End of the sample window (default: now). */
  end?: Date;
  hours?: number;
  seed?: number;
}

export interface SampleStats {
  files: number;
  lines: Record<'vpcflow' | 'tgwflow' | 'alb' | 'nlb' | 'alb_connection', number>;
}

const V2_HEADER =
  'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status';
const V5_HEADER =
  'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id flow-direction traffic-path';
const TGW_HEADER =
  'version resource-type account-id tgw-id tgw-attachment-id tgw-src-vpc-account-id tgw-dst-vpc-account-id tgw-src-vpc-id tgw-dst-vpc-id tgw-src-subnet-id tgw-dst-subnet-id tgw-src-eni tgw-dst-eni tgw-src-az-id tgw-dst-az-id tgw-pair-attachment-id srcaddr dstaddr srcport dstport protocol packets bytes start end log-status type packets-lost-no-route packets-lost-blackhole packets-lost-mtu-exceeded packets-lost-ttl-expired tcp-flags region flow-direction pkt-src-aws-service pkt-dst-aws-service';

const WEB_SERVERS = ['10.0.1.10', '10.0.1.11', '10.0.1.12', FAILING_TARGET];
const ALB_PATHS = [
  '/',
  '/products',
  '/products/list?page=2',
  '/cart',
  '/checkout',
  '/api/v1/orders',
  '/static/app.js',
];
const SCANNER_PATHS = ['/wp-login.php', '/.env', '/admin', '/phpmyadmin/', '/.git/config'];
const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
  'okhttp/4.12.0',
];

function datePath(at: Date): string {
  const y = at.getUTCFullYear();
  const m = String(at.getUTCMonth() + 1).padStart(2, '0');
  const d = String(at.getUTCDate()).padStart(2, '0');
  return `${y}/${m}/${d}`;
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').slice(0, 13) + 'Z';
}

export function generateSample(options: SampleOptions): SampleStats {
  const rnd = mulberry32(options.seed ?? 20261122);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const publicIp = () =>
    `${pick([198, 203, 192])}.${pick([51, 0])}.${pick([100, 113, 2])}.${int(1, 254)}`;
  const end = options.end ?? new Date();
  const hours = options.hours ?? 4;
  const startSec = Math.floor(end.getTime() / 1000) - hours * 3600;
  const endSec = Math.floor(end.getTime() / 1000);
  const stats: SampleStats = {
    files: 0,
    lines: { vpcflow: 0, tgwflow: 0, alb: 0, nlb: 0, alb_connection: 0 },
  };

  const write = (
    service: string,
    file: string,
    lines: string[],
    source: keyof SampleStats['lines'],
    header?: string
  ) => {
    const at = new Date(endSec * 1000);
    const dir = path.join(
      options.dir,
      'AWSLogs',
      SAMPLE_ACCOUNT,
      service,
      SAMPLE_REGION,
      datePath(at)
    );
    mkdirSync(dir, { recursive: true });
    const text = (header ? [header, ...lines] : lines).join('\n') + '\n';
    writeFileSync(path.join(dir, file), gzipSync(text));
    stats.files += 1;
    stats.lines[source] += lines.length;
  };

  // --- VPC flow logs, default format: web tier, internal traffic, the scan, the open SG ----------
  const vpc: string[] = [];
  const vpcRecord = (
    eni: string,
    src: string,
    dst: string,
    sp: number,
    dp: number,
    proto: number,
    packets: number,
    bytes: number,
    t: number,
    action: string
  ) =>
    vpc.push(
      `2 ${SAMPLE_ACCOUNT} ${eni} ${src} ${dst} ${sp} ${dp} ${proto} ${packets} ${bytes} ${t} ${t + 60} ${action} OK`
    );
  for (let t = startSec; t < endSec; t += 60) {
    for (let i = 0; i < 6; i++) {
      const server = pick(WEB_SERVERS);
      vpcRecord(
        `eni-0web000000000000${WEB_SERVERS.indexOf(server)}`,
        publicIp(),
        server,
        int(32768, 60999),
        443,
        6,
        int(5, 40),
        int(800, 60000),
        t,
        'ACCEPT'
      );
    }
    vpcRecord(
      'eni-0app0000000000001',
      `10.0.2.${int(10, 20)}`,
      '10.0.3.5',
      int(32768, 60999),
      5432,
      6,
      int(10, 80),
      int(2000, 90000),
      t,
      'ACCEPT'
    );
    vpcRecord(
      'eni-0app0000000000001',
      `10.0.2.${int(10, 20)}`,
      '10.0.0.2',
      int(32768, 60999),
      53,
      17,
      2,
      int(120, 300),
      t,
      'ACCEPT'
    );
    vpcRecord(
      'eni-0app0000000000002',
      '10.0.2.15',
      `52.94.133.${int(1, 254)}`,
      int(32768, 60999),
      443,
      6,
      int(20, 200),
      int(5000, 400000),
      t,
      'ACCEPT'
    );
    if (rnd() < 0.3)
      vpcRecord(
        'eni-0web0000000000001',
        publicIp(),
        '10.0.1.11',
        int(1024, 65000),
        pick([23, 445, 1433, 3389]),
        6,
        1,
        40,
        t,
        'REJECT'
      );
    // The misconfigured security group: SSH and PostgreSQL open to the internet.
    if (rnd() < 0.2)
      vpcRecord(
        'eni-0bastion00000001',
        publicIp(),
        EXPOSED_BASTION,
        int(32768, 60999),
        22,
        6,
        int(10, 30),
        int(3000, 9000),
        t,
        'ACCEPT'
      );
    if (rnd() < 0.08)
      vpcRecord(
        'eni-0db000000000001',
        publicIp(),
        '10.0.3.5',
        int(32768, 60999),
        5432,
        6,
        int(4, 12),
        int(400, 2000),
        t,
        'ACCEPT'
      );
    if (rnd() < 0.05)
      vpc.push(`2 ${SAMPLE_ACCOUNT} eni-0idle00000000001 - - - - - - - ${t} ${t + 60} - NODATA`);
  }
  // The port scan: one sender, ports 1-1024 on four web servers over 25 minutes, all rejected.
  const scanStart = startSec + Math.floor((hours * 3600) / 3);
  for (let port = 1; port <= 1024; port++) {
    const t = scanStart + Math.floor((port / 1024) * 1500);
    for (const server of WEB_SERVERS)
      vpcRecord(
        'eni-0web0000000000001',
        SCANNER_IP,
        server,
        int(40000, 65000),
        port,
        6,
        1,
        44,
        t,
        port === 443 ? 'ACCEPT' : 'REJECT'
      );
  }
  // The asymmetric NACL: every two minutes a request, accepted leaving the app's ENI and entering
  // the cache's, and its reply, rejected leaving the cache's ENI. No random draws, so the
  // stories above keep their values.
  for (let t = startSec, i = 0; t < endSec; t += 120, i++) {
    const ephemeral = 33000 + (i % 20000);
    for (const eni of [NACL_CLIENT_ENI, NACL_SERVER_ENI])
      vpcRecord(eni, NACL_CLIENT, NACL_SERVER, ephemeral, NACL_PORT, 6, 3, 180, t, 'ACCEPT');
    vpcRecord(
      NACL_SERVER_ENI,
      NACL_SERVER,
      NACL_CLIENT,
      NACL_PORT,
      ephemeral,
      6,
      2,
      120,
      t,
      'REJECT'
    );
  }
  // Internet traffic GeoIP places (netobs-geo): senders in six countries and networks the web
  // tier's security group turns away, and the app's HTTPS calls to a few services abroad. Real
  // public addresses of well-known networks (the documentation ranges above are in no GeoLite2
  // database), few ports and modest bytes so that no detection fires on them, and no random draws
  // so that every other story keeps its values.
  for (let t = startSec, k = 0; t < endSec; t += 900, k++) {
    GEO_SENDERS.forEach((sender, i) => {
      const server = (k + i) % WEB_SERVERS.length;
      vpcRecord(
        `eni-0web000000000000${server}`,
        sender.ip,
        WEB_SERVERS[server],
        40000 + ((k * 131 + i * 17) % 20000),
        GEO_PROBE_PORTS[(k + i) % GEO_PROBE_PORTS.length],
        6,
        1,
        44,
        t + i * 61,
        'REJECT'
      );
    });
  }
  for (let t = startSec, k = 0; t < endSec; t += 300, k++) {
    const destination = GEO_DESTINATIONS[k % GEO_DESTINATIONS.length];
    vpcRecord(
      'eni-0app0000000000002',
      '10.0.2.15',
      destination.ip,
      33000 + (k % 20000),
      443,
      6,
      100 + (k % 50),
      120000 + (k % 7) * 35000,
      t,
      'ACCEPT'
    );
  }
  write(
    'vpcflowlogs',
    `${SAMPLE_ACCOUNT}_vpcflowlogs_${SAMPLE_REGION}_fl-0web00001_${stamp(end)}_a1b2c3d4.log.gz`,
    vpc,
    'vpcflow',
    V2_HEADER
  );

  // --- VPC flow logs, custom v5 format from a second VPC (flow-direction, tcp-flags) --------------
  const v5: string[] = [];
  for (let t = startSec; t < endSec; t += 120) {
    const src = `10.1.4.${int(10, 40)}`;
    v5.push(
      `5 ${SAMPLE_ACCOUNT} eni-0v5000000000001 ${src} 10.1.5.20 ${int(32768, 60999)} 8080 6 ${int(10, 50)} ${int(4000, 50000)} ${t} ${t + 60} ACCEPT OK vpc-0second00000001 subnet-0priv0000001 i-0api00000000001 19 IPv4 ${src} 10.1.5.20 ${SAMPLE_REGION} use1-az1 ingress -`
    );
    v5.push(
      `5 ${SAMPLE_ACCOUNT} eni-0v5000000000002 10.1.5.20 ${SCANNER_IP} 8080 ${int(40000, 65000)} 6 1 40 ${t} ${t + 60} REJECT OK vpc-0second00000001 subnet-0priv0000001 i-0api00000000001 2 IPv4 10.1.5.20 ${SCANNER_IP} ${SAMPLE_REGION} use1-az1 egress 8`
    );
  }
  write(
    'vpcflowlogs',
    `${SAMPLE_ACCOUNT}_vpcflowlogs_${SAMPLE_REGION}_fl-0v5custom_${stamp(end)}_e5f6a7b8.log.gz`,
    v5,
    'vpcflow',
    V5_HEADER
  );

  // --- Transit Gateway: VPC-to-VPC traffic and a blackhole route ----------------------------------
  const tgw: string[] = [];
  for (let t = startSec; t < endSec; t += 60) {
    const lostBlackhole = rnd() < 0.1 ? int(1, 20) : 0;
    tgw.push(
      `6 TransitGateway ${SAMPLE_ACCOUNT} tgw-0123456789abcdef0 tgw-attach-0aaaaaaaaaaaaaaa1 ${SAMPLE_ACCOUNT} ${SAMPLE_ACCOUNT} vpc-0web0000000001 vpc-0data000000002 subnet-0a00000000001 subnet-0b00000000002 eni-0tgwa000000001 eni-0tgwb000000002 use1-az1 use1-az2 tgw-attach-0bbbbbbbbbbbbbbb2 10.0.2.${int(10, 20)} 10.2.0.${int(5, 9)} ${int(32768, 60999)} 5432 6 ${int(20, 200)} ${int(10000, 500000)} ${t} ${t + 60} OK IPv4 0 0 0 0 3 ${SAMPLE_REGION} egress - -`
    );
    if (lostBlackhole > 0) {
      tgw.push(
        `6 TransitGateway ${SAMPLE_ACCOUNT} tgw-0123456789abcdef0 tgw-attach-0aaaaaaaaaaaaaaa1 ${SAMPLE_ACCOUNT} - vpc-0web0000000001 - subnet-0a00000000001 - eni-0tgwa000000001 - use1-az1 - - 10.0.2.15 10.9.0.${int(1, 9)} ${int(32768, 60999)} 443 6 ${lostBlackhole} ${lostBlackhole * 60} ${t} ${t + 60} OK IPv4 0 ${lostBlackhole} 0 0 2 ${SAMPLE_REGION} egress - -`
      );
    }
  }
  write(
    'vpcflowlogs',
    `${SAMPLE_ACCOUNT}_vpcflowlogs_${SAMPLE_REGION}_fl-0tgw000001_${stamp(end)}_c9d0e1f2.log.gz`,
    tgw,
    'tgwflow',
    TGW_HEADER
  );

  // --- ALB: shop traffic, a scanner's 404s, and the failing target --------------------------------
  const alb: string[] = [];
  const elb = 'app/shop-alb/50dc6c495c0c9188';
  const tg = `arn:aws:elasticloadbalancing:${SAMPLE_REGION}:${SAMPLE_ACCOUNT}:targetgroup/shop-web/73e2d6bc24d8a067`;
  const cert = `arn:aws:acm:${SAMPLE_REGION}:${SAMPLE_ACCOUNT}:certificate/12345678-1234-1234-1234-123456789012`;
  const failingFrom = startSec + Math.floor((hours * 3600) / 2);
  for (let t = startSec; t < endSec; t += 5) {
    const at = new Date(t * 1000 + int(0, 999)).toISOString().replace('Z', '000Z');
    const target = pick(WEB_SERVERS);
    const failing = target === FAILING_TARGET && t >= failingFrom;
    const slow = target === '10.0.1.12' && rnd() < 0.15;
    const targetTime = failing ? -1 : slow ? 1 + rnd() * 2 : 0.005 + rnd() * 0.2;
    const status = failing ? pick([502, 502, 503]) : pick([200, 200, 200, 200, 304, 301]);
    const path = pick(ALB_PATHS);
    const created = new Date(t * 1000 - 100).toISOString().replace('Z', '000Z');
    alb.push(
      `https ${at} ${elb} ${publicIp()}:${int(32768, 60999)} ${target}:443 0.001 ${failing ? -1 : targetTime.toFixed(3)} ${failing ? -1 : '0.000'} ${status} ${failing ? '-' : status} ${int(200, 900)} ${int(300, 40000)} "GET https://shop.example.com:443${path} HTTP/1.1" "${pick(USER_AGENTS)}" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 ${tg} "Root=1-${t.toString(16)}-${int(1e8, 9e8)}" "shop.example.com" "${cert}" 1 ${created} "forward" "-" "-" "${target}:443" "${failing ? '-' : status}" "-" "-" TID_${t.toString(16)} "-" "-" "-"`
    );
    if (t >= scanStart && t < scanStart + 900 && rnd() < 0.5) {
      alb.push(
        `https ${at} ${elb} ${SCANNER_IP}:${int(32768, 60999)} ${WEB_SERVERS[0]}:443 0.000 0.003 0.000 404 404 180 512 "GET https://shop.example.com:443${pick(SCANNER_PATHS)} HTTP/1.1" "Mozilla/5.0 zgrab/0.x" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.0 ${tg} "Root=1-${t.toString(16)}-1" "shop.example.com" "${cert}" 1 ${created} "forward" "-" "-" "${WEB_SERVERS[0]}:443" "404" "-" "-" TID_scan${t} "-" "-" "-"`
      );
    }
  }
  write(
    'elasticloadbalancing',
    `${SAMPLE_ACCOUNT}_elasticloadbalancing_${SAMPLE_REGION}_app.shop-alb.50dc6c495c0c9188_${stamp(end)}_10.0.0.5_f3a4b5c6.log.gz`,
    alb,
    'alb'
  );
  // Mutual-TLS connection log of the same load balancer (its own seed: the draws above stay).
  write(
    'elasticloadbalancing',
    albConnectionFileName(SAMPLE_ACCOUNT, SAMPLE_REGION, end),
    albConnectionLines({ startSec, endSec }),
    'alb_connection'
  );

  // --- NLB TLS listener: API clients, and old clients failing the handshake ----------------------
  const nlb: string[] = [];
  const nlbName = 'net/api-nlb/c6e77e28c25b2234';
  for (let t = startSec; t < endSec; t += 20) {
    const at = new Date(t * 1000).toISOString().slice(0, 19);
    const created = new Date((t - int(1, 30)) * 1000).toISOString().slice(0, 19);
    if (rnd() < 0.1) {
      nlb.push(
        `tls 2.0 ${at} ${nlbName} g3d4b5e8bb8464cd ${publicIp()}:${int(32768, 60999)} 10.0.4.10:443 ${int(5, 40)} - ${int(100, 200)} 7 70 - - - - - - - - - ${created}`
      );
    } else {
      nlb.push(
        `tls 2.0 ${at} ${nlbName} g3d4b5e8bb8464cd ${publicIp()}:${int(32768, 60999)} 10.0.4.${pick([10, 11])}:443 ${int(200, 30000)} ${int(2, 40)} ${int(500, 5000)} ${int(1000, 90000)} - ${cert} - ECDHE-RSA-AES128-GCM-SHA256 ${pick(['tlsv12', 'tlsv12', 'tlsv13'])} x25519 api.example.com h2 h2 "h2","http/1.1" ${created}`
      );
    }
  }
  write(
    'elasticloadbalancing',
    `${SAMPLE_ACCOUNT}_elasticloadbalancing_${SAMPLE_REGION}_net.api-nlb.c6e77e28c25b2234_${stamp(end)}_10.0.0.9_a7b8c9d0.log.gz`,
    nlb,
    'nlb'
  );
  return stats;
}
