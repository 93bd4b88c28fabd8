// Golden tests of the parsing pipelines. Each test/pipelines/<source>/<case>.log is written the
// way AWS writes it (flow logs with their header line). Its lines become raw documents as the
// forwarder ships them, run through netobs-router and then the source's pipeline on a real
// ingest engine (see support/ingest_engine.ts), and the results must equal <case>.expected.json
// (only event.ingested, which changes every run, is ignored). The parsed documents are then
// indexed into real Elasticsearch data streams through our templates, where the mappings must
// accept every field and CIDR and port-range queries must find the expected documents.
//
// UPDATE_GOLDEN=1 rewrites the expected files; check every change by hand before committing.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceId } from '../../common/constants';
import { isDefaultVpcFormat, parseFlowLogHeader } from '../../common/sources';
import { communityId } from '../../dev/ingest_bridge/community_id';
import {
  albConnectionFileName,
  albConnectionLines,
  EXPIRED_CLIENT,
  EXPIRING_CN,
} from '../../dev/sample/alb_connection';
import { installEsAssets } from '../../server/lib/installer/es_assets';
import { testClient } from '../support/es_env';
import type { IngestEngine } from '../support/ingest_engine';
import { ingestEngine, installPipelines, simulate } from '../support/ingest_engine';

const BUCKET = 'netobs-golden';
const KEYS: Record<SourceId, string> = {
  vpcflow:
    'AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/123456789012_vpcflowlogs_us-east-1_fl-0golden_20261122T1200Z_a1b2.log.gz',
  tgwflow:
    'AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/123456789012_vpcflowlogs_us-east-1_fl-0goldtgw_20261122T1200Z_c3d4.log.gz',
  alb: 'AWSLogs/123456789012/elasticloadbalancing/us-east-2/2026/11/22/123456789012_elasticloadbalancing_us-east-2_app.my-alb.50dc6c495c0c9188_20261122T0805Z_192.0.2.1_e5f6.log.gz',
  nlb: 'AWSLogs/123456789012/elasticloadbalancing/us-east-2/2026/11/22/123456789012_elasticloadbalancing_us-east-2_net.my-nlb.c6e77e28c25b2234_20261122T0805Z_192.0.2.2_a7b8.log.gz',
  // The same load balancer's connection log: its name holds _app. too, after conn_log.
  alb_connection:
    'AWSLogs/123456789012/elasticloadbalancing/us-east-2/2026/11/22/conn_log.123456789012_elasticloadbalancing_us-east-2_app.my-alb.50dc6c495c0c9188_20261122T0805Z_192.0.2.1_e5f6.log.gz',
};
const VOLATILE = ['event.ingested'];
const NAMESPACE = `golden${Date.now()}`;

/** Raw documents as the forwarder builds them: header line consumed, format attached if custom. */
function rawDocuments(source: SourceId, text: string): Record<string, unknown>[] {
  const lines = text.split('\n');
  let offset = 0;
  let fields: string[] | undefined;
  const docs: Record<string, unknown>[] = [];
  lines.forEach((line, index) => {
    const lineOffset = offset;
    offset += Buffer.byteLength(line) + 1;
    if (line.length === 0) return;
    if (index === 0 && (fields = parseFlowLogHeader(line))) return;
    docs.push({
      '@timestamp': '2026-11-22T12:05:00.000Z',
      message: line,
      aws: { s3: { bucket: { name: BUCKET }, object: { key: KEYS[source] } } },
      log: { offset: lineOffset, file: { path: `s3://${BUCKET}/${KEYS[source]}` } },
      cloud: { provider: 'aws' },
      ...(fields && !isDefaultVpcFormat(fields)
        ? { netobs: { flowlog: { fields: fields.join(' ') } } }
        : {}),
    });
  });
  return docs;
}

