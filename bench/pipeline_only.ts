// The bench's pipeline section alone (measure 2 of bench/run.ts), on a fresh ingest engine of its
// own, optionally side by side with the pipelines of another commit:
//
//   flock /tmp/netobs-bench.lock npx tsx bench/pipeline_only.ts [--compare <git-ref>] [--rounds N]
//     [--cases vpc-default,tgw] [--empty-geo] [--shared-geo]
//
// With --compare, the ref's router and source pipelines are installed beside ours as
// netobs-<name>-before (netobs-geo too, where the ref has it; both call the same
// netobs-flowlog-formats), and every run
// of ours alternates with a run of theirs on the same lines: on a shared, noisy machine only such
// a side-by-side comparison is meaningful. Sizes: NETOBS_BENCH_PIPELINE_LINES (default 50,000).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { adaptForOpenSearch, installEnginePipelines } from '../dev/ingest_bridge/engine_pipelines';
import { startIngestEngine, stopIngestEngine, engineDir } from '../dev/opensearch/node';
import { loadEsAssets } from '../server/lib/assets/load_es_assets';
import { benchConfig } from './config';
import { requestJson } from './http';
import type { BenchCase } from './lines';
import { BENCH_CASES, CASE_SPECS } from './lines';
import type { AddressMode } from './raw_documents';
import { rawBulkLines } from './raw_documents';
import type { PipelineSet } from './pipeline_cost';
import { INSTALLED, measurePipelineSets } from './pipeline_cost';
import { round } from './timing';

/**
 * Pipelines compared by name; the other (flow-log formats) is shared by both sets, and so is
 * netobs-geo with --shared-geo (for a ref whose geo pipeline wrote other fields: f1c0e7c's).
 */
const SHARED_GEO = process.argv.includes('--shared-geo');
const COMPARED = [
  'netobs-router',
  ...(SHARED_GEO ? [] : ['netobs-geo', 'netobs-geo-lookup']),
  'netobs-vpcflow',
  'netobs-tgwflow',
  'netobs-alb',
  'netobs-alb_connection',
  'netobs-nlb',
  'netobs-unknown',
];
const SUFFIX = '-before';

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

/** Renames pipeline references (the `pipeline` processor's name) to the compared set's names. */
function renameReferences(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renameReferences);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, child]) => {
      if (key === 'pipeline' && child && typeof child === 'object' && !Array.isArray(child)) {
        const options = child as Record<string, unknown>;
        const name = String(options.name);
        return [key, { ...options, name: COMPARED.includes(name) ? name + SUFFIX : name }];
      }
      return [key, renameReferences(child)];
    })
  );
}

