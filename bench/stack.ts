// The benchmark's own Elasticsearch node and OpenSearch ingest engine, started fresh with the
// same launchers as the test suite (dev/elasticsearch, dev/opensearch) on ports of their own,
// and always stopped again: on success, on failure and on Ctrl+C.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { nodeDir, startNode, stopNode } from '../dev/elasticsearch/node';
import { engineDir, startIngestEngine, stopIngestEngine } from '../dev/opensearch/node';
import type { BenchConfig } from './config';

export interface BenchStack {
  esUrl: string;
  esVersion: string;
  engineUrl: string;
  engineVersion: string;
  startupSeconds: { es: number; engine: number };
  /** Whether this Elasticsearch runs our processors itself (then no engine/bridge is needed). */
  esHasProcessors: boolean;
  stop(): Promise<void>;
}

async function hasProcessors(url: string): Promise<boolean> {
  const response = await fetch(`${url}/_nodes/ingest?filter_path=nodes.*.ingest.processors.type`);
  return (await response.text()).includes('"dissect"');
}

export async function startBenchStack(config: BenchConfig): Promise<BenchStack> {
  let stopped = false;
  const started: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const fn of started.reverse()) await fn().catch(() => undefined);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the benchmark's Elasticsearch and ingest engine…`);
    void stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const es = await startNode({ port: config.esPort, fresh: true, heap: config.esHeap });
    if (es.alreadyRunning) {
      throw new Error(
        `an Elasticsearch of ours already runs on port ${config.esPort} (another bench, or one ` +
          'left behind): stop it with `npm run es:stop -- --port ' +
          `${config.esPort}\` or set NETOBS_BENCH_ES_PORT`
      );
    }
    started.push(async () => {
      await stopNode(config.esPort);
      rmSync(path.join(nodeDir(config.esPort), 'data'), { recursive: true, force: true });
    });
    const engine = await startIngestEngine({
      port: config.enginePort,
      fresh: true,
      heap: config.engineHeap,
    });
    if (engine.alreadyRunning) {
      throw new Error(
        `an ingest engine of ours already runs on port ${config.enginePort}: stop it or set NETOBS_BENCH_ENGINE_PORT`
      );
    }
    started.push(async () => {
      await stopIngestEngine(config.enginePort);
      rmSync(path.join(engineDir(config.enginePort), 'data'), { recursive: true, force: true });
    });
    return {
      esUrl: es.url,
      esVersion: es.version,
      engineUrl: engine.url,
      engineVersion: engine.version,
      startupSeconds: { es: es.startupMs / 1000, engine: engine.startupMs / 1000 },
      esHasProcessors: await hasProcessors(es.url),
      stop: async () => {
        await stop();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