function withoutVolatile(doc: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(doc);
  for (const dotted of VOLATILE) {
    const parts = dotted.split('.');
    let node = copy as Record<string, unknown> | undefined;
    for (const part of parts.slice(0, -1))
      node = node?.[part] as Record<string, unknown> | undefined;
    if (node) delete node[parts[parts.length - 1]];
  }
  return copy;
}

/** Sorts object keys so the expected files diff cleanly. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])])
    );
  }
  return value;
}

const PORTED = [6, 17, 132];

/**
 * Every Community ID the engine wrote equals what Elasticsearch's processor computes for the
 * flow (dev/ingest_bridge/community_id.ts, checked against the specification's baseline), and
 * it is missing only where the engine cannot compute one (adaptCommunityId): never for TCP, UDP
 * and SCTP with both ports, ICMP or ICMPv6.
 */
function expectElasticsearchCommunityIds(parsed: Record<string, unknown>[]): void {
  for (const doc of parsed) {
    const src = doc.source as { ip?: string; port?: number } | undefined;
    const dst = doc.destination as { ip?: string; port?: number } | undefined;
    const network = doc.network as { iana_number?: string; community_id?: string } | undefined;
    const protocol = Number(network?.iana_number);
    const ported = PORTED.includes(protocol);
    if (!network?.community_id) {
      const computable =
        src?.ip &&
        dst?.ip &&
        ([1, 58].includes(protocol) ||
          (ported && src.port !== undefined && dst.port !== undefined));
      expect(computable ? doc : undefined).toBeUndefined();
      continue;
    }
    const flow = { sourceIp: String(src?.ip), destinationIp: String(dst?.ip), protocol };
    expect(network.community_id).toBe(
      communityId(ported ? { ...flow, sourcePort: src?.port, destinationPort: dst?.port } : flow)
    );
  }
}

const cases = (Object.keys(KEYS) as SourceId[]).flatMap((source) =>
  readdirSync(path.join(__dirname, source))
    .filter((file) => file.endsWith('.log'))
    .map((file) => ({ source, name: file.slice(0, -4), file: path.join(__dirname, source, file) }))
);

const client = testClient();
let engine: IngestEngine;
const parsedBySource = new Map<SourceId, Record<string, unknown>[]>();

beforeAll(async () => {
  engine = await ingestEngine();
  await installPipelines(engine);
  await installEsAssets(client);
});
afterAll(() => client.close());

describe.each(cases)('$source/$name', ({ source, file }) => {
  test('parses to the expected documents', async () => {
    const raw = rawDocuments(source, readFileSync(file, 'utf8'));
    const routed = await simulate(engine, 'netobs-router', raw);
    routed.forEach((doc) => expect((doc.netobs as { dataset?: string }).dataset).toBe(source));
    const parsed = await simulate(engine, `netobs-${source}`, routed);
    parsedBySource.set(source, [...(parsedBySource.get(source) ?? []), ...parsed]);

    const actual = parsed.map((doc) => sortKeys(withoutVolatile(doc)));
    const expectedFile = file.replace(/\.log$/, '.expected.json');
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(expectedFile)) {
      writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
    }
    expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    if (source === 'vpcflow' || source === 'tgwflow') expectElasticsearchCommunityIds(parsed);
    // Every line is still there: parsed, parsed in part (the failed fields named), or kept
    // with its text and an error.
    expect(parsed).toHaveLength(raw.length);
    for (const doc of parsed) {
      const event = doc.event as { kind?: string; original?: string };
      const error = (doc.error as { message?: string } | undefined)?.message;
      const partial = ((doc.tags as string[] | undefined) ?? []).includes('netobs_partial');
      if (event.kind === 'pipeline_error') {
        expect(typeof event.original).toBe('string');
        expect(String(error)).toMatch(/^Processor \w+ with tag \w+ in pipeline netobs-/);
      } else {
        expect(event.kind).toBe('event');
        expect(doc.message).toBeUndefined();
        // A partial line names each failed field and keeps the line; a clean one has neither.
        expect(partial).toBe(error !== undefined);
        if (partial) {
          expect(typeof event.original).toBe('string');
          expect(error).toMatch(/^[\w -]+: /);
        } else {
          expect(event.original).toBeUndefined();
        }
      }
    }
  });
});

