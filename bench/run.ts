// `npm run bench`: every benchmark of the product, measured side by side in one run on the same
// machine, printed as Markdown tables and written to bench/results.json:
//   1. forwarder throughput against the gunzip+split floor (loopback sink; no Elasticsearch);
//   2. per-pipeline ingest cost from the ingest node's stats (on the OpenSearch ingest engine);
//   3. end to end raw file → parsed documents in Elasticsearch, against indexing them directly;
//   4. bytes on disk per record after force merge, against gzip bytes per source line;
//   5. setup time, fresh and re-run;
//   6. latency of the app's analytics functions over 1M VPC records;
//   7. latency of the investigations (connection doctor, scans, spikes) and of the detection
//      catalog over the same records;
//   8. storage variants side by side over the same parsed records (before / after the storage
//      changes, basic and trial licence, logsdb beside), and the app's functions over the
//      before and after templates timed alternately;
// and then the table of issue 15's targets, each with this run's figure.
// Section 8 starts the trial licence on the bench's node, so it runs last.
// It starts its own Elasticsearch and ingest engine on ports of their own (see config.ts), so it
// can run while the test suite does, and stops them at the end. Sizes: see config.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { measureAppQueries } from './app_queries';
import { measureDetections } from './detections';
import { measureConnectionDoctor } from './investigation_connection';
import { measureInvestigationScans } from './investigation_scans';
import { measureInvestigationSpikes } from './investigation_spikes';
import { benchConfig } from './config';
import { E2E_STREAM, measureEndToEnd } from './end_to_end';
import { measureForwarder } from './forwarder';
import { measurePipelineCost } from './pipeline_cost';
import type { BenchResults } from './report';
import { formatReport } from './report';
import { measureSetup } from './setup_time';
import { startBenchStack } from './stack';
import { measureStorage } from './storage';
import { measureStorageVariants } from './storage_variants';
import { compareAppQueries } from './app_queries';
import { round, secondsSince } from './timing';

const started = process.hrtime.bigint();
/** Each section's start: when, and the machine's 1-minute load average then (printed too). */
const sectionLoads: { title: string; seconds: number; load: number }[] = [];

function step(title: string): void {
  const seconds = Math.round(secondsSince(started));
  const load = round(os.loadavg()[0], 2);
  sectionLoads.push({ title, seconds, load });
  console.log(`\n[${String(seconds).padStart(4)} s, load ${load}] ${title}`);
}

function save(results: BenchResults): void {
  writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
}

async function main(): Promise<void> {
  const config = benchConfig();
  const cpus = os.cpus();
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    machine: {
      cpus: `${cpus.length} × ${cpus[0]?.model ?? 'cpu'}`,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: os.loadavg().map((l) => round(l, 2)),
    },
    sizes: {
      forwarderMB: config.forwarderMB,
      pipelineLinesPerCase: config.pipelineLines,
      endToEndLines: config.e2eLines,
      queryDocs: config.queryDocs,
      queryRuns: config.queryRuns,
      setupRuns: config.setupRuns,
      storageVariants: config.storageVariants.join(','),
      compareDocs: config.compareDocs,
      esHeap: config.esHeap,
      engineHeap: config.engineHeap,
    },
  };
  console.log(`${results.machine.cpus}, ${results.machine.memoryGiB} GiB, Node ${process.version}`);
  console.log(
    `Sizes: forwarder ${config.forwarderMB} MB (NETOBS_BENCH_MB), pipelines ${config.pipelineLines.toLocaleString('en')} lines per case ` +
      `(NETOBS_BENCH_PIPELINE_LINES), end to end ${config.e2eLines.toLocaleString('en')} lines (NETOBS_BENCH_E2E_LINES), ` +
      `queries over ${config.queryDocs.toLocaleString('en')} docs (NETOBS_BENCH_QUERY_DOCS) × ${config.queryRuns} runs (NETOBS_BENCH_QUERY_RUNS)`
  );
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netobs-bench-'));
  try {
    step(`Forwarder: ${config.forwarderMB} MB object, floor and loopback sink…`);
    results.forwarder = await measureForwarder(dir, config.forwarderMB);
    save(results);

    step(
      `Starting the bench's Elasticsearch (:${config.esPort}) and OpenSearch ingest engine (:${config.enginePort})…`
    );
    const stack = await startBenchStack(config);
    results.stack = { elasticsearch: stack.esVersion, engine: stack.engineVersion };
    console.log(
      `    Elasticsearch ${stack.esVersion} (${stack.startupSeconds.es.toFixed(1)} s), ` +
        `OpenSearch ${stack.engineVersion} (${stack.startupSeconds.engine.toFixed(1)} s)` +
        (stack.esHasProcessors ? '' : '; Elasticsearch has no ingest processors here')
    );
    const client = new Client({ node: stack.esUrl, requestTimeout: 300_000 });
    try {
      step(`Setup: fresh install and no-change re-run, ${config.setupRuns} runs each…`);
      results.setup = await measureSetup(client, config.setupRuns);
      save(results);

      step(
        `Pipeline cost on the ingest engine: ${config.pipelineLines.toLocaleString('en')} lines per case…`
      );
      results.pipelines = await measurePipelineCost(stack.engineUrl, config.pipelineLines);
      save(results);

      step(
        `End to end: ${config.e2eLines.toLocaleString('en')} lines through netobs ship → bridge → ES, then direct…`
      );
      const e2e = await measureEndToEnd(stack.esUrl, stack.engineUrl, dir, config.e2eLines);
      results.endToEnd = e2e.result;
      save(results);

      step('Storage: force merge and store size…');
      results.storage = await measureStorage(stack.esUrl, E2E_STREAM, {
        lines: e2e.result.lines,
        bytes: e2e.result.file.bytes,
        gzipBytes: e2e.result.file.gzipBytes,
      });
      save(results);

      step(`App queries: ${config.queryDocs.toLocaleString('en')} VPC documents…`);
      results.appQueries = await measureAppQueries(
        stack.esUrl,
        client,
        e2e.parsed,
        config.queryDocs,
        config.queryRuns
      );
      save(results);

      // Over the same records (the scan bench plants its scan there; spikes index their own).
      step('Investigations: connection doctor, scan timeline, explained spikes…');
      results.connection = await measureConnectionDoctor(client, config);
      save(results);
      results.scans = await measureInvestigationScans(client, config);
      save(results);
      results.spikes = await measureInvestigationSpikes(client, config);
      save(results);

      step('Detections: the whole catalog and each rule…');
      results.detections = await measureDetections(client, config);
      save(results);

      step(`Storage variants: ${config.storageVariants.join(', ')}…`);
      results.storageVariants = await measureStorageVariants(
        stack.esUrl,
        e2e.parsed,
        results.storage.source.gzipBytesPerLine,
        { only: config.storageVariants }
      );
      save(results);

      if (config.compareDocs > 0) {
        step(
          `App queries before / after the storage changes: ${config.compareDocs.toLocaleString('en')} records each…`
        );
        results.queryComparison = await compareAppQueries(
          stack.esUrl,
          client,
          e2e.parsed,
          config.compareDocs,
          config.compareRuns
        );
        save(results);
      }
    } finally {
      await client.close();
      step('Stopping the bench nodes…');
      await stack.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  results.totalSeconds = round(secondsSince(started), 1);
  results.machine.loadAverageAtEnd = os.loadavg().map((l) => round(l, 2));
  results.machine.sectionLoads = sectionLoads;
  save(results);
  console.log(`\n${formatReport(results)}`);
  console.log(
    `Total wall time ${(results.totalSeconds / 60).toFixed(1)} min; results in bench/results.json`
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
