// Measure 3: end to end into the local node, as `npm start` does it: a raw gzip VPC flow-log
// file shipped by `netobs ship` (the forwarder's code, in its own process) to the dev ingest
// bridge, which runs netobs-router and netobs-vpcflow on the ingest engine and writes the parsed
// documents to Elasticsearch. Against it, the very same parsed documents (read back, same ids)
// indexed straight into Elasticsearch without a pipeline, with the forwarder's batch size and
// concurrency. The ratio is what parsing costs on this setup.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { startBridge } from '../dev/ingest_bridge/bridge';
import { installEnginePipelines } from '../dev/ingest_bridge/engine_pipelines';
import { requestJson, sendBulk } from './http';
import { writeCaseFile } from './lines';
import { round, timed } from './timing';

const ROOT = path.resolve(__dirname, '..');
export const E2E_NAMESPACE = 'benche2e';
export const DIRECT_NAMESPACE = 'benchdirect';
export const E2E_STREAM = `logs-netobs.vpcflow-${E2E_NAMESPACE}`;

export interface EndToEndResult {
  lines: number;
  file: { bytes: number; gzipBytes: number };
  viaBridge: { seconds: number; docsPerSecond: number; indexed: number };
  direct: { seconds: number; docsPerSecond: number; indexed: number };
  /** direct docs/s ÷ end-to-end docs/s: how many times faster indexing is without parsing. */
  ratio: number;
  readBackSeconds: number;
}

/** A parsed document as read back: its id and its source as JSON. */
export interface ParsedDoc {
  id: string;
  source: string;
}

function runCli(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [path.join(ROOT, 'bin', 'netobs.js'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // Never leave the shipper running behind an interrupted bench.
    const kill = () => child.kill();
    process.once('exit', kill);
    child.on('exit', () => process.off('exit', kill));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`netobs ship exited with ${code}: ${stderr}`))
    );
  });
}

async function count(es: string, index: string): Promise<number> {
  await requestJson(es, 'POST', `/${index}/_refresh`);
  return (await requestJson<{ count: number }>(es, 'GET', `/${index}/_count`)).count;
}

/** Every document of `index` (scroll in _doc order), as id + source JSON. */
async function readBack(es: string, index: string): Promise<ParsedDoc[]> {
  type Page = { _scroll_id: string; hits: { hits: { _id: string; _source: unknown }[] } };
  const docs: ParsedDoc[] = [];
  let page = await requestJson<Page>(es, 'POST', `/${index}/_search?scroll=1m`, {
    size: 5000,
    sort: ['_doc'],
  });
  while (page.hits.hits.length > 0) {
    for (const hit of page.hits.hits)
      docs.push({ id: hit._id, source: JSON.stringify(hit._source) });
    page = await requestJson<Page>(es, 'POST', '/_search/scroll', {
      scroll: '1m',
      scroll_id: page._scroll_id,
    });
  }
  await requestJson(es, 'DELETE', '/_search/scroll', { scroll_id: page._scroll_id });
  return docs;
}

export async function measureEndToEnd(
  es: string,
  engine: string,
  dir: string,
  lines: number
): Promise<{ result: EndToEndResult; parsed: ParsedDoc[]; gzipFile: string }> {
  const { file, bytes } = await writeCaseFile(path.join(dir, 'e2e'), 'vpc-default', lines);
  // Unlike the test suite, the CLI bundle is built only when missing (as npm start does).
  if (!existsSync(path.join(ROOT, 'ingest-lambda', 'dist', 'cli.js'))) {
    await new Promise<void>((resolve, reject) =>
      spawn('node', [path.join(ROOT, 'dev', 'build_cli.mjs')], { cwd: ROOT, stdio: 'inherit' })
        .on('error', reject)
        .on('exit', (code) => (code === 0 ? resolve() : reject(new Error('CLI build failed'))))
    );
  }
  await installEnginePipelines(engine);
  const bridge = await startBridge({ elasticsearch: es, engine });
  let viaSeconds: number;
  try {
    ({ seconds: viaSeconds } = await timed(() =>
      runCli([
        'ship',
        file,
        '--es',
        bridge.url,
        '--namespace',
        E2E_NAMESPACE,
        // The shipper's defaults, pinned: the direct path below uses the same (before 4554e9b the
        // CLI without these flags sent a whole file as one request).
        '--bulk-bytes',
        String(5 * 1024 * 1024),
        '--concurrency',
        '2',
      ])
    ));
  } finally {
    await bridge.close();
  }
  const viaIndexed = await count(es, E2E_STREAM);

  const { value: parsed, seconds: readBackSeconds } = await timed(() => readBack(es, E2E_STREAM));
  const directStream = `logs-netobs.vpcflow-${DIRECT_NAMESPACE}`;
  const { value: totals, seconds: directSeconds } = await timed(() =>
    sendBulk(
      es,
      parsed.map((doc) => `{"create":{"_id":${JSON.stringify(doc.id)}}}\n${doc.source}\n`),
      { path: `/${directStream}/_bulk?pipeline=_none` }
    )
  );
  if (totals.failed > 0)
    throw new Error(`direct indexing: ${totals.failed} failed: ${totals.errors}`);
  const directIndexed = await count(es, directStream);

  const viaRate = viaIndexed / viaSeconds;
  const directRate = directIndexed / directSeconds;
  return {
    result: {
      lines,
      file: { bytes, gzipBytes: statSync(file).size },
      viaBridge: {
        seconds: round(viaSeconds),
        docsPerSecond: Math.round(viaRate),
        indexed: viaIndexed,
      },
      direct: {
        seconds: round(directSeconds),
        docsPerSecond: Math.round(directRate),
        indexed: directIndexed,
      },
      ratio: round(directRate / viaRate, 1),
      readBackSeconds: round(readBackSeconds),
    },
    parsed,
    gzipFile: file,
  };
}