describe('netobs-router: ALB connection logs beside access logs', () => {
  const connLine =
    '2026-11-22T08:00:01.123456Z 192.0.2.10 46532 443 TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256 0.004 "CN=a,O=b" NotBefore=2026-01-15T00:00:00Z;NotAfter=2027-01-15T00:00:00Z 3A5F Success TID_1234abcd5678ef90';
  const connLineV6 =
    '2026-11-22T08:00:03.000000Z 2001:db8::7334 60211 8443 TLSv1.3 TLS_AES_256_GCM_SHA384 0.007 "CN=ipv6-client" NotBefore=2026-06-01T00:00:00Z;NotAfter=2026-12-01T00:00:00Z 01 Success';
  const accessLine =
    'https 2026-11-22T08:00:01.123456Z app/my-alb/50dc6c495c0c9188 192.0.2.10:46532 10.0.0.66:443 0.000 0.001 0.000 200 200 34 366 "GET https://www.example.com:443/ HTTP/1.1" "curl/7.46.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 - "Root=1-58337262-36d228ad5d99923122bbe354" "www.example.com" - 0 2026-11-22T08:00:01.122000Z "forward" "-" "-" "10.0.0.66:443" "200" "-" "-" TID_1234abcd5678ef90';
  const route = async (docs: Record<string, unknown>[]) =>
    (await simulate(engine, 'netobs-router', docs)).map(
      (doc) => (doc.netobs as { dataset?: string }).dataset
    );
  const s3 = (key: string, message: string) => ({
    message,
    aws: { s3: { bucket: { name: BUCKET }, object: { key } } },
  });

  test('a conn_log. file under /elasticloadbalancing/ goes to alb_connection, an _app. access log still to alb', async () => {
    const prefixed = `my-prefix/${KEYS.alb_connection}`;
    expect(
      await route([
        s3(KEYS.alb_connection, connLine),
        s3(prefixed, connLineV6),
        s3(KEYS.alb, accessLine),
        // The key outranks the line's shape in both directions.
        s3(KEYS.alb_connection, 'something AWS may write one day'),
        s3(KEYS.alb, connLine),
      ])
    ).toEqual(['alb_connection', 'alb_connection', 'alb', 'alb_connection', 'alb']);
  });

  test('local files keeping the S3 layout, shipper hints and line shapes without a key', async () => {
    const local = (file: string, message: string) => ({ message, log: { file: { path: file } } });
    expect(
      await route([
        local(`/var/log/aws/${KEYS.alb_connection}`, 'unparseable'),
        local(`/var/log/aws/${KEYS.alb}`, connLine),
        { message: 'x', netobs: { source: 'alb_connection' } },
        { message: connLine },
        { message: connLineV6 },
        { message: accessLine },
        // A time, an address, then a port and a name is not a connection log (four fields
        // that look like one are not enough either).
        {
          message: '2026-11-22T08:00:01Z 10.0.0.5 80 my-targets healthy 200 0.002 - - - - -',
        },
        { message: '2026-11-22T08:00:01Z 10.0.0.5 80 443' },
      ])
    ).toEqual([
      'alb_connection',
      'alb',
      'alb_connection',
      'alb_connection',
      'alb_connection',
      'alb',
      'unknown',
      'unknown',
    ]);
  });
});

