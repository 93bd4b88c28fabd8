// `npm start`: the product's main job on one machine. Starts the local Elasticsearch, installs
// every asset through the same installer as the Kibana plugin, generates a few hours of realistic
// AWS network logs, ships them through the real forwarder code (`netobs ship`), then serves the
// Network Observability app at http://127.0.0.1:5601 backed by the plugin's own route handlers.
// Ports: ES_PORT, NETOBS_ENGINE_PORT, NETOBS_APP_PORT. What it started, on which ports, is recorded
// in .cache/npm-start.json for `npm stop` (dev/stop.ts); Ctrl+C stops the same.
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
import { runningPid, startNode, stopNode } from './elasticsearch/node';
import { startBridge } from './ingest_bridge/bridge';
import { enginePipelineHost } from './ingest_bridge/engine_pipelines';
import { hostPipelineOptions } from '../server/lib/installer/setup';
import {
  clearRunState,
  isStartProcess,
  readRunState,
  writeRunState,
} from './local_process/run_state';
import { styler } from './local_process/terminal';
import {
  DEFAULT_ENGINE_PORT,
  enginePid,
  startIngestEngine,
  stopIngestEngine,
} from './opensearch/node';
import { generateSample } from './sample/generate';
import { installEsAssets } from '../server/lib/installer/es_assets';

const ES_PORT = Number(process.env.ES_PORT ?? 9200);
const APP_PORT = Number(process.env.NETOBS_APP_PORT ?? 5601);
const ENGINE_PORT = Number(process.env.NETOBS_ENGINE_PORT ?? DEFAULT_ENGINE_PORT);
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

/** Bold step headings on a terminal; plain text in a pipe, a log file or with NO_COLOR. */
const style = styler(process.stdout);

let step = 0;
function say(message: string): void {
  step += 1;
  console.log(`\n${style.bold(`[${step}] ${message}`)}`);
}

async function hasProcessors(url: string): Promise<boolean> {
  const response = await fetch(`${url}/_nodes/ingest?filter_path=nodes.*.ingest.processors.type`);
  return (await response.text()).includes('"dissect"');
}

/**
 * What this run started, so Ctrl+C and `npm stop` stop exactly that (never a node it found
 * running). A node is claimed before it is started, when none of ours runs on its port, so a
 * Ctrl+C during its start-up waits for it (`starting`) and then stops it too.
 */
const started: {
  es?: number;
  engine?: number;
  starting?: Promise<unknown>;
  closers: (() => Promise<void>)[];
} = {
  closers: [],
};

/** Records what is started in .cache/npm-start.json, for `npm stop` from another terminal. */
function record(): void {
  writeRunState({
    pid: process.pid,
    appPort: APP_PORT,
    ...(started.es !== undefined ? { esPort: started.es } : {}),
    ...(started.engine !== undefined ? { enginePort: started.engine } : {}),
  });
}

/** Runs a node's start, which a stop waits for before stopping that node. */
async function starting<T>(start: Promise<T>): Promise<T> {
  started.starting = start.catch(() => undefined);
  try {
    return await start;
  } finally {
    started.starting = undefined;
  }
}

async function stopStarted(): Promise<string[]> {
  const stopped: string[] = [];
  await started.starting;
  for (const close of [...started.closers].reverse()) await close().catch(() => undefined);
  // Ctrl+C in a terminal reaches the whole process group, the nodes too: stopping one that is
  // already on its way down is fine; either way it no longer runs.
  if (started.engine !== undefined) {
    await stopIngestEngine(started.engine);
    stopped.push('the ingest engine');
  }
  if (started.es !== undefined) {
    await stopNode(started.es);
    stopped.push('Elasticsearch');
  }
  clearRunState();
  return stopped;
}

/** Whether the app already answers on its port: another `npm start` of this product. */
async function alreadyServing(): Promise<'ours' | 'other' | 'free'> {
  try {
    const response = await fetch(`http://127.0.0.1:${APP_PORT}/api/shell/config`, {
      signal: AbortSignal.timeout(2000),
    });
    return response.ok ? 'ours' : 'other';
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    return code === 'ECONNREFUSED' ? 'free' : 'other';
  }
}

