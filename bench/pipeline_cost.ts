// Measure 2: what each of our ingest pipelines costs per document, read from the ingest node's
// own counters (`_nodes/stats/ingest`: time_in_millis / count per pipeline and per processor).
// The local Elasticsearch has no processors, so this runs on the OpenSearch ingest engine with
// the pipelines as dev/ingest_bridge adapts them: these are OpenSearch's numbers for our
// pipelines. Each case indexes its raw documents into a throwaway engine index whose
// default_pipeline is netobs-router and final_pipeline the source's pipeline (what reroute
// achieves on Elasticsearch), without _source or dynamic mappings so that indexing stays cheap.
//
// Every case runs twice: with its lines as generated (internet clients and AWS service
// addresses among them, so netobs-geo's lookups run) and with every public address made private
// (no lookup runs): "with geo" and "without geo". The `pipeline:enrich_geo` processor's own cost
// is reported for both.
//
// How OpenSearch 3.x counts: it runs a bulk request's documents through a pipeline as one batch
// and adds the batch's whole elapsed time once per document (Pipeline.batchExecute →
// OperationMetrics.afterN(n, elapsed); the same for each processor). So time_in_millis grows
// with the square of the request size. We send requests of exactly DOCS_PER_REQUEST documents
// and divide by it: time_in_millis / DOCS_PER_REQUEST is the real time spent, and that over
// count is the time per document.
import { installEnginePipelines } from '../dev/ingest_bridge/engine_pipelines';
import { requestJson, sendBulk } from './http';
import { readFileSync } from 'node:fs';
import type { BenchCase, BenchSource } from './lines';
import { BENCH_CASES, CASE_SPECS, caseLines, hasPublicAddress } from './lines';
import type { AddressMode } from './raw_documents';
import { rawBulkLines } from './raw_documents';
import { round, timed } from './timing';

/** Documents per bulk request: a batch on the engine (see above). */
export const DOCS_PER_REQUEST = 1000;

interface Counters {
  count: number;
  time_in_millis: number;
  failed: number;
}

interface PipelineStats extends Counters {
  processors?: Record<string, { type: string; stats: Counters }>[];
}

type IngestStats = Record<string, PipelineStats>;

export interface ProcessorCost {
  processor: string;
  count: number;
  microsPerDoc: number;
  failed: number;
}

export interface PipelineCost {
  pipeline: string;
  count: number;
  timeMs: number;
  microsPerDoc: number;
  failed: number;
  /**
   * The costliest processors (time per document the pipeline saw), highest first. Processors
   * with an `if` read about 0 on the engine in batch mode, so only the big ones are telling.
   */
  topProcessors: ProcessorCost[];
  /** Pipeline time not attributed to any processor (conditional processors, overhead). */
  unattributedMicrosPerDoc: number;
}

/** One address mode of a case: router and source pipeline cost, and the geo step's share. */
export interface CaseRun {
  router: PipelineCost;
  source: PipelineCost;
  /** The source pipeline's `pipeline:enrich_geo` processor (netobs-geo), µs per document. */
  geoMicrosPerDoc: number;
  /** netobs-geo's own counters (its processors), when it ran. */
  geo?: PipelineCost;
  /** Wall-clock documents/s of the bulk requests (pipelines + minimal indexing on the engine). */
  wallDocsPerSecond: number;
  /**
   * The engine process's CPU time per document over the same requests (pipelines, parsing and
   * serialising documents, HTTP, minimal indexing, JIT and GC): unlike elapsed times, it barely
   * moves with the load of other processes on a shared machine, so it is the figure to compare
   * two pipeline versions by.
   */
  engineCpuMicrosPerDoc: number;
}

export interface CaseCost extends CaseRun {
  case: BenchCase;
  lines: number;
  /** Share of the generated lines holding at least one public address (geo lookups run). */
  publicShare: number;
  /** The same lines with every public address made private: no geo lookup runs. */
  privateOnly: CaseRun;
  /** Of a sample of lines run with _simulate: how many ended as pipeline_error, or mis-routed. */
  sample: { lines: number; pipelineErrors: number; misrouted: number };
}

/** A set of pipeline names to measure: ours as installed, or another version beside them. */
export interface PipelineSet {
  label: string;
  router: string;
  source(source: BenchSource): string;
}

