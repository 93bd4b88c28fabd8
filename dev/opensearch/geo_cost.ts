// What netobs-geo costs per document on the ingest engine, and what its public-address check
// saves: four variants of the pipeline, each indexing the same documents side by side in
// interleaved rounds:
//   guarded    netobs-geo as shipped (geo_public.painless decides, lookups only for public sides)
//   unguarded  the same lookups and renames without the check (every address goes to geoip)
//   empty      no processors at all (the floor: bulk indexing without pipeline work)
// over two address mixes: "private" (10.x → 10.x, east-west flows, most of a VPC's logs) and
// "public" (an internet client → 10.x, 5 000 distinct clients so the geoip cache does not answer
// everything). Cost = wall-clock µs per document of the bulk requests minus the empty variant's.
//
//   npx tsx dev/opensearch/geo_cost.ts [--port 9390] [--docs 20000] [--rounds 3]
//
// Starts (or reuses) an engine on --port; wrap in `flock /tmp/netobs-bench.lock` on a shared
// machine. bench/pipeline_cost.ts measures the whole source pipelines with and without public
// addresses; this isolates netobs-geo.
import { parseArgs } from 'node:util';
import { adaptForOpenSearch } from '../ingest_bridge/engine_pipelines';
import { loadEsAssets } from '../../server/lib/assets/load_es_assets';
import { requestJson } from '../local_process/http_json';
import { startIngestEngine } from './node';

type Processor = Record<string, Record<string, unknown>>;
type Mix = 'private' | 'public';

const DOCS_PER_REQUEST = 1000;

/** netobs-geo-lookup as the engine takes it, installed as geo-cost-lookup for the variants. */
export const LOOKUP = 'geo-cost-lookup';

function adapted(name: string): { processors: Processor[]; on_failure?: Processor[] } {
  const asset = loadEsAssets('ingest_pipeline').find((a) => a.name === name);
  if (!asset) throw new Error(`assets/elasticsearch/ingest_pipeline/${name}.json is missing`);
  return adaptForOpenSearch(asset).body as { processors: Processor[]; on_failure?: Processor[] };
}

/** Pipelines the variants call (installed first). */
export function geoSupportPipelines(): Record<string, { processors: Processor[] }> {
  return { [LOOKUP]: adapted('netobs-geo-lookup') };
}

/** The pipeline variants, as the engine takes them (their lookups call geo-cost-lookup). */
export function geoVariants(): Record<string, { processors: Processor[] }> {
  const toLookup = (p: Processor): Processor =>
    'pipeline' in p ? { pipeline: { ...p.pipeline, name: LOOKUP } } : p;
  const guarded = adapted('netobs-geo').processors.map(toLookup);
  const unguarded = guarded
    .filter((p) => !('script' in p && p.script.tag === 'geo_public_sides'))
    .map((p) => {
      const [type, options] = Object.entries(p)[0];
      const { if: _condition, ...rest } = options;
      return { [type]: rest };
    });
  // Without the check, every side is marked public: the lookups' own conditions read the mark.
  unguarded.unshift({
    script: {
      tag: 'geo_all_sides',
      source:
        "if (ctx.netobs == null) ctx.netobs = new HashMap(); ctx.netobs.geo_public = ['source': true, 'destination': true];",
    },
  });
  return {
    guarded: { processors: guarded },
    unguarded: { processors: unguarded },
    empty: { processors: [] },
  };
}

/** `count` documents of one mix as _bulk lines (action + source). */
export function geoDocuments(mix: Mix, count: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const firsts = [3, 18, 34, 52, 54, 81, 86, 91, 95, 104, 151, 176, 185, 188, 212];
    const k = i % 5000;
    const client = `${firsts[k % firsts.length]}.${(k * 7) % 256}.${(k * 13) % 256}.${1 + (k % 253)}`;
    const source = mix === 'public' ? client : `10.0.${(i >> 8) % 256}.${1 + (i % 254)}`;
    const destination = `10.1.${(i >> 6) % 256}.${1 + ((i * 7) % 254)}`;
    lines.push(
      '{"create":{}}',
      JSON.stringify({ source: { ip: source }, destination: { ip: destination } })
    );
  }
  return lines;
}

async function indexAll(url: string, pipeline: string, lines: string[]): Promise<number> {
  const index = `geo-cost-${pipeline}`;
  await requestJson(url, 'DELETE', `/${index}?ignore_unavailable=true`);
  await requestJson(url, 'PUT', `/${index}`, {
    settings: {
      number_of_shards: 1,
      number_of_replicas: 0,
      refresh_interval: '-1',
      'translog.durability': 'async',
      default_pipeline: pipeline,
    },
    mappings: { dynamic: false, _source: { enabled: false } },
  });
  const started = process.hrtime.bigint();
  for (let i = 0; i < lines.length; i += DOCS_PER_REQUEST * 2) {
    const body = lines.slice(i, i + DOCS_PER_REQUEST * 2).join('\n') + '\n';
    const response = await fetch(`${url}/${index}/_bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body,
    });
    const answer = (await response.json()) as { errors: boolean; items: unknown[] };
    if (!response.ok || answer.errors)
      throw new Error(`bulk into ${index}: ${JSON.stringify(answer.items.slice(0, 1))}`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await requestJson(url, 'DELETE', `/${index}`);
  return seconds;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '9390' },
      docs: { type: 'string', default: '20000' },
      rounds: { type: 'string', default: '3' },
    },
  });
  const engine = await startIngestEngine({ port: Number(values.port) });
  const docs = Number(values.docs);
  const variants = geoVariants();
  for (const [name, body] of Object.entries(geoSupportPipelines()))
    await requestJson(engine.url, 'PUT', `/_ingest/pipeline/${name}`, body);
  for (const [name, body] of Object.entries(variants))
    await requestJson(engine.url, 'PUT', `/_ingest/pipeline/geo-cost-${name}`, body);
  const data: Record<Mix, string[]> = {
    private: geoDocuments('private', docs),
    public: geoDocuments('public', docs),
  };
  // Warm-up: compile scripts, load the databases, fill the JIT.
  for (const name of Object.keys(variants))
    await indexAll(engine.url, `geo-cost-${name}`, data.public.slice(0, 20_000));
  const seconds: Record<string, number[]> = {};
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const mix of ['private', 'public'] as Mix[]) {
      for (const name of Object.keys(variants)) {
        const key = `${name}/${mix}`;
        (seconds[key] ??= []).push(await indexAll(engine.url, `geo-cost-${name}`, data[mix]));
      }
    }
  }
  if (process.env.GEO_COST_DEBUG) console.log(seconds);
  const micros = (key: string) => (median(seconds[key]) * 1e6) / docs;
  console.log(
    `netobs-geo on OpenSearch ${engine.version}: ${docs} docs per run, median of ${values.rounds} interleaved rounds`
  );
  console.log('variant      mix       µs/doc (wall)   over empty');
  for (const mix of ['private', 'public'] as Mix[]) {
    for (const name of Object.keys(variants)) {
      const key = `${name}/${mix}`;
      const over = micros(key) - micros(`empty/${mix}`);
      console.log(
        `${name.padEnd(12)} ${mix.padEnd(9)} ${micros(key).toFixed(1).padStart(13)}   ${name === 'empty' ? '' : over.toFixed(1).padStart(10)}`
      );
    }
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