/** Sample documents of the last few hours already in the cluster (shipped by an earlier start). */
async function recentSampleDocs(client: Client): Promise<number> {
  try {
    const { count } = await client.count({
      index: 'logs-netobs.*',
      query: { range: { '@timestamp': { gte: 'now-3h' } } },
      ignore_unavailable: true,
      allow_no_indices: true,
    });
    return count;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const previous = readRunState();
  if (previous && isStartProcess(previous.pid)) {
    console.error(
      `npm start of this checkout is already running (pid ${previous.pid}, the app on port ` +
        `${previous.appPort}). Use it, or stop it first with Ctrl+C in its terminal or \`npm stop\`.`
    );
    process.exitCode = 1;
    return;
  }
  const where = await alreadyServing();
  if (where !== 'free') {
    console.error(
      where === 'ours'
        ? `Network Observability is already running at http://127.0.0.1:${APP_PORT} (another npm start).\n` +
            'Use that one, stop it with Ctrl+C in its terminal (or `npm stop`), or start a second one on other ports:\n' +
            '  NETOBS_APP_PORT=5602 ES_PORT=9201 NETOBS_ENGINE_PORT=9351 npm start'
        : `Port ${APP_PORT} is taken by another program. Start on another port: NETOBS_APP_PORT=5602 npm start`
    );
    process.exitCode = 1;
    return;
  }
  let stopping = false;
  const stop = (signal: string) => {
    // One stop, whichever signals arrive (Ctrl+C reaches npm, tsx and us; npm stop sends SIGTERM).
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping what this npm start started…`);
    void stopStarted().then((stopped) => {
      console.log(
        stopped.length
          ? `Stopped the app and ${stopped.join(' and ')}.`
          : 'Stopped the app (Elasticsearch was already running before: left running).'
      );
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('Ctrl+C'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // The terminal closed: nobody is left to press Ctrl+C, so stop as if they had.
  process.once('SIGHUP', () => {
    // Writing to a terminal that is gone fails; that must not keep the nodes running.
    process.stdout.on('error', () => undefined);
    process.stderr.on('error', () => undefined);
    stop('Terminal closed');
  });
  record();

  say(
    `Starting Elasticsearch on 127.0.0.1:${ES_PORT} (the first run downloads it from Maven Central)…`
  );
  if (!process.env.ES_URL && runningPid(ES_PORT) === undefined) {
    started.es = ES_PORT;
    record();
  }
  const es = process.env.ES_URL
    ? { url: process.env.ES_URL, version: 'external', alreadyRunning: true, startupMs: 0 }
    : await starting(startNode({ port: ES_PORT }));
  if (es.alreadyRunning && started.es !== undefined) {
    started.es = undefined;
    record();
  }
  console.log(
    `    Elasticsearch ${es.version} at ${redactUrl(es.url)}` +
      (es.alreadyRunning ? ' (already running)' : ` (up in ${(es.startupMs / 1000).toFixed(1)} s)`)
  );
  const client = new Client({ node: es.url });
  started.closers.push(() => client.close());

  say('Installing index templates, lifecycle and ingest pipelines…');
  const results = await installEsAssets(client);
  const processors = await hasProcessors(es.url);
  for (const result of results) {
    const expectedFailure = !processors && result.kind === 'ingest_pipeline';
    if (result.action === 'failed' && !expectedFailure) {
      throw new Error(`${result.kind} ${result.name}: ${result.error}`);
    }
  }
  const inPlace = results.filter((r) => r.action !== 'failed').length;
  const forEngine = results.length - inPlace;
  console.log(
    `    ${inPlace} Elasticsearch assets in place` +
      (forEngine > 0
        ? `; the ${forEngine} ingest pipelines need processors this build lacks: next step`
        : '')
  );

  let shipTo = es.url;
  let engineUrl: string | undefined;
  if (!processors) {
    say('This Elasticsearch has no ingest processors: the OpenSearch ingest engine runs them…');
    if (enginePid(ENGINE_PORT) === undefined) {
      started.engine = ENGINE_PORT;
      record();
    }
    const engine = await starting(startIngestEngine({ port: ENGINE_PORT }));
    if (engine.alreadyRunning && started.engine !== undefined) {
      started.engine = undefined;
      record();
    }
    // This release's pipelines, with the options setup gave the engine's last ones (a restart
    // keeps keep-original and the flow-log formats set in the app).
    const host = enginePipelineHost(engine.url);
    await host.install(await hostPipelineOptions(host));
    const bridge = await startBridge({ elasticsearch: es.url, engine: engine.url });
    started.closers.push(bridge.close);
    shipTo = bridge.url;
    engineUrl = engine.url;
    console.log(
      `    engine ${engine.url}` +
        (engine.alreadyRunning
          ? ' (already running)'
          : ` (up in ${(engine.startupMs / 1000).toFixed(1)} s)`)
    );
  }

  const kept = await recentSampleDocs(client);
  let shipped = 0;
  if (kept > 0) {
    say(
      `Sample data from an earlier start is still fresh (${kept.toLocaleString('en')} documents): kept.`
    );
  } else {
    say(
      'Generating a realistic sample: VPC, Transit Gateway, ALB and NLB logs for the last 4 hours…'
    );
    const sampleDir = mkdtempSync(path.join(os.tmpdir(), 'netobs-sample-'));
    const stats = generateSample({ dir: sampleDir });
    shipped = Object.values(stats.lines).reduce((a, b) => a + b, 0);
    console.log(
      `    ${stats.files} files, ${Object.entries(stats.lines)
        .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
        .join(', ')} lines`
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
  }

  say('Building the app…');
  execFileSync('node', [path.join(ROOT, 'dev', 'app_shell', 'build.mjs')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  const app = await startAppServer({
    esUrl: es.url,
    port: APP_PORT,
    kibanaUrl: process.env.KIBANA_URL,
    ingestEngineUrl: engineUrl,
  });
  started.closers.push(app.close);
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(
    `\n${style.bold(`Ready in ${seconds} s: Network Observability at ${app.url}`)} — ` +
      (shipped > 0
        ? `${shipped.toLocaleString('en')} sample lines shipped.`
        : `sample data kept from an earlier start.`)
  );
  const nodes = [
    `Elasticsearch ${redactUrl(es.url)}`,
    ...(engineUrl ? [`ingest engine ${engineUrl}`] : []),
  ];
  console.log(`    ${nodes.join(', ')}`);
  console.log(
    '    Ctrl+C stops everything this started; from another terminal, `npm stop` does.\n'
  );
}

main().catch(async (error: unknown) => {
  await stopStarted();
  console.error(
    redactText(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}`, [
      credentialsIn(process.env.ES_URL),
    ])
  );
  process.exit(1);
});