test('the sample connection log (dev/sample/alb_connection.ts) routes and parses without a failure', async () => {
  const end = new Date('2026-11-22T12:00:00Z');
  const endSec = end.getTime() / 1000;
  const key = `AWSLogs/123456789012/elasticloadbalancing/us-east-1/2026/11/22/${albConnectionFileName('123456789012', 'us-east-1', end)}`;
  const lines = albConnectionLines({ startSec: endSec - 2 * 3600, endSec });
  const raw = lines.map((message) => ({
    message,
    aws: { s3: { bucket: { name: BUCKET }, object: { key } } },
  }));
  const routed = await simulate(engine, 'netobs-router', raw);
  expect(new Set(routed.map((doc) => (doc.netobs as { dataset?: string }).dataset))).toEqual(
    new Set(['alb_connection'])
  );
  const parsed = await simulate(engine, 'netobs-alb_connection', routed);
  expect(parsed.filter((doc) => doc.error !== undefined || doc.tags !== undefined)).toEqual([]);
  const reasons = new Map<string, Set<string>>();
  for (const doc of parsed) {
    const event = doc.event as { outcome: string; reason?: string };
    const ip = (doc.source as { ip: string }).ip;
    const key = event.reason ?? event.outcome;
    reasons.set(key, new Set([...(reasons.get(key) ?? []), ip]));
  }
  expect(reasons.get('ClientCertExpired')).toEqual(new Set([EXPIRED_CLIENT]));
  expect(reasons.get('ClientCertUntrusted')).toEqual(new Set(['203.0.113.66']));
  expect(reasons.get('success')?.size).toBe(3);
  const expiring = parsed.filter((doc) => {
    const client = (doc.tls as { client?: { not_after?: string } }).client;
    return client?.not_after && Date.parse(client.not_after) < end.getTime() + 30 * 86400e3;
  });
  const names = new Set(
    expiring.map(
      (doc) =>
        (doc.tls as { client: { x509: { subject: { common_name: string[] } } } }).client.x509
          .subject.common_name[0]
    )
  );
  expect(names).toEqual(new Set([EXPIRING_CN, 'legacy-gw.partner-c.example.org']));
});

