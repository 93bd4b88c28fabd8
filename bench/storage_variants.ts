// Storage side by side: the same parsed VPC documents (same ids, same order) indexed into one
// data stream per variant of the templates, each force-merged to one segment, with its bytes per
// record and where they go (`_disk_usage`, the largest fields). The variants that matter:
//   - before: the component templates as committed at NETOBS_BENCH_STORAGE_BASE (the commit
//     before the storage changes), read with `git show`, and the documents with the raw
//     aws.vpcflow copies the pipeline wrote then (withRawCopies), so "before" is what users ran;
//   - after (basic): the component templates of this working tree, as installed;
//   - after (synthetic): the same with synthetic `_source`, which Elasticsearch grants with an
//     enterprise or trial license only (below; measured after `POST _license/start_trial`).
// Intermediate variants attribute the gain to each change.
//
// The bench's Elasticsearch is Maven Central's integration-test build: it has no logsdb plugin,
// so nothing there demotes synthetic source to stored source on a basic license as a full
// Elasticsearch does (x-pack/plugin/logsdb SyntheticSourceLicenseService: synthetic source needs
// an enterprise licence, else `index.mapping.source.mode: stored` is injected). Every "basic"
// variant therefore names `index.mapping.source.mode: stored` itself, and the synthetic ones run
// after the trial has started, so each row is what that licence gets on a full Elasticsearch.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ParsedDoc } from './end_to_end';
import { requestJson, sendBulk } from './http';
import { round, timed } from './timing';

const ROOT = path.resolve(__dirname, '..');
/** Stream and template names unique to this run (an Elasticsearch of your own is reused). */
const RUN = Date.now().toString(36);
const COMPONENT_DIR = 'assets/elasticsearch/component_template';
/** The vpcflow index template's components, in its order. */
const VPC_COMPONENTS = ['netobs-settings', 'netobs-ecs', 'netobs-geo', 'netobs-vpcflow'];
/** The commit before the storage changes of issue 15. */
export const DEFAULT_STORAGE_BASE = 'f1c0e7c';

type Json = Record<string, unknown>;

export interface StorageVariant {
  name: string;
  description: string;
  /** Component templates as committed at the base revision, or as in this working tree. */
  components: 'base' | 'current';
  /** Index template `template.settings`/`mappings` on top of the components. */
  settings?: Json;
  mappings?: Json;
  /** The vpcflow index template's own settings (sort) from this working tree. */
  withCurrentIndexTemplate?: boolean;
  /** Needs synthetic source: run after the trial licence has started. */
  license: 'basic' | 'trial';
  /** What a pipeline change would leave out of each document (measured, not shipped). */
  transform?: (doc: Json) => Json;
}

export interface FieldUsage {
  field: string;
  totalBytes: number;
  /** Bytes per record by structure. */
  perRecord: { inverted: number; storedFields: number; docValues: number; points: number };
}

export interface StorageVariantResult {
  name: string;
  description: string;
  license: 'basic' | 'trial';
  docs: number;
  storeBytes: number;
  bytesPerRecord: number;
  ratioToGzip: number;
  indexSeconds: number;
  settings: { mode?: string; sourceMode?: string; sort?: unknown };
  topFields: FieldUsage[];
}

function componentsAt(revision: 'base' | 'current', base: string): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const name of VPC_COMPONENTS) {
    const file = `${COMPONENT_DIR}/${name}.json`;
    const text =
      revision === 'current'
        ? readFileSync(path.join(ROOT, file), 'utf8')
        : execFileSync('git', ['show', `${base}:${file}`], { cwd: ROOT, encoding: 'utf8' });
    out[name] = JSON.parse(text) as Json;
  }
  return out;
}

