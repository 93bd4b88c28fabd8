// Sample ALB connection logs (mutual TLS on the shop ALB's HTTPS listener), written the way AWS
// writes them ("Connection logs for your Application Load Balancer": one line per connection,
// timestamp client_ip client_port listener_port tls_protocol tls_cipher tls_handshake_latency
// "leaf_client_cert_subject" leaf_client_cert_validity leaf_client_cert_serial_number
// tls_verify_status conn_trace_id; '-' where a value does not apply). Stories to find:
//   - partner B's client certificate expires EXPIRING_DAYS days after the sample ends;
//   - partner C's gateway (EXPIRED_CLIENT) keeps presenting a certificate that expired three days
//     before the sample ends: every one of its connections fails with ClientCertExpired;
//   - the scanner (SCANNER_IP in generate.ts) offers a self-signed certificate: ClientCertUntrusted.
// Connections every 5 s carry the access log's conn_trace_id for the same second (TID_<t in hex>,
// as generate.ts writes it), so the two logs join on aws.elb.conn_trace_id.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { mulberry32 } from './prng';

/** The partner whose gateway presents an expired certificate. */
export const EXPIRED_CLIENT = '198.51.100.77';
/** Days between the end of the sample and partner B's certificate expiring. */
export const EXPIRING_DAYS = 9;
export const EXPIRING_CN = 'api-client.partner-b.example.net';
const SCANNER = '203.0.113.66';
const LB_ID = 'app.shop-alb.50dc6c495c0c9188';

export interface AlbConnectionSampleOptions {
  /** Seconds since the epoch, as generate.ts counts them. */
  startSec: number;
  endSec: number;
  /** Its own seed, so adding this log does not change the other samples' random draws. */
  seed?: number;
}

interface ClientCert {
  subject: string;
  serial: string;
  notBefore: number;
  notAfter: number;
}

const iso = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 19) + 'Z';
const DAY = 86400;

/** The connection-log lines of the sample window, in time order. */
export function albConnectionLines(options: AlbConnectionSampleOptions): string[] {
  const { startSec, endSec } = options;
  const rnd = mulberry32(options.seed ?? 20261201);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const partners: { ips: string[]; cert: ClientCert }[] = [
    {
      ips: ['198.51.100.20', '198.51.100.21'],
      cert: {
        subject: 'CN=api-client.partner-a.example.com,OU=Integrations,O=Partner A Inc,C=US',
        serial: '4F2A9C11D03B7E55',
        notBefore: endSec - 165 * DAY,
        notAfter: endSec + 200 * DAY,
      },
    },
    {
      ips: ['192.0.2.140'],
      cert: {
        subject: `CN=${EXPIRING_CN},O=Partner B GmbH,C=DE`,
        serial: '0B7715E2AA904C3D',
        notBefore: endSec - 356 * DAY,
        notAfter: endSec + EXPIRING_DAYS * DAY,
      },
    },
  ];
  const expired: ClientCert = {
    subject: 'CN=legacy-gw.partner-c.example.org,O=Partner C Ltd,C=GB',
    serial: '6C01D2E3F4A5B697',
    notBefore: endSec - 368 * DAY,
    notAfter: endSec - 3 * DAY,
  };
  const selfSigned: ClientCert = {
    subject: 'CN=localhost',
    serial: '01',
    notBefore: endSec - 2 * DAY,
    notAfter: endSec + 363 * DAY,
  };
  const line = (
    t: number,
    ip: string,
    protocol: string,
    cipher: string,
    latency: string,
    cert: ClientCert | undefined,
    status: string,
    traceId: string
  ) => {
    const at = new Date(t * 1000 + int(0, 999)).toISOString().replace('Z', '000Z');
    const certFields = cert
      ? `"${cert.subject}" NotBefore=${iso(cert.notBefore)};NotAfter=${iso(cert.notAfter)} ${cert.serial}`
      : '"-" - -';
    return `${at} ${ip} ${int(32768, 60999)} 443 ${protocol} ${cipher} ${latency} ${certFields} ${status} ${traceId}`;
  };

  const lines: string[] = [];
  const scanStart = startSec + 3600;
  for (let t = startSec; t < endSec; t += 5) {
    const partner = pick(partners);
    const tls13 = rnd() < 0.6;
    lines.push(
      line(
        t,
        pick(partner.ips),
        tls13 ? 'TLSv1.3' : 'TLSv1.2',
        tls13 ? 'TLS_AES_128_GCM_SHA256' : 'ECDHE-RSA-AES128-GCM-SHA256',
        (0.002 + rnd() * 0.03).toFixed(3),
        partner.cert,
        'Success',
        `TID_${t.toString(16)}`
      )
    );
    // Partner C retries about once a minute; the handshake fails, so no latency is logged.
    if (t % 60 === 0) {
      lines.push(
        line(
          t,
          EXPIRED_CLIENT,
          'TLSv1.2',
          'ECDHE-RSA-AES256-GCM-SHA384',
          '-',
          expired,
          'Failed:ClientCertExpired',
          `TID_c${t.toString(16)}`
        )
      );
    }
    if (t >= scanStart && t < scanStart + 900 && rnd() < 0.2) {
      lines.push(
        line(
          t,
          SCANNER,
          'TLSv1.2',
          'ECDHE-RSA-AES128-GCM-SHA256',
          '-',
          selfSigned,
          'Failed:ClientCertUntrusted',
          `TID_s${t.toString(16)}`
        )
      );
    }
  }
  return lines;
}

/**
 * The file name AWS gives a connection log: conn_log.<account>_elasticloadbalancing_<region>_
 * <load balancer id>_<end time>_<node ip>_<random>.log.gz (under the same
 * AWSLogs/<account>/elasticloadbalancing/<region>/yyyy/mm/dd/ folder as the access logs).
 */
export function albConnectionFileName(account: string, region: string, end: Date): string {
  const stamp = end.toISOString().replace(/[-:]/g, '').slice(0, 13) + 'Z';
  return `conn_log.${account}_elasticloadbalancing_${region}_${LB_ID}_${stamp}_10.0.0.5_b1c2d3e4.log.gz`;
}

/** Writes the sample connection log on its own (for tests); returns its path and line count. */
export function writeAlbConnectionSample(options: {
  dir: string;
  account: string;
  region: string;
  end: Date;
  hours?: number;
  seed?: number;
}): { file: string; lines: number } {
  const endSec = Math.floor(options.end.getTime() / 1000);
  const startSec = endSec - (options.hours ?? 4) * 3600;
  const lines = albConnectionLines({ startSec, endSec, seed: options.seed });
  const day = options.end.toISOString().slice(0, 10).replace(/-/g, '/');
  const dir = path.join(
    options.dir,
    'AWSLogs',
    options.account,
    'elasticloadbalancing',
    options.region,
    day
  );
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, albConnectionFileName(options.account, options.region, options.end));
  writeFileSync(file, gzipSync(lines.join('\n') + '\n'));
  return { file, lines: lines.length };
}