describe('parsed documents in real Elasticsearch data streams', () => {
  beforeAll(async () => {
    for (const [source, docs] of parsedBySource) {
      const index = `logs-netobs.${source}-${NAMESPACE}`;
      const operations = docs.flatMap((doc) => [
        { create: { _index: index, pipeline: '_none' } },
        doc,
      ]);
      const bulk = await client.bulk({ operations, refresh: 'wait_for' });
      const failures = bulk.items.filter((item) => item.create?.error);
      expect(failures.map((f) => f.create?.error)).toEqual([]);
    }
  });

  const count = async (source: SourceId, query: Record<string, unknown>) =>
    (await client.count({ index: `logs-netobs.${source}-${NAMESPACE}`, query })).count;

  test('every parsed field is mapped; only failed lines carry malformed leftovers, and are kept', async () => {
    const failedLine = { term: { 'event.kind': 'pipeline_error' } };
    for (const source of parsedBySource.keys()) {
      const ignored = { exists: { field: '_ignored' } };
      expect(await count(source, { bool: { filter: [ignored], must_not: [failedLine] } })).toBe(0);
      const failed = (parsedBySource.get(source) ?? []).filter(
        (doc) => (doc.event as { kind?: string }).kind === 'pipeline_error'
      ).length;
      expect(await count(source, failedLine)).toBe(failed);
    }
    // Lines parsed in part leave their failed fields out, so nothing is ignored anywhere.
    expect(await count('vpcflow', { exists: { field: '_ignored' } })).toBe(0);
  });

  test('CIDR queries on source.ip and destination.ip find the private and public flows', async () => {
    const parsed = parsedBySource.get('vpcflow') ?? [];
    const expectInTen = parsed.filter((d) =>
      String((d.source as { ip?: string } | undefined)?.ip).startsWith('10.')
    ).length;
    expect(expectInTen).toBeGreaterThan(5);
    expect(await count('vpcflow', { term: { 'source.ip': '10.0.0.0/8' } })).toBe(expectInTen);
    expect(await count('vpcflow', { term: { 'source.ip': '198.51.100.0/24' } })).toBe(3);
    expect(await count('vpcflow', { term: { 'destination.ip': '2001:db8::/32' } })).toBe(1);
    // fd12:…(default-v2) and the ICMPv6 flow (icmp).
    expect(await count('vpcflow', { term: { 'related.ip': 'fd00::/8' } })).toBe(2);
  });

  test('port range queries and keyword filters hit the expected documents', async () => {
    // Rejected flows to SSH, MySQL, RDP, the ECS tasks' 8080 and 443 (custom-v7-v8-*), the
    // salvaged line whose destination address was dropped (salvage) and the JSON-wrapped SSH
    // probe (json-wrapped).
    expect(
      await count('vpcflow', {
        bool: {
          filter: [
            { term: { 'event.action': 'reject' } },
            { range: { 'destination.port': { gte: 22, lte: 8080 } } },
          ],
        },
      })
    ).toBe(7);
    expect(
      await count('vpcflow', { terms: { 'aws.vpcflow.log_status': ['NODATA', 'SKIPDATA'] } })
    ).toBe(2);
    expect(await count('alb', { range: { 'http.response.status_code': { gte: 500 } } })).toBe(3);
    expect(await count('nlb', { term: { 'tls.established': false } })).toBe(2);
    expect(
      await count('tgwflow', { range: { 'aws.tgwflow.packets_lost_blackhole': { gt: 0 } } })
    ).toBe(1);
  });

  test('ALB connection logs: verify failures, certificates about to expire, the join with access logs', async () => {
    // Six failed verifications (verify-failures), each with its code as the reason; the
    // unknown status (appended-fields) is neither success nor failure.
    expect(await count('alb_connection', { term: { 'event.outcome': 'failure' } })).toBe(6);
    expect(
      await count('alb_connection', {
        terms: { 'event.reason': ['ClientCertExpired', 'ClientCertNotYetValid'] },
      })
    ).toBe(2);
    expect(await count('alb_connection', { term: { 'event.outcome': 'unknown' } })).toBe(1);
    // Client certificates accepted but expiring within 30 days of the logs (mtls: 2026-11-30,
    // 2026-12-01, 2026-12-05); the revoked one expiring 2026-12-10 failed.
    const expiring = (field: string) => ({
      bool: {
        filter: [
          { term: { 'event.outcome': 'success' } },
          { range: { [field]: { gte: '2026-11-22T08:00:00Z', lt: '2026-12-22T08:00:00Z' } } },
        ],
      },
    });
    expect(await count('alb_connection', expiring('tls.client.not_after'))).toBe(3);
    expect(await count('alb_connection', expiring('tls.client.x509.not_after'))).toBe(3);
    expect(
      await count('alb_connection', {
        term: { 'tls.client.x509.subject.common_name': 'client-a.example.com' },
      })
    ).toBe(1);
    expect(await count('alb_connection', { term: { 'source.ip': '2001:db8::/32' } })).toBe(1);
    expect(
      await count('alb_connection', { exists: { field: 'aws.elb.connection.extra_fields' } })
    ).toBe(2);
    // One conn_trace_id finds the connection and the request it carried (alb/all-types).
    const both = `logs-netobs.alb-${NAMESPACE},logs-netobs.alb_connection-${NAMESPACE}`;
    const joined = await client.search({
      index: both,
      query: { term: { 'aws.elb.conn_trace_id': 'TID_1234abcd5678ef90' } },
    });
    expect(
      joined.hits.hits.map((hit) => hit._index.replace(/^\.ds-|-golden.*$/g, '')).sort()
    ).toEqual(['logs-netobs.alb', 'logs-netobs.alb_connection']);
    // The load balancer is filtered the same way in both data streams.
    expect(
      await count('alb_connection', { term: { 'aws.elb.elb': 'app/my-alb/50dc6c495c0c9188' } })
    ).toBe(
      (parsedBySource.get('alb_connection') ?? []).filter(
        (doc) => (doc.event as { kind?: string }).kind !== 'pipeline_error'
      ).length
    );
  });
});