const GEO_PIPELINE = 'netobs-geo';

export const INSTALLED: PipelineSet = {
  label: 'current',
  router: 'netobs-router',
  source: (source) => `netobs-${source}`,
};

/**
 * The engine process's CPU time in ms (all threads: JIT and GC included), read from
 * /proc/<pid>/stat: the node's own `process.cpu.total_in_millis` is cached for
 * `monitor.process.refresh_interval` (at least 1 s in OpenSearch's ProcessService), so a reading
 * straight after a run is stale. The engine runs on this machine (the bench starts it).
 */
const enginePids = new Map<string, number>();
async function engineCpuMs(engine: string): Promise<number> {
  let pid = enginePids.get(engine);
  if (pid === undefined) {
    const info = await requestJson<{ nodes: Record<string, { process: { id: number } }> }>(
      engine,
      'GET',
      '/_nodes/_local/process'
    );
    pid = Object.values(info.nodes)[0].process.id;
    enginePids.set(engine, pid);
  }
  // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** USER_HZ: 100 on every Linux the bench runs on (getconf CLK_TCK). */
const CLOCK_TICKS_PER_SECOND = 100;

/** The ingest counters and the engine process's CPU time. */
async function nodeStats(engine: string): Promise<{ pipelines: IngestStats; cpuMs: number }> {
  const body = await requestJson<{ nodes: Record<string, { ingest: { pipelines: IngestStats } }> }>(
    engine,
    'GET',
    '/_nodes/stats/ingest'
  );
  const node = Object.values(body.nodes)[0];
  return { pipelines: node.ingest.pipelines, cpuMs: await engineCpuMs(engine) };
}

/** Counters of one pipeline over one or more runs, time already divided by the batch size. */
interface RawCost {
  pipeline: string;
  count: number;
  ms: number;
  failed: number;
  processors: { processor: string; count: number; ms: number; failed: number }[];
}

function rawDiff(pipeline: string, before: IngestStats, after: IngestStats): RawCost {
  const a = after[pipeline] ?? { count: 0, time_in_millis: 0, failed: 0, processors: [] };
  const b = before[pipeline] ?? { count: 0, time_in_millis: 0, failed: 0, processors: [] };
  return {
    pipeline,
    count: a.count - b.count,
    ms: (a.time_in_millis - b.time_in_millis) / DOCS_PER_REQUEST,
    failed: a.failed - b.failed,
    processors: (a.processors ?? []).map((entry, i) => {
      const [name, value] = Object.entries(entry)[0];
      const prior = b.processors?.[i] ? Object.values(b.processors[i])[0].stats : undefined;
      return {
        processor: name,
        count: value.stats.count - (prior?.count ?? 0),
        ms: (value.stats.time_in_millis - (prior?.time_in_millis ?? 0)) / DOCS_PER_REQUEST,
        failed: value.stats.failed - (prior?.failed ?? 0),
      };
    }),
  };
}

function addRaw(x: RawCost | undefined, y: RawCost): RawCost {
  if (!x) return y;
  return {
    pipeline: y.pipeline,
    count: x.count + y.count,
    ms: x.ms + y.ms,
    failed: x.failed + y.failed,
    processors: y.processors.map((p, i) => ({
      processor: p.processor,
      count: p.count + (x.processors[i]?.count ?? 0),
      ms: p.ms + (x.processors[i]?.ms ?? 0),
      failed: p.failed + (x.processors[i]?.failed ?? 0),
    })),
  };
}

const TOP_PROCESSORS = 6;

function toCost(raw: RawCost): PipelineCost {
  const perDoc = (ms: number) => (raw.count > 0 ? (ms * 1000) / raw.count : 0);
  const processors = raw.processors.map((p) => ({
    processor: p.processor,
    count: p.count,
    microsPerDoc: round(perDoc(p.ms), 1),
    failed: p.failed,
  }));
  return {
    pipeline: raw.pipeline,
    count: raw.count,
    timeMs: round(raw.ms, 1),
    microsPerDoc: round(perDoc(raw.ms), 1),
    failed: raw.failed,
    topProcessors: processors
      .filter((p) => p.microsPerDoc > 0)
      .sort((x, y) => y.microsPerDoc - x.microsPerDoc)
      .slice(0, TOP_PROCESSORS),
    unattributedMicrosPerDoc: round(
      perDoc(raw.ms) - raw.processors.reduce((sum, p) => sum + perDoc(p.ms), 0),
      1
    ),
  };
}

/** µs per document of the source pipeline's netobs-geo call (0 when it has none). */
function geoMicros(raw: RawCost): number {
  const geo = raw.processors.find(
    (p) => p.processor.startsWith('pipeline:') && p.processor.endsWith(':enrich_geo')
  );
  return geo && raw.count > 0 ? round((geo.ms * 1000) / raw.count, 1) : 0;
}

/** Runs a sample through _simulate (router, then the source pipeline) and checks the results. */
async function checkSample(
  engine: string,
  which: BenchCase,
  lines: string[],
  set: PipelineSet
): Promise<CaseCost['sample']> {
  const sources = lines.map((pair) => JSON.parse(pair.split('\n')[1]) as Record<string, unknown>);
  type Simulated = { docs: { doc?: { _source: Record<string, unknown> } }[] };
  const run = async (pipeline: string, docs: Record<string, unknown>[]) =>
    (
      await requestJson<Simulated>(engine, 'POST', `/_ingest/pipeline/${pipeline}/_simulate`, {
        docs: docs.map((_source) => ({ _source })),
      })
    ).docs.map((d) => d.doc?._source ?? { event: { kind: 'pipeline_error' } });
  const source = CASE_SPECS[which].source;
  const routed = await run(set.router, sources);
  const misrouted = routed.filter(
    (d) => (d.netobs as { dataset?: string } | undefined)?.dataset !== source
  ).length;
  const parsed = await run(set.source(source), routed);
  const pipelineErrors = parsed.filter(
    (d) => (d.event as { kind?: string } | undefined)?.kind === 'pipeline_error'
  ).length;
  return { lines: sources.length, pipelineErrors, misrouted };
}

const WARMUP_LINES = 10_000;

/** A throwaway engine index that runs the router, then the case's source pipeline. */
async function createIndex(
  engine: string,
  which: BenchCase,
  set: PipelineSet,
  purpose: string
): Promise<string> {
  const index = `bench-ingest-${purpose}-${set.label}-${which}`.toLowerCase();
  await requestJson(engine, 'DELETE', `/${index}?ignore_unavailable=true`);
  await requestJson(engine, 'PUT', `/${index}`, {
    settings: {
      number_of_shards: 1,
      number_of_replicas: 0,
      refresh_interval: '-1',
      'translog.durability': 'async',
      default_pipeline: set.router,
      final_pipeline: set.source(CASE_SPECS[which].source),
    },
    mappings: { dynamic: false, _source: { enabled: false } },
  });
  return index;
}

interface RunTotals {
  router?: RawCost;
  source?: RawCost;
  geo?: RawCost;
  seconds: number;
  docs: number;
  cpuMs: number;
}

/** Indexes `bulkLines` through one pipeline set and adds its counters to `totals`. */
async function runOnce(
  engine: string,
  which: BenchCase,
  set: PipelineSet,
  bulkLines: string[],
  totals: RunTotals
): Promise<void> {
  const index = await createIndex(engine, which, set, 'measure');
  const { pipelines: before, cpuMs: cpuBefore } = await nodeStats(engine);
  const { value: sent, seconds } = await timed(() =>
    sendBulk(engine, bulkLines, { path: `/${index}/_bulk`, docsPerRequest: DOCS_PER_REQUEST })
  );
  const { pipelines: after, cpuMs: cpuAfter } = await nodeStats(engine);
  totals.cpuMs += cpuAfter - cpuBefore;
  await requestJson(engine, 'DELETE', `/${index}`);
  if (sent.failed > 0) {
    throw new Error(
      `${which} (${set.label}): ${sent.failed} documents failed on the engine: ${sent.errors}`
    );
  }
  totals.router = addRaw(totals.router, rawDiff(set.router, before, after));
  totals.source = addRaw(
    totals.source,
    rawDiff(set.source(CASE_SPECS[which].source), before, after)
  );
  totals.geo = addRaw(totals.geo, rawDiff(GEO_PIPELINE, before, after));
  totals.seconds += seconds;
  totals.docs += bulkLines.length;
}

function toRun(totals: RunTotals): CaseRun {
  if (!totals.router || !totals.source) throw new Error('no run was measured');
  return {
    router: toCost(totals.router),
    source: toCost(totals.source),
    geoMicrosPerDoc: geoMicros(totals.source),
    geo: totals.geo && totals.geo.count > 0 ? toCost(totals.geo) : undefined,
    wallDocsPerSecond: Math.round(totals.docs / totals.seconds),
    engineCpuMicrosPerDoc: round((totals.cpuMs * 1000) / totals.docs, 1),
  };
}

export interface MeasureOptions {
  /** Pipeline sets measured side by side, interleaved (default: the installed pipelines). */
  sets?: PipelineSet[];
  /** Runs per set, case and address mode, interleaved across sets; their counters are summed. */
  rounds?: number;
  cases?: BenchCase[];
  /** Install our pipelines on the engine first (default true). */
  install?: boolean;
  /** Print each case's per-processor table (default true). */
  print?: boolean;
}

/**
 * Every case through every set, with lines as generated and with private addresses only.
 * Results per set label; the runs of different sets alternate, so that a change in the machine's
 * load hits them alike.
 */
export async function measurePipelineSets(
  engine: string,
  requested: number,
  options: MeasureOptions = {}
): Promise<Record<string, CaseCost[]>> {
  const sets = options.sets ?? [INSTALLED];
  const rounds = options.rounds ?? 1;
  const cases = options.cases ?? BENCH_CASES;
  if (options.install ?? true) await installEnginePipelines(engine);
  // Whole requests only, so that every batch has the size we divide by.
  const lines = Math.max(1, Math.round(requested / DOCS_PER_REQUEST)) * DOCS_PER_REQUEST;
  // Painless scripts are compiled and JIT-warmed on first use: warm every case up first.
  for (const which of cases) {
    for (const set of sets) {
      for (const mode of ['as-generated', 'private-only'] as AddressMode[]) {
        const index = await createIndex(engine, which, set, 'warmup');
        const warm = rawBulkLines(which, Math.min(lines, WARMUP_LINES), mode);
        await sendBulk(engine, warm, { path: `/${index}/_bulk`, docsPerRequest: DOCS_PER_REQUEST });
        await requestJson(engine, 'DELETE', `/${index}`);
      }
    }
  }
  const results: Record<string, CaseCost[]> = Object.fromEntries(sets.map((s) => [s.label, []]));
  for (const which of cases) {
    const generated = rawBulkLines(which, lines, 'as-generated');
    const privateOnly = rawBulkLines(which, lines, 'private-only');
    let publicLines = 0;
    for (const line of caseLines(which, lines)) if (hasPublicAddress(line)) publicLines++;
    const totals = new Map(
      sets.map((s) => [
        s.label,
        {
          generated: { seconds: 0, docs: 0, cpuMs: 0 } as RunTotals,
          private: { seconds: 0, docs: 0, cpuMs: 0 } as RunTotals,
        },
      ])
    );
    for (let round = 0; round < rounds; round++) {
      // Alternate the order too, so that no set always runs right after a warm JIT of another.
      const ordered = round % 2 === 0 ? sets : [...sets].reverse();
      for (const set of ordered) {
        const t = totals.get(set.label)!;
        await runOnce(engine, which, set, generated, t.generated);
        await runOnce(engine, which, set, privateOnly, t.private);
      }
    }
    for (const set of sets) {
      const t = totals.get(set.label)!;
      const result: CaseCost = {
        case: which,
        lines,
        publicShare: round(publicLines / lines, 3),
        ...toRun(t.generated),
        privateOnly: toRun(t.private),
        sample: await checkSample(engine, which, generated.slice(0, 500), set),
      };
      results[set.label].push(result);
    }
    if (options.print ?? true) console.log(formatCaseTable(which, sets, results));
  }
  return results;
}

/** The installed pipelines, every case (the bench's section 2). */
export async function measurePipelineCost(engine: string, requested: number): Promise<CaseCost[]> {
  return (await measurePipelineSets(engine, requested)).current;
}

function cell(value: number | undefined): string {
  return value === undefined ? '-' : value.toFixed(1);
}

/**
 * One case as a text table: router and source pipeline µs/doc with and without geo, their sum,
 * and the source pipeline's costliest processors, one column per pipeline set.
 */
export function formatCaseTable(
  which: BenchCase,
  sets: PipelineSet[],
  results: Record<string, CaseCost[]>
): string {
  const of = (label: string) => results[label].find((c) => c.case === which)!;
  const first = of(sets[0].label);
  const rows: [string, ...(number | undefined)[]][] = [];
  const add = (name: string, pick: (c: CaseCost) => number | undefined) =>
    rows.push([name, ...sets.map((s) => pick(of(s.label)))]);
  add('router + source, with geo', (c) => c.router.microsPerDoc + c.source.microsPerDoc);
  add(
    'router + source, without geo',
    (c) => c.privateOnly.router.microsPerDoc + c.privateOnly.source.microsPerDoc
  );
  add('  router (netobs-router)', (c) => c.router.microsPerDoc);
  add(`  source (netobs-${CASE_SPECS[which].source}), with geo`, (c) => c.source.microsPerDoc);
  add('  source, without geo', (c) => c.privateOnly.source.microsPerDoc);
  add('  pipeline:enrich_geo, with geo', (c) => c.geoMicrosPerDoc);
  add('  pipeline:enrich_geo, without geo', (c) => c.privateOnly.geoMicrosPerDoc);
  // Processors of the source pipeline (with geo), the costliest of every set.
  const names: string[] = [];
  for (const s of sets) {
    for (const p of of(s.label).source.topProcessors) {
      if (!names.includes(p.processor) && !p.processor.endsWith(':enrich_geo'))
        names.push(p.processor);
    }
  }
  for (const name of names) {
    add(
      `  source ${name}`,
      (c) => c.source.topProcessors.find((p) => p.processor === name)?.microsPerDoc
    );
  }
  add(
    '  source, not attributed (if-conditions, overhead)',
    (c) => c.source.unattributedMicrosPerDoc
  );
  // netobs-geo's own processors (its geoip lookups only run on public addresses).
  const geoNames: string[] = [];
  for (const s of sets) {
    for (const p of of(s.label).geo?.topProcessors ?? []) {
      if (!geoNames.includes(p.processor)) geoNames.push(p.processor);
    }
  }
  for (const name of geoNames) {
    add(
      `  netobs-geo ${name}, with geo`,
      (c) => c.geo?.topProcessors.find((p) => p.processor === name)?.microsPerDoc
    );
    add(
      `  netobs-geo ${name}, without geo`,
      (c) => c.privateOnly.geo?.topProcessors.find((p) => p.processor === name)?.microsPerDoc
    );
  }
  for (const s of sets) {
    for (const p of of(s.label).router.topProcessors.slice(0, 3)) {
      const name = `  router ${p.processor}`;
      if (!rows.some((r) => r[0] === name))
        add(
          name,
          (c) => c.router.topProcessors.find((q) => q.processor === p.processor)?.microsPerDoc
        );
    }
  }
  add('  router, not attributed', (c) => c.router.unattributedMicrosPerDoc);
  add('engine CPU µs/doc (all work), with geo', (c) => c.engineCpuMicrosPerDoc);
  add('engine CPU µs/doc (all work), without geo', (c) => c.privateOnly.engineCpuMicrosPerDoc);
  add('engine docs/s (wall), with geo', (c) => c.wallDocsPerSecond);
  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  const header =
    `${which}: ${first.lines.toLocaleString('en')} lines per run, ` +
    `${Math.round(first.publicShare * 100)}% of them with a public address; µs/doc\n` +
    ' '.repeat(width) +
    sets.map((s) => s.label.padStart(12)).join('');
  const body = rows.map(
    (r) =>
      r[0].padEnd(width) +
      r
        .slice(1)
        .map((v) =>
          (typeof v === 'number' && r[0].startsWith('engine')
            ? String(Math.round(v))
            : cell(v as number | undefined)
          ).padStart(12)
        )
        .join('')
  );
  const samples = sets
    .map((s) => {
      const sample = of(s.label).sample;
      return `${s.label} ${sample.pipelineErrors + sample.misrouted}/${sample.lines}`;
    })
    .join(', ');
  return [header, ...body, `sample errors: ${samples}`, ''].join('\n');
}
