// `npx tsx bench/storage_only.ts`: the storage measures of `npm run bench` without the rest.
// Starts the bench's own Elasticsearch and ingest engine (always under the bench lock:
// `flock /tmp/netobs-bench.lock npx tsx bench/storage_only.ts`), parses
// NETOBS_BENCH_E2E_LINES VPC lines end to end as section 3 does, then:
//   - section 4 as `npm run bench` prints it (the e2e stream, templates as installed);
//   - the storage variants side by side (bench/storage_variants.ts): before / after on a basic
//     licence (the ≤ 180 B row) and with synthetic source on a trial licence (the ≤ 100 B row);
//   - with NETOBS_BENCH_QUERY_DOCS > 0 (default 0 here), the app's analytics functions over the
//     before and after templates, timed alternately (bench/app_queries.ts).
// Results go to netobs-storage-results.json in the temporary directory.
// For trying template variants quickly: NETOBS_BENCH_SEEDS=<file> saves the parsed documents of
// the end-to-end step there; with the file present and NETOBS_BENCH_ES_URL pointing at a running
// Elasticsearch of your own (`npm run es:start -- --port N`), no stack is started and the
// variants run against that node from the saved documents.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { runSetup } from '../server/lib/installer/setup';
import { compareAppQueries, formatQueryComparison } from './app_queries';
import { benchConfig } from './config';
import type { ParsedDoc } from './end_to_end';
import { E2E_STREAM, measureEndToEnd } from './end_to_end';
import { startBenchStack } from './stack';
import { measureStorage } from './storage';
import { formatStorageVariants, measureStorageVariants } from './storage_variants';
import { round } from './timing';

async function main(): Promise<void> {
  const config = benchConfig();
  const queryDocs = Math.round(Number(process.env.NETOBS_BENCH_QUERY_DOCS ?? 0));
  const only = process.env.NETOBS_BENCH_STORAGE_VARIANTS?.split(',').filter(Boolean);
  const load = () => os.loadavg().map((l) => round(l, 2));
  const results: Record<string, unknown> = {
    startedAt: new Date().toISOString(),
    loadAverage: load(),
    e2eLines: config.e2eLines,
    queryDocs,
  };
  const seedsFile = process.env.NETOBS_BENCH_SEEDS;
  const ownEs = process.env.NETOBS_BENCH_ES_URL;
  const reuse = Boolean(seedsFile && ownEs && existsSync(seedsFile));
  console.log(
    reuse
      ? `storage bench: saved documents from ${seedsFile} into ${ownEs}, load ${load().join(' ')}`
      : `storage bench: ${config.e2eLines.toLocaleString('en')} lines, load ${load().join(' ')}`
  );
  if (reuse && seedsFile && ownEs) {
    const saved = JSON.parse(readFileSync(seedsFile, 'utf8')) as {
      gzipBytesPerLine: number;
      parsed: ParsedDoc[];
    };
    const client = new Client({ node: ownEs, requestTimeout: 300_000 });
    try {
      await measureAndPrint(ownEs, client, saved.parsed, saved.gzipBytesPerLine);
    } finally {
      await client.close();
    }
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'netobs-storage-'));
    const stack = await startBenchStack(config);
    const client = new Client({ node: stack.esUrl, requestTimeout: 300_000 });
    try {
      await runSetup(client, {});
      const e2e = await measureEndToEnd(stack.esUrl, stack.engineUrl, dir, config.e2eLines);
      const storage = await measureStorage(stack.esUrl, E2E_STREAM, {
        lines: e2e.result.lines,
        bytes: e2e.result.file.bytes,
        gzipBytes: e2e.result.file.gzipBytes,
      });
      results.storage = storage;
      console.log(
        `section 4 (installed templates): ${storage.bytesPerRecord} B/record, gzip ${storage.source.gzipBytesPerLine} B/line`
      );
      if (seedsFile) {
        writeFileSync(
          seedsFile,
          JSON.stringify({ gzipBytesPerLine: storage.source.gzipBytesPerLine, parsed: e2e.parsed })
        );
      }
      await measureAndPrint(stack.esUrl, client, e2e.parsed, storage.source.gzipBytesPerLine);
    } finally {
      await client.close();
      await stack.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  async function measureAndPrint(
    es: string,
    client: Client,
    parsed: ParsedDoc[],
    gzipBytesPerLine: number
  ): Promise<void> {
    const variants = await measureStorageVariants(es, parsed, gzipBytesPerLine, { only });
    results.variants = variants;
    console.log(`\n${formatStorageVariants(variants, gzipBytesPerLine)}\n`);
    if (queryDocs > 0) {
      const comparison = await compareAppQueries(es, client, parsed, queryDocs, config.compareRuns);
      results.queries = comparison;
      console.log(`\n${formatQueryComparison(comparison)}\n`);
    }
  }
  results.loadAverageAtEnd = load();
  writeFileSync(
    path.join(os.tmpdir(), 'netobs-storage-results.json'),
    JSON.stringify(results, null, 2) + '\n'
  );
  console.log(
    `load at end ${load().join(' ')}; results in ${path.join(os.tmpdir(), 'netobs-storage-results.json')}`
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