function currentVpcIndexSettings(): Json {
  const template = JSON.parse(
    readFileSync(
      path.join(ROOT, 'assets/elasticsearch/index_template/logs-netobs.vpcflow.json'),
      'utf8'
    )
  ) as { template?: { settings?: { index?: Json } } };
  const index = { ...(template.template?.settings?.index ?? {}) };
  delete index.default_pipeline;
  return { index };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge of JSON objects (right wins), as template composition does for mappings. */
function merge(left: Json, right: Json): Json {
  const out: Json = { ...left };
  for (const [key, value] of Object.entries(right)) {
    out[key] = isObject(out[key]) && isObject(value) ? merge(out[key], value) : value;
  }
  return out;
}

export async function installVariant(
  es: string,
  variant: StorageVariant,
  stream: string,
  base: string
): Promise<void> {
  const components = componentsAt(variant.components, base);
  const names: string[] = [];
  for (const [name, body] of Object.entries(components)) {
    const installed = `bench-${variant.components}-${name}-${RUN}`;
    await requestJson(es, 'PUT', `/_component_template/${installed}`, { template: body.template });
    names.push(installed);
  }
  let settings: Json = variant.withCurrentIndexTemplate ? currentVpcIndexSettings() : {};
  if (variant.settings) settings = merge(settings, variant.settings);
  await requestJson(es, 'PUT', `/_index_template/bench-${stream}`, {
    index_patterns: [stream],
    data_stream: {},
    priority: 500,
    composed_of: names,
    template: { settings, ...(variant.mappings ? { mappings: variant.mappings } : {}) },
  });
}

interface DiskUsageField {
  total_in_bytes: number;
  inverted_index?: { total_in_bytes: number };
  stored_fields_in_bytes: number;
  doc_values_in_bytes: number;
  points_in_bytes: number;
}

async function topFields(es: string, stream: string, docs: number): Promise<FieldUsage[]> {
  const usage = await requestJson<Record<string, { fields?: Record<string, DiskUsageField> }>>(
    es,
    'POST',
    `/${stream}/_disk_usage?run_expensive_tasks=true`
  );
  const fields: Record<string, DiskUsageField> = {};
  for (const [index, body] of Object.entries(usage)) {
    if (index.startsWith('_') || !body.fields) continue;
    Object.assign(fields, body.fields);
  }
  const per = (bytes: number) => round(bytes / docs, 1);
  return Object.entries(fields)
    .map(([field, f]) => ({
      field,
      totalBytes: f.total_in_bytes,
      perRecord: {
        inverted: per(f.inverted_index?.total_in_bytes ?? 0),
        storedFields: per(f.stored_fields_in_bytes),
        docValues: per(f.doc_values_in_bytes),
        points: per(f.points_in_bytes),
      },
    }))
    .sort((a, b) => b.totalBytes - a.totalBytes)
    .slice(0, 12);
}

export async function measureVariant(
  es: string,
  seeds: ParsedDoc[],
  gzipBytesPerLine: number,
  variant: StorageVariant,
  base: string
): Promise<StorageVariantResult> {
  const stream = `logs-netobs.vpcflow-sv${variant.name.replace(/[^a-z0-9]/g, '')}${RUN}`;
  await installVariant(es, variant, stream, base);
  const lines = function* (): Generator<string> {
    for (const doc of seeds) {
      const source = variant.transform
        ? JSON.stringify(variant.transform(JSON.parse(doc.source) as Json))
        : doc.source;
      yield `{"create":{"_id":${JSON.stringify(doc.id)}}}\n${source}\n`;
    }
  };
  const { value: totals, seconds } = await timed(() =>
    sendBulk(es, lines(), { path: `/${stream}/_bulk?pipeline=_none` })
  );
  if (totals.failed > 0)
    throw new Error(`${variant.name}: ${totals.failed} failed: ${totals.errors.join('; ')}`);
  await requestJson(es, 'POST', `/${stream}/_forcemerge?max_num_segments=1`);
  await requestJson(es, 'POST', `/${stream}/_refresh`);
  const stats = await requestJson<{
    _all: { primaries: { docs: { count: number }; store: { size_in_bytes: number } } };
  }>(es, 'GET', `/${stream}/_stats/store,docs`);
  const { docs, store } = stats._all.primaries;
  const indexSettings = await requestJson<Record<string, { settings: { index: Json } }>>(
    es,
    'GET',
    `/${stream}/_settings?include_defaults=false&flat_settings=false`
  );
  const index = Object.values(indexSettings)[0]?.settings.index ?? {};
  const mapping = index.mapping as { source?: { mode?: string } } | undefined;
  const bytesPerRecord = store.size_in_bytes / docs.count;
  const result: StorageVariantResult = {
    name: variant.name,
    description: variant.description,
    license: variant.license,
    docs: docs.count,
    storeBytes: store.size_in_bytes,
    bytesPerRecord: round(bytesPerRecord, 1),
    ratioToGzip: round(bytesPerRecord / gzipBytesPerLine, 2),
    indexSeconds: round(seconds),
    settings: {
      mode: index.mode as string | undefined,
      sourceMode: mapping?.source?.mode ?? (index.mode === 'logsdb' ? 'synthetic' : 'stored'),
      sort: (index.sort as { field?: unknown } | undefined)?.field,
    },
    topFields: await topFields(es, stream, docs.count),
  };
  // Kept: the bench's Elasticsearch has no `_data_stream` API to delete a stream with, and the
  // node's data is wiped when the bench stops.
  return result;
}

/**
 * The documents as the pipeline wrote them before the storage changes (b387873): aws.vpcflow also
 * held raw copies of srcaddr, dstaddr, srcport, dstport, protocol, packets, bytes and start/end
 * (epoch seconds), whose values are in the ECS fields this tree writes. Rebuilt from those ECS
 * fields, so the "before" variants store what users stored.
 */
export function withRawCopies(doc: Json): Json {
  const aws = isObject(doc.aws) ? doc.aws : undefined;
  if (!aws || !isObject(aws.vpcflow)) return doc;
  const source = isObject(doc.source) ? doc.source : {};
  const destination = isObject(doc.destination) ? doc.destination : {};
  const network = isObject(doc.network) ? doc.network : {};
  const event = isObject(doc.event) ? doc.event : {};
  const seconds = (at: unknown) =>
    typeof at === 'string' ? Math.floor(Date.parse(at) / 1000) : undefined;
  const copies: Json = {
    srcaddr: source.ip,
    dstaddr: destination.ip,
    srcport: source.port,
    dstport: destination.port,
    protocol: network.iana_number === undefined ? undefined : Number(network.iana_number),
    packets: network.packets,
    bytes: network.bytes,
    start: seconds(event.start),
    end: seconds(event.end),
  };
  const vpcflow: Json = { ...aws.vpcflow };
  for (const [key, value] of Object.entries(copies)) if (value !== undefined) vpcflow[key] = value;
  return { ...doc, aws: { ...aws, vpcflow } };
}

/** What the ≤ 180 (basic) and ≤ 100 (synthetic) rows are measured with, and what explains them. */
export function storageVariants(): StorageVariant[] {
  const stored = { index: { mapping: { source: { mode: 'stored' } } } };
  const logsdbStored = { index: { mode: 'logsdb', mapping: { source: { mode: 'stored' } } } };
  return [
    {
      name: 'before',
      description: 'templates before the storage changes (stored source, standard mode)',
      components: 'base',
      settings: stored,
      license: 'basic',
      transform: withRawCopies,
    },
    {
      name: 'before-logsdb',
      description: 'before + index.mode logsdb, stored source (what a basic 9.x gives logs-*-*)',
      components: 'base',
      settings: logsdbStored,
      license: 'basic',
      transform: withRawCopies,
    },
    {
      name: 'after',
      description:
        'this tree: the templates as installed (stored source, standard mode, sorted by @timestamp)',
      components: 'current',
      withCurrentIndexTemplate: true,
      settings: stored,
      license: 'basic',
    },
    {
      name: 'after-sort-eni',
      description:
        'after-logsdb, sorted by aws.vpcflow.interface_id then @timestamp desc (smaller still, but time ranges read more: not shipped)',
      components: 'current',
      withCurrentIndexTemplate: true,
      settings: merge(stored, {
        index: {
          mode: 'logsdb',
          sort: { field: ['aws.vpcflow.interface_id', '@timestamp'], order: ['asc', 'desc'] },
        },
      }),
      license: 'basic',
    },
    {
      name: 'after-logsdb',
      description:
        'after in the logsdb index mode (smaller; @timestamp then has no points, so max(@timestamp) scans: not shipped)',
      components: 'current',
      withCurrentIndexTemplate: true,
      settings: merge(stored, { index: { mode: 'logsdb' } }),
      license: 'basic',
    },
    {
      name: 'before-synthetic',
      description: 'before + logsdb with synthetic source (enterprise/trial licence)',
      components: 'base',
      settings: { index: { mode: 'logsdb', mapping: { source: { mode: 'synthetic' } } } },
      license: 'trial',
      transform: withRawCopies,
    },
    {
      name: 'after-logsdb-synthetic',
      description: 'after-logsdb + synthetic source (enterprise/trial licence): the smallest',
      components: 'current',
      withCurrentIndexTemplate: true,
      settings: { index: { mode: 'logsdb', mapping: { source: { mode: 'synthetic' } } } },
      license: 'trial',
    },
    {
      name: 'after-synthetic',
      description: 'after + synthetic source (enterprise/trial licence; standard mode)',
      components: 'current',
      withCurrentIndexTemplate: true,
      settings: { index: { mapping: { source: { mode: 'synthetic' } } } },
      license: 'trial',
    },
  ];
}

export async function measureStorageVariants(
  es: string,
  seeds: ParsedDoc[],
  gzipBytesPerLine: number,
  options: { base?: string; only?: string[] } = {}
): Promise<StorageVariantResult[]> {
  const base = options.base ?? process.env.NETOBS_BENCH_STORAGE_BASE ?? DEFAULT_STORAGE_BASE;
  const variants = storageVariants().filter((v) => !options.only || options.only.includes(v.name));
  const results: StorageVariantResult[] = [];
  let trial = false;
  for (const variant of [...variants].sort(
    (a, b) => Number(a.license === 'trial') - Number(b.license === 'trial')
  )) {
    if (variant.license === 'trial' && !trial) {
      const license = await requestJson<{ license: { type: string } }>(es, 'GET', '/_license');
      if (license.license.type === 'basic')
        await requestJson(es, 'POST', '/_license/start_trial?acknowledge=true');
      trial = true;
    }
    console.log(`    ${variant.name}: ${variant.description}…`);
    const result = await measureVariant(es, seeds, gzipBytesPerLine, variant, base);
    console.log(
      `      ${result.bytesPerRecord} B/record (${result.settings.mode ?? 'standard'}, ${result.settings.sourceMode} source)`
    );
    results.push(result);
  }
  return results;
}

/** Markdown: the variants side by side, and where the bytes go in each. */
export function formatStorageVariants(
  results: StorageVariantResult[],
  gzip: number,
  options: { fieldsOf?: string[] } = {}
): string {
  const lines = [
    `| variant | licence | mode | _source | sort | bytes / record | ÷ gzip (${gzip} B/line) |`,
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.name}: ${r.description} | ${r.license} | ${r.settings.mode ?? 'standard'} | ${r.settings.sourceMode} | ${JSON.stringify(r.settings.sort ?? null)} | **${r.bytesPerRecord}** | ${r.ratioToGzip}× |`
    );
  }
  for (const r of results.filter((v) => !options.fieldsOf || options.fieldsOf.includes(v.name))) {
    lines.push(
      '',
      `Largest fields, ${r.name} (bytes per record: inverted / stored / doc values / points):`,
      ''
    );
    lines.push(
      '| field | total B/rec | inverted | stored | doc values | points |',
      '|---|---|---|---|---|---|'
    );
    for (const f of r.topFields) {
      lines.push(
        `| ${f.field} | ${round(f.totalBytes / r.docs, 1)} | ${f.perRecord.inverted} | ${f.perRecord.storedFields} | ${f.perRecord.docValues} | ${f.perRecord.points} |`
      );
    }
  }
  return lines.join('\n');
}