/** Installs the compared pipelines of `ref` as netobs-<name>-before. */
async function installRef(engine: string, ref: string): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netobs-pipelines-'));
  try {
    const archive = execFileSync('git', ['archive', ref, 'assets/elasticsearch'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    for (const asset of loadEsAssets(
      'ingest_pipeline',
      path.join(dir, 'assets', 'elasticsearch')
    )) {
      if (!COMPARED.includes(asset.name)) continue;
      const body = renameReferences(adaptForOpenSearch(asset).body);
      await requestJson(engine, 'PUT', `/_ingest/pipeline/${asset.name}${SUFFIX}`, body);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Doc = Record<string, unknown>;

async function simulate(engine: string, pipeline: string, docs: Doc[]): Promise<Doc[]> {
  const body = await requestJson<{ docs: { doc?: { _source: Doc }; error?: unknown }[] }>(
    engine,
    'POST',
    `/_ingest/pipeline/${pipeline}/_simulate`,
    { docs: docs.map((_source) => ({ _source })) }
  );
  return body.docs.map((d) => d.doc?._source ?? { simulateError: d.error });
}

/**
 * The raw aws.vpcflow/aws.tgwflow copies of values the ECS fields hold, which the pipelines
 * stopped writing in b387873 (a ref before that writes them): left out of the comparison, the
 * one intended difference, so every other field must still agree.
 */
const RAW_COPIES = [
  'srcaddr',
  'dstaddr',
  'srcport',
  'dstport',
  'protocol',
  'packets',
  'bytes',
  'start',
  'end',
];

function withoutIngested(doc: Doc): string {
  const event = doc.event as Doc | undefined;
  if (event) delete event.ingested;
  const aws = doc.aws as Record<string, Doc | undefined> | undefined;
  for (const flow of [aws?.vpcflow, aws?.tgwflow])
    if (flow) for (const key of RAW_COPIES) delete flow[key];
  return JSON.stringify(doc, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Doc).sort(([a], [b]) => a.localeCompare(b)))
      : value
  );
}

/**
 * The two sets must parse alike: COMPARE_LINES lines of the case (as generated, and with private
 * addresses only) through router + source pipeline of each, compared document by document
 * (event.ingested aside). A difference stops the run: a faster pipeline that parses differently
 * is not a result.
 */
async function compareOutputs(
  engine: string,
  which: BenchCase,
  ours: PipelineSet,
  theirs: PipelineSet
): Promise<void> {
  const source = CASE_SPECS[which].source;
  for (const mode of ['as-generated', 'private-only'] as AddressMode[]) {
    const raw = rawBulkLines(which, COMPARE_LINES, mode).map(
      (pair) => JSON.parse(pair.split('\n')[1]) as Doc
    );
    const run = async (set: PipelineSet) =>
      (await simulate(engine, set.source(source), await simulate(engine, set.router, raw))).map(
        withoutIngested
      );
    const [a, b] = [await run(ours), await run(theirs)];
    const differing = a.findIndex((doc, i) => doc !== b[i]);
    if (differing >= 0) {
      throw new Error(
        `${which} (${mode}) line ${differing}: ${ours.label} and ${theirs.label} differ:\n${a[differing]}\n${b[differing]}`
      );
    }
    console.log(
      `${which} (${mode}): ${a.length} documents identical in ${ours.label} and ${theirs.label}`
    );
  }
}

const COMPARE_LINES = 2000;

async function main(): Promise<void> {
  const config = benchConfig();
  const lines = Math.round(Number(process.env.NETOBS_BENCH_PIPELINE_LINES ?? 50_000));
  const ref = arg('--compare');
  const rounds = Number(arg('--rounds') ?? 1);
  const cases = (arg('--cases')?.split(',') ?? BENCH_CASES) as BenchCase[];
  const unknown = cases.filter((c) => !BENCH_CASES.includes(c));
  if (unknown.length > 0) throw new Error(`unknown case(s): ${unknown.join(', ')}`);

  console.log(
    `Load average ${os
      .loadavg()
      .map((l) => round(l, 2))
      .join(' ')} on ${os.cpus().length} CPUs; ` +
      `${lines.toLocaleString('en')} lines per run, ${rounds} round(s)` +
      (ref ? `, side by side with ${ref}` : '')
  );
  const engine = await startIngestEngine({
    port: config.enginePort,
    fresh: true,
    heap: config.engineHeap,
  });
  if (engine.alreadyRunning) {
    throw new Error(`an ingest engine of ours already runs on port ${config.enginePort}`);
  }
  try {
    console.log(`OpenSearch ${engine.version} ingest engine on ${engine.url}`);
    const sets: PipelineSet[] = [INSTALLED];
    if (ref) {
      sets.push({
        label: ref.length > 12 ? ref.slice(0, 12) : ref,
        router: `netobs-router${SUFFIX}`,
        source: (source) => `netobs-${source}${SUFFIX}`,
      });
    }
    await installEnginePipelines(engine.url);
    if (ref) await installRef(engine.url, ref);
    if (process.argv.includes('--empty-geo')) {
      // To look at our own pipelines alone: netobs-geo without processors.
      await requestJson(engine.url, 'PUT', '/_ingest/pipeline/netobs-geo', {
        description: 'emptied by bench/pipeline_only.ts --empty-geo',
        processors: [],
      });
      console.log('netobs-geo emptied (--empty-geo): its lookups are not measured');
    }
    if (ref) {
      for (const which of cases) await compareOutputs(engine.url, which, sets[0], sets[1]);
    }
    await measurePipelineSets(engine.url, lines, { sets, rounds, cases, install: false });
    console.log(
      `Load average at the end ${os
        .loadavg()
        .map((l) => round(l, 2))
        .join(' ')}`
    );
  } finally {
    await stopIngestEngine(config.enginePort);
    rmSync(path.join(engineDir(config.enginePort), 'data'), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
