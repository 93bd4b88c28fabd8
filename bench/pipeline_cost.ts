// Measure 2: what each of our ingest pipelines costs per document, read from the ingest node's
// own counters (`_nodes/stats/ingest`: time_in_millis / count per pipeline and per processor).
// The local Elasticsearch has no processors, so this runs on the OpenSearch ingest engine with
// the pipelines as dev/ingest_bridge adapts them: these are OpenSearch's numbers for our
// pipelines. Each case indexes its raw documents into a throwaway engine index whose
// default_pipeline is netobs-router and final_pipeline the source's pipeline (what reroute
// achieves on Elasticsearch), without _source or dynamic mappings so that indexing stays cheap.
//
// How OpenSearch 3.x counts: it runs a bulk request's documents through a pipeline as one batch
// and adds the batch's whole elapsed time once per document (Pipeline.batchExecute →
// OperationMetrics.afterN(n, elapsed); the same for each processor). So time_in_millis grows
// with the square of the request size. We send requests of exactly DOCS_PER_REQUEST documents
// and divide by it: time_in_millis / DOCS_PER_REQUEST is the real time spent, and that over
// count is the time per document.
import { installEnginePipelines } from '../dev/ingest_bridge/engine_pipelines';
import { requestJson, sendBulk } from './http';
import type { BenchCase } from './lines';
import { BENCH_CASES, CASE_SPECS } from './lines';
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

export interface CaseCost {
  case: BenchCase;
  lines: number;
  router: PipelineCost;
  source: PipelineCost;
  /** Wall-clock documents/s of the bulk requests (pipelines + minimal indexing on the engine). */
  wallDocsPerSecond: number;
  /** Of a sample of lines run with _simulate: how many ended as pipeline_error, or mis-routed. */
  sample: { lines: number; pipelineErrors: number; misrouted: number };
}

async function ingestStats(engine: string): Promise<IngestStats> {
  const body = await requestJson<{
    nodes: Record<string, { ingest: { pipelines: IngestStats } }>;
  }>(engine, 'GET', '/_nodes/stats/ingest');
  return Object.values(body.nodes)[0].ingest.pipelines;
}

function diff(pipeline: string, before: IngestStats, after: IngestStats): PipelineCost {
  const a = after[pipeline];
  const b = before[pipeline] ?? { count: 0, time_in_millis: 0, failed: 0, processors: [] };
  const count = a.count - b.count;
  const timeMs = (a.time_in_millis - b.time_in_millis) / DOCS_PER_REQUEST;
  const processors = (a.processors ?? []).map((entry, i) => {
    const [name, value] = Object.entries(entry)[0];
    const prior = b.processors?.[i] ? Object.values(b.processors[i])[0].stats : undefined;
    const ms = (value.stats.time_in_millis - (prior?.time_in_millis ?? 0)) / DOCS_PER_REQUEST;
    return {
      processor: name,
      count: value.stats.count - (prior?.count ?? 0),
      microsPerDoc: count > 0 ? round((ms * 1000) / count, 1) : 0,
      failed: value.stats.failed - (prior?.failed ?? 0),
    };
  });
  return {
    pipeline,
    count,
    timeMs: round(timeMs, 1),
    microsPerDoc: count > 0 ? round((timeMs * 1000) / count, 1) : 0,
    failed: a.failed - b.failed,
    topProcessors: processors
      .filter((p) => p.microsPerDoc > 0)
      .sort((x, y) => y.microsPerDoc - x.microsPerDoc)
      .slice(0, 4),
    unattributedMicrosPerDoc:
      count > 0
        ? round((timeMs * 1000) / count - processors.reduce((sum, p) => sum + p.microsPerDoc, 0), 1)
        : 0,
  };
}

/** Runs a sample through _simulate (router, then the source pipeline) and checks the results. */
async function checkSample(
  engine: string,
  which: BenchCase,
  lines: string[]
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
  const routed = await run('netobs-router', sources);
  const misrouted = routed.filter(
    (d) => (d.netobs as { dataset?: string } | undefined)?.dataset !== source
  ).length;
  const parsed = await run(`netobs-${source}`, routed);
  const pipelineErrors = parsed.filter(
    (d) => (d.event as { kind?: string } | undefined)?.kind === 'pipeline_error'
  ).length;
  return { lines: sources.length, pipelineErrors, misrouted };
}

const WARMUP_LINES = 10_000;

/** A throwaway engine index that runs the router, then the case's source pipeline. */
async function createIndex(engine: string, which: BenchCase, purpose: string): Promise<string> {
  const index = `bench-ingest-${purpose}-${which}`;
  await requestJson(engine, 'DELETE', `/${index}?ignore_unavailable=true`);
  await requestJson(engine, 'PUT', `/${index}`, {
    settings: {
      number_of_shards: 1,
      number_of_replicas: 0,
      refresh_interval: '-1',
      'translog.durability': 'async',
      default_pipeline: 'netobs-router',
      final_pipeline: `netobs-${CASE_SPECS[which].source}`,
    },
    mappings: { dynamic: false, _source: { enabled: false } },
  });
  return index;
}

export async function measurePipelineCost(engine: string, requested: number): Promise<CaseCost[]> {
  await installEnginePipelines(engine);
  // Whole requests only, so that every batch has the size we divide by.
  const lines = Math.max(1, Math.round(requested / DOCS_PER_REQUEST)) * DOCS_PER_REQUEST;
  // Painless scripts are compiled and JIT-warmed on first use: warm every case up first.
  for (const which of BENCH_CASES) {
    const index = await createIndex(engine, which, 'warmup');
    const warm = rawBulkLines(which, Math.min(lines, WARMUP_LINES));
    await sendBulk(engine, warm, { path: `/${index}/_bulk`, docsPerRequest: DOCS_PER_REQUEST });
    await requestJson(engine, 'DELETE', `/${index}`);
  }
  const results: CaseCost[] = [];
  for (const which of BENCH_CASES) {
    const source = CASE_SPECS[which].source;
    const bulkLines = rawBulkLines(which, lines);
    const sample = await checkSample(engine, which, bulkLines.slice(0, 500));
    const index = await createIndex(engine, which, 'measure');
    const before = await ingestStats(engine);
    const { value: totals, seconds } = await timed(() =>
      sendBulk(engine, bulkLines, { path: `/${index}/_bulk`, docsPerRequest: DOCS_PER_REQUEST })
    );
    const after = await ingestStats(engine);
    await requestJson(engine, 'DELETE', `/${index}`);
    if (totals.failed > 0) {
      throw new Error(
        `${which}: ${totals.failed} documents failed on the engine: ${totals.errors}`
      );
    }
    const result: CaseCost = {
      case: which,
      lines: bulkLines.length,
      router: diff('netobs-router', before, after),
      source: diff(`netobs-${source}`, before, after),
      wallDocsPerSecond: Math.round(bulkLines.length / seconds),
      sample,
    };
    console.log(
      `    ${which}: router ${result.router.microsPerDoc} µs/doc, ${result.source.pipeline} ${result.source.microsPerDoc} µs/doc, ${result.wallDocsPerSecond.toLocaleString('en')} docs/s wall`
    );
    results.push(result);
  }
  return results;
}
