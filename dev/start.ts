// `npm start`: the product's main job on one machine. Starts the local Elasticsearch, installs
// every asset through the same installer as the Kibana plugin, generates a few hours of realistic
// AWS network logs, ships them through the real forwarder code (`netobs ship`), then serves the
// Network Observability app at http://127.0.0.1:5601 backed by the plugin's own route handlers.
//
// When the local Elasticsearch lacks ingest processors (the Maven Central build), the lines go
// through the dev ingest bridge, which runs our pipelines on the OpenSearch ingest engine and
// writes the parsed documents to Elasticsearch (see README, "Local Elasticsearch").
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { redactText, redactUrl } from '../common/redact';
import { credentialsIn } from '../ingest-lambda/src/config';
import { startAppServer } from './app_server/server';
import { startNode } from './elasticsearch/node';
import { startBridge } from './ingest_bridge/bridge';
import { installEnginePipelines } from './ingest_bridge/engine_pipelines';
import { startIngestEngine } from './opensearch/node';
import { generateSample } from './sample/generate';
import { installEsAssets } from '../server/lib/installer/es_assets';

const ES_PORT = Number(process.env.ES_PORT ?? 9200);
const APP_PORT = Number(process.env.NETOBS_APP_PORT ?? 5601);
const ROOT = path.resolve(__dirname, '..');

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args[1]} exited with ${code}`))
    );
  });
}

let step = 0;
function say(message: string): void {
  step += 1;
  console.log(`\n[${step}] ${message}`);
}

async function hasProcessors(url: string): Promise<boolean> {
  const response = await fetch(`${url}/_nodes/ingest?filter_path=nodes.*.ingest.processors.type`);
  return (await response.text()).includes('"dissect"');
}

async function main(): Promise<void> {
  say(
    `Starting Elasticsearch on 127.0.0.1:${ES_PORT} (first run downloads it from Maven Central)…`
  );
  const es = process.env.ES_URL
    ? { url: process.env.ES_URL, version: 'external' }
    : await startNode({ port: ES_PORT });
  console.log(`    Elasticsearch ${es.version} at ${redactUrl(es.url)}`);
  const client = new Client({ node: es.url });

  say('Installing index templates, lifecycle and ingest pipelines…');
  const results = await installEsAssets(client);
  const processors = await hasProcessors(es.url);
  for (const result of results) {
    const expectedFailure = !processors && result.kind === 'ingest_pipeline';
    if (result.action === 'failed' && !expectedFailure) {
      throw new Error(`${result.kind} ${result.name}: ${result.error}`);
    }
  }
  console.log(
    `    ${results.filter((r) => r.action !== 'failed').length} Elasticsearch assets in place`
  );

  let shipTo = es.url;
  let engineUrl: string | undefined;
  if (!processors) {
    say(
      'This Elasticsearch has no ingest processors: starting the OpenSearch ingest engine and bridge…'
    );
    const engine = await startIngestEngine({});
    await installEnginePipelines(engine.url);
    const bridge = await startBridge({ elasticsearch: es.url, engine: engine.url });
    shipTo = bridge.url;
    engineUrl = engine.url;
    console.log(`    engine ${engine.url}, bridge ${bridge.url}`);
  }

  say(
    'Generating a realistic sample: VPC, Transit Gateway, ALB and NLB logs for the last 4 hours…'
  );
  const sampleDir = mkdtempSync(path.join(os.tmpdir(), 'netobs-sample-'));
  const stats = generateSample({ dir: sampleDir });
  console.log(
    `    ${stats.files} files, ${Object.entries(stats.lines)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')} lines in ${sampleDir}`
  );

  say('Shipping them through the real forwarder code (netobs ship)…');
  const cli = path.join(ROOT, 'bin', 'netobs.js');
  if (!existsSync(path.join(ROOT, 'ingest-lambda', 'dist', 'cli.js'))) {
    execFileSync('node', [path.join(ROOT, 'dev', 'build_cli.mjs')], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  // Asynchronously: the bridge answering the CLI runs in this very process.
  // The URL (with any credentials in it) goes by environment, not on a visible command line.
  await run('node', [cli, 'ship', sampleDir], { ES_URL: shipTo });
  await client.indices.refresh({ index: 'logs-netobs.*' });

  say('Building the app…');
  execFileSync('node', [path.join(ROOT, 'dev', 'app_shell', 'build.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });

  say('Serving the app…');
  const app = await startAppServer({
    esUrl: es.url,
    port: APP_PORT,
    kibanaUrl: process.env.KIBANA_URL,
    ingestEngineUrl: engineUrl,
  });
  console.log(
    `\n    Network Observability is at ${app.url}  (Ctrl+C to stop the app; npm run es:stop stops Elasticsearch)\n`
  );
}

main().catch((error: unknown) => {
  console.error(
    redactText(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}`, [
      credentialsIn(process.env.ES_URL),
    ])
  );
  process.exit(1);
});
