// A load-balancer target answering a burst of 5xx, or a client causing a burst of 4xx. A
// target is judged by the share of its requests the load balancer answered with a server
// error; a client by the share of its requests refused (404s while probing paths, 403s from a
// WAF). Healthy targets with the odd 500 and clients with the odd 404 stay under the shares.
import { bucketsOf, count, keysOf, percent, SEEN_AGGS, timeOf, valueOf } from '../aggs';
import type { AggBucket, DetectionRule, RuleFinding } from '../types';

export interface AlbErrorBurstParams {
  [name: string]: number;
  min5xx: number;
  min5xxShare: number;
  min4xx: number;
  min4xxShare: number;
}

const STATUS = 'http.response.status_code';

const classAgg = (gte: number) => ({
  filter: { range: { [STATUS]: { gte, lt: gte + 100 } } },
  aggs: {
    codes: { terms: { field: STATUS, size: 5 } },
    paths: { terms: { field: 'url.path', size: 3 } },
    ...SEEN_AGGS,
  },
});

function burst(
  bucket: AggBucket,
  className: '5xx' | '4xx',
  entity: RuleFinding['entity'],
  kql: string,
  what: string
): RuleFinding {
  const errors = bucket[`errors`] as AggBucket;
  const share = bucket.doc_count ? errors.doc_count / bucket.doc_count : 0;
  return {
    entity,
    firstSeen: timeOf(errors, 'first'),
    lastSeen: timeOf(errors, 'last'),
    evidence: {
      kind: className,
      requests: bucket.doc_count,
      errors: errors.doc_count,
      share: Number(share.toFixed(4)),
      codes: keysOf(errors, 'codes'),
      topPaths: keysOf(errors, 'paths'),
    },
    summary: `${count(errors.doc_count)} ${className} of ${count(bucket.doc_count)} requests (${percent(share)}) ${what}`,
    kql: `${kql} and ${STATUS} >= ${className === '5xx' ? 500 : 400} and ${STATUS} < ${className === '5xx' ? 600 : 500}`,
  };
}

export const albErrorBurst: DetectionRule<AlbErrorBurstParams> = {
  id: 'alb_error_burst',
  title: 'Burst of load-balancer errors',
  meaning:
    'A target answered many requests with server errors (5xx: the application or its dependencies are failing), or one client drew many client errors (4xx: probing paths, bad credentials, a broken integration).',
  response:
    'For a target: check its health checks, deployment and logs at the first error. For a client: look at its paths; block it at the WAF if it is probing, or contact its owner if it is an integration.',
  severity: 'high',
  attack: [
    { id: 'T1499', name: 'Endpoint Denial of Service' },
    { id: 'T1595', name: 'Active Scanning' },
  ],
  source: 'alb',
  params: {
    min5xx: {
      kind: 'number',
      default: 20,
      min: 1,
      max: 1e12,
      description: '5xx answers for one target that can make a finding.',
    },
    min5xxShare: {
      kind: 'number',
      default: 0.1,
      min: 0,
      max: 1,
      description: 'Share of the target’s requests answered 5xx (0 to 1).',
    },
    min4xx: {
      kind: 'number',
      default: 50,
      min: 1,
      max: 1e12,
      description: '4xx answers to one client that can make a finding.',
    },
    min4xxShare: {
      kind: 'number',
      default: 0.5,
      min: 0,
      max: 1,
      description: 'Share of the client’s requests answered 4xx (0 to 1).',
    },
  },
  esQuery:
    'Yes for the counts: `.es-query` over logs-netobs.alb-*, KQL `http.response.status_code >= 500`, count grouped by destination.ip (targets) above 20; or `>= 400 and < 500` grouped by source.ip (clients). Shares cannot be expressed.',
  request() {
    return {
      filter: [],
      aggs: {
        targets: {
          terms: { field: 'destination.ip', size: 50 },
          aggs: { errors: classAgg(500) },
        },
        clients: {
          terms: { field: 'source.ip', size: 50 },
          aggs: { errors: classAgg(400) },
        },
      },
    };
  },
  interpret(params, aggregations) {
    const sides = [
      {
        agg: 'targets',
        field: 'destination.ip',
        kind: '5xx',
        min: params.min5xx,
        share: params.min5xxShare,
        what: 'from this target',
      },
      {
        agg: 'clients',
        field: 'source.ip',
        kind: '4xx',
        min: params.min4xx,
        share: params.min4xxShare,
        what: 'for this client',
      },
    ] as const;
    return sides.flatMap((side) =>
      bucketsOf(aggregations, side.agg)
        .filter((bucket) => {
          const errors = valueOf(bucket, 'errors');
          return errors >= side.min && errors / bucket.doc_count >= side.share;
        })
        .map((bucket) =>
          burst(
            bucket,
            side.kind,
            { [side.field]: String(bucket.key) },
            `${side.field}: "${bucket.key}"`,
            side.what
          )
        )
    );
  },
};
