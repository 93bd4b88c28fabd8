// Six hours of parsed flows and ALB requests built so that each detection rule has exactly
// one thing to find, inside background traffic that must find nothing (web clients, internal
// database traffic, a heavy but regular outbound destination, internet noise against one host,
// healthy ALB targets and clients, a server whose replies are refused). Dated 2004 in the
// namespace DETECTION_NAMESPACE, so no other suite's
// now-relative range sees it; written once per node (this build cannot delete a data stream).
import type { Client } from '@elastic/elasticsearch';

export const DETECTION_NAMESPACE = 'detections';
export const FROM = '2004-01-01T00:00:00.000Z';
export const TO = '2004-01-01T06:00:00.000Z';
export const START = Date.parse(FROM);
export const MINUTE = 60_000;

export const SCANNER = '192.0.2.200';
export const SCANNED = '10.0.1.12';
export const BRUTE = '203.0.113.77';
export const BASTION = '10.0.1.50';
export const CACHE = '10.0.3.9';
export const EXFIL_SOURCE = '10.0.2.30';
export const EXFIL_DESTINATION = '192.0.2.99';
export const FLOODED = '10.0.1.20';
export const FAILING = '10.0.1.13';
export const PROBER = '198.51.100.66';

interface Flow {
  at: number;
  src: string;
  dst: string;
  port: number;
  action: 'accept' | 'reject';
  srcPort?: number;
  packets?: number;
  bytes?: number;
}

function flowDoc(flow: Flow) {
  return {
    '@timestamp': new Date(flow.at).toISOString(),
    source: { ip: flow.src, port: flow.srcPort ?? 40000 + (flow.at % 20000) },
    destination: { ip: flow.dst, port: flow.port },
    network: { transport: 'tcp', packets: flow.packets ?? 10, bytes: flow.bytes ?? 4000 },
    event: { action: flow.action },
  };
}

function albDoc(at: number, client: string, target: string, status: number, path: string) {
  return {
    '@timestamp': new Date(at).toISOString(),
    source: { ip: client },
    destination: { ip: target, port: 8080 },
    http: { response: { status_code: status } },
    url: { path },
  };
}

export const publicClient = (i: number) => `198.51.100.${(i % 50) + 1}`;

function buildFlows(): Flow[] {
  const flows: Flow[] = [];
  for (let minute = 0; minute < 360; minute += 1) {
    const at = START + minute * MINUTE;
    // Background: web clients, internal database traffic, a regular heavy destination, noise.
    flows.push({ at, src: publicClient(minute), dst: '10.0.1.10', port: 443, action: 'accept' });
    flows.push({ at, src: '10.0.2.21', dst: '10.0.3.5', port: 5432, action: 'accept' });
    flows.push({
      at,
      src: '10.0.2.21',
      dst: '198.51.100.10',
      port: 443,
      action: 'accept',
      bytes: 1_000_000,
    });
    flows.push({
      at,
      src: `203.0.113.${(minute % 200) + 1}`,
      dst: '10.0.1.11',
      port: minute % 2 ? 23 : 445,
      action: 'reject',
    });
  }
  // Not a scan: a cache whose replies to 150 clients' ephemeral ports a stateless NACL refuses
  // (they leave from 6379, below every port they reach).
  for (let i = 0; i < 150; i += 1)
    flows.push({
      at: START + i * 120_000,
      src: '10.0.3.7',
      srcPort: 6379,
      dst: '10.0.2.21',
      port: 32768 + i * 7,
      action: 'reject',
    });
  // port_scan: 200 ports on one host, spread over the six hours, all rejected.
  for (let port = 1; port <= 200; port += 1)
    flows.push({ at: START + port * 100_000, src: SCANNER, dst: SCANNED, port, action: 'reject' });
  // bruteforce: 80 short SSH sessions within an hour, two of them accepted.
  for (let i = 0; i < 80; i += 1)
    flows.push({
      at: START + 60 * MINUTE + i * 40_000,
      src: BRUTE,
      dst: BASTION,
      port: 22,
      action: i < 2 ? 'accept' : 'reject',
      packets: 12,
    });
  // exposed_service: eight public addresses accepted on the cache's Redis port.
  for (let i = 0; i < 8; i += 1)
    flows.push({
      at: START + i * 20 * MINUTE,
      src: `192.0.2.${10 + i}`,
      dst: CACHE,
      port: 6379,
      action: 'accept',
    });
  // large_outbound: three flows of 80 MB to a destination seen nowhere else.
  for (let i = 0; i < 3; i += 1)
    flows.push({
      at: START + (240 + i) * MINUTE,
      src: EXFIL_SOURCE,
      dst: EXFIL_DESTINATION,
      port: 443,
      action: 'accept',
      bytes: 80_000_000,
    });
  // rejected_surge: 500 rejected flows from 50 sources within five minutes at 03:00.
  for (let i = 0; i < 500; i += 1)
    flows.push({
      at: START + 180 * MINUTE + i * 500,
      src: `203.0.113.${(i % 50) + 1}`,
      dst: FLOODED,
      port: 80,
      action: 'reject',
    });
  return flows;
}

function buildRequests() {
  const docs = [];
  for (let minute = 0; minute < 360; minute += 1) {
    const at = START + minute * MINUTE;
    for (const target of ['10.0.1.10', '10.0.1.11'])
      docs.push(albDoc(at, publicClient(minute), target, minute % 60 === 7 ? 500 : 200, '/'));
    docs.push(
      albDoc(at, publicClient(minute + 1), '10.0.1.10', minute % 60 === 30 ? 404 : 200, '/a')
    );
    // The failing target: 200 requests, one in three a 502 or 503 in the last hours.
    if (minute < 200)
      docs.push(
        albDoc(
          at + 1000,
          publicClient(minute),
          FAILING,
          minute > 140 && minute % 2 ? 502 + (minute % 4 === 1 ? 1 : 0) : 200,
          '/api'
        )
      );
  }
  // The prober: 100 requests at 04:00, 90 of them to paths that do not exist.
  for (let i = 0; i < 100; i += 1)
    docs.push(
      albDoc(
        START + 240 * MINUTE + i * 1000,
        PROBER,
        '10.0.1.10',
        i < 90 ? 404 : 200,
        `/probe/${i}`
      )
    );
  return docs;
}

async function bulk(es: Client, index: string, docs: object[]): Promise<void> {
  const operations = docs.flatMap((doc) => [{ create: { _index: index } }, doc]);
  const response = await es.bulk({ operations, pipeline: '_none', refresh: true });
  if (response.errors) throw new Error(JSON.stringify(response.items.find((i) => i.create?.error)));
}

/** Writes the data unless this node already has it. */
export async function ensureDetectionData(es: Client): Promise<void> {
  const existing = await es.count({
    index: `logs-netobs.vpcflow-${DETECTION_NAMESPACE}`,
    ignore_unavailable: true,
    allow_no_indices: true,
  });
  if (existing.count > 0) return;
  await bulk(es, `logs-netobs.vpcflow-${DETECTION_NAMESPACE}`, buildFlows().map(flowDoc));
  await bulk(es, `logs-netobs.alb-${DETECTION_NAMESPACE}`, buildRequests());
}
