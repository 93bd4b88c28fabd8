// Measure 1: the forwarder's throughput on a generated gzip VPC flow-log object, side by side
// with two floors that read the same file and ship nothing: the bench's floor (Node's gunzip +
// the forwarder's own line splitter, a Line object per line) and a fast floor (256 KiB reads,
// gunzip in 256 KiB chunks, newlines counted with indexOf on the Buffers); against a loopback
// _bulk sink that accepts and discards. Also the installed CLI's start-up (`node bin/netobs.js
// --version`). Needs no Elasticsearch.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { FloorKind } from './forwarder_floors';
import { countNewlines } from './forwarder_floors';
import { median, round, secondsSince } from './timing';

export interface ForwarderResult {
  objectMB: number;
  gzipMB: number;
  records: number;
  floor: { seconds: number; linesPerSecond: number; mbPerSecond: number };
  /** The floor with the splitter issue 15 measured against (before the speed work). */
  issueFloor: { seconds: number; linesPerSecond: number; mbPerSecond: number };
  /** 256 KiB reads and gunzip chunks, newlines counted on the Buffers: what reading can do. */
  fastFloor: { seconds: number; linesPerSecond: number; mbPerSecond: number };
  forwarder: {
    seconds: number;
    linesPerSecond: number;
    mbPerSecond: number;
    shipped: number;
    failed: number;
    peakRssMB: number;
  };
  /** Each row's seconds in every round (the table shows their medians). */
  rounds: {
    count: number;
    seconds: { floor: number[]; issueFloor: number[]; fastFloor: number[]; forwarder: number[] };
  };
  ratioToFloor: number;
  ratioToIssueFloor: number;
  ratioToFastFloor: number;
  /** `node bin/netobs.js --version` wall time: the first run (cold caches) and the median of 9. */
  startup: { firstMs: number; medianMs: number };
  /** 1, 5, 15 minute load averages before and after the forwarder rows. */
  loadAverage: { start: number[]; end: number[] };
}

/** A simple, fast-to-generate v2 object of `mb` MB (kept as it was, so runs stay comparable). */
export async function generate(file: string, mb: number): Promise<number> {
  let written = 0;
  let i = 0;
  const target = mb * 1024 * 1024;
  async function* lines() {
    yield 'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n';
    while (written < target) {
      const chunk: string[] = [];
      for (let k = 0; k < 2000; k++, i++) {
        chunk.push(
          `2 123456789012 eni-0a1b2c3d4e5f6${(i % 1000).toString().padStart(4, '0')} 10.0.${(i >> 8) & 255}.${i & 255} 10.1.${(i >> 4) & 255}.${(i * 7) & 255} ${32768 + (i % 28000)} ${[443, 80, 22, 5432][i % 4]} 6 ${1 + (i % 40)} ${40 + (i % 9000)} ${1763800000 + (i % 3600)} ${1763800060 + (i % 3600)} ${i % 9 === 0 ? 'REJECT' : 'ACCEPT'} OK\n`
        );
      }
      const text = chunk.join('');
      written += Buffer.byteLength(text);
      yield text;
    }
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
  return i;
}

/**
 * A loopback _bulk endpoint that answers 201 for every item and keeps nothing. It counts the
 * body's lines on Buffers (cheaply: it shares the machine with the forwarder it measures) and
 * answers with the items the forwarder's filter_path asks for.
 */
export async function sink(): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    let count = 0;
    const counter = req.headers['content-encoding'] === 'gzip' ? req.pipe(createGunzip()) : req;
    counter.on('data', (chunk: Buffer) => {
      count += countNewlines(chunk);
    });
    counter.on('end', () => {
      const items = new Array<string>(Math.floor(count / 2))
        .fill('{"create":{"status":201}}')
        .join(',');
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-elastic-product': 'Elasticsearch',
      });
      res.end(`{"errors":false,"items":[${items}]}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

const root = path.resolve(__dirname, '..');

/** Bundles the CLI as `npm install` does (the `prepare` script). */
function buildCli(): void {
  const build = spawnSync(process.execPath, ['dev/build_cli.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('dev/build_cli.mjs failed');
}

/** The peak resident set of a running process (Linux /proc VmHWM), in KiB; 0 once it is gone. */
function peakRss(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** `netobs ship <file> --es <sink>`, timed from spawn to exit; its totals from its summary. */
async function shipWithCli(
  file: string,
  url: string
): Promise<{ seconds: number; lines: number; created: number; failed: number; peakRssKB: number }> {
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, ['bin/netobs.js', 'ship', file, '--es', url], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peakRssKB = 0;
  const sampler = setInterval(() => (peakRssKB = Math.max(peakRssKB, peakRss(child.pid ?? 0))), 50);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  const seconds = secondsSince(start);
  const done = /Done: ([\d,]+) lines, ([\d,]+) indexed, [\d,]+ already there, (\d+) failed/.exec(
    stderr
  );
  if (code !== 0 || !done) throw new Error(`netobs ship failed (${code}): ${stderr.slice(-2000)}`);
  const n = (text: string) => Number(text.replace(/,/g, ''));
  return { seconds, lines: n(done[1]), created: n(done[2]), failed: n(done[3]), peakRssKB };
}

/**
 * The installed CLI's start-up: `node bin/netobs.js --version` (the bundle dev/build_cli.mjs
 * writes, as `npm install` leaves it), run 10 times after a fresh build; the first run starts
 * with an empty compile cache.
 */
function measureStartup(): { firstMs: number; medianMs: number } {
  const cache = path.join(os.tmpdir(), `netobs-bench-compile-cache-${process.pid}`);
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ['bin/netobs.js', '--version'], {
      cwd: root,
      env: { ...process.env, NODE_COMPILE_CACHE: cache },
      encoding: 'utf8',
    });
    times.push(secondsSince(start) * 1000);
    if (run.status !== 0 || !/^\d+\.\d+\.\d+/.test(run.stdout))
      throw new Error(`netobs --version failed: ${run.stderr}`);
  }
  return { firstMs: Math.round(times[0]), medianMs: Math.round(median(times.slice(1))) };
}

/** One floor in a fresh Node process (bench/forwarder_floors.ts): its lines and read time. */
function runFloor(kind: FloorKind, file: string): { lines: number; seconds: number } {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'forwarder_floors.ts'), kind, file],
    { cwd: root, encoding: 'utf8' }
  );
  if (run.status !== 0) throw new Error(`floor ${kind} failed: ${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as {
    lines: number;
    seconds: number;
  };
}

/**
 * The forwarder and its three floors, each in a fresh process, in rounds (floor, the issue's
 * floor, fast floor, forwarder; NETOBS_BENCH_FORWARDER_ROUNDS, default 5): medians are reported,
 * so one run disturbed by the machine moves neither side of a ratio. A floor is timed around its
 * read; the forwarder from spawn to exit, its start-up (about 0.1 s) included.
 */
export async function measureForwarder(dir: string, mb: number): Promise<ForwarderResult> {
  const file = path.join(dir, 'forwarder-flows.log.gz');
  const records = await generate(file, mb);
  const gz = statSync(file).size;
  const rounds = Number(process.env.NETOBS_BENCH_FORWARDER_ROUNDS ?? 5);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`NETOBS_BENCH_FORWARDER_ROUNDS must be a positive integer, not "${rounds}"`);
  // The forwarder runs as users run it: the installed CLI (`node bin/netobs.js ship <file>`, the
  // bundle dev/build_cli.mjs writes; the same shipStream the Lambda runs) in a process of its
  // own, so its peak RSS (VmHWM) is the forwarder's alone, not the bench's or the sink's.
  buildCli();
  const loadStart = os.loadavg().map((v) => round(v, 2));
  const runs = {
    floor: [] as number[],
    issue: [] as number[],
    fast: [] as number[],
    cli: [] as number[],
  };
  let lines = 0;
  let created = 0;
  let failed = 0;
  let peakRssKB = 0;
  // Every floor reads the header line too; the forwarder ships the records.
  const floorLines = records + 1;
  for (let r = 0; r < rounds; r++) {
    for (const kind of ['floor', 'issue', 'fast'] as const) {
      const floor = runFloor(kind, file);
      if (floor.lines !== floorLines)
        throw new Error(`floor ${kind} counted ${floor.lines} lines, the object has ${floorLines}`);
      runs[kind].push(floor.seconds);
    }
    const target = await sink();
    const shipped = await shipWithCli(file, target.url);
    target.close();
    if (shipped.created !== records)
      throw new Error(`forwarder shipped ${shipped.created} of ${records} records`);
    runs.cli.push(shipped.seconds);
    ({ lines, created, failed } = shipped);
    peakRssKB = Math.max(peakRssKB, shipped.peakRssKB);
  }
  const loadEnd = os.loadavg().map((v) => round(v, 2));
  const startup = measureStartup();
  const floorSeconds = median(runs.floor);
  const issueSeconds = median(runs.issue);
  const fastSeconds = median(runs.fast);
  const seconds = median(runs.cli);
  const issueLines = floorLines;
  const fastLines = floorLines;

  return {
    objectMB: mb,
    gzipMB: round(gz / 1e6, 1),
    records,
    floor: {
      seconds: round(floorSeconds),
      linesPerSecond: Math.round(floorLines / floorSeconds),
      mbPerSecond: round(mb / floorSeconds, 1),
    },
    issueFloor: {
      seconds: round(issueSeconds),
      linesPerSecond: Math.round(issueLines / issueSeconds),
      mbPerSecond: round(mb / issueSeconds, 1),
    },
    fastFloor: {
      seconds: round(fastSeconds),
      linesPerSecond: Math.round(fastLines / fastSeconds),
      mbPerSecond: round(mb / fastSeconds, 1),
    },
    forwarder: {
      seconds: round(seconds),
      linesPerSecond: Math.round(lines / seconds),
      mbPerSecond: round(mb / seconds, 1),
      shipped: created,
      failed,
      peakRssMB: Math.round(peakRssKB / 1024),
    },
    rounds: {
      count: rounds,
      seconds: {
        floor: runs.floor.map((v) => round(v)),
        issueFloor: runs.issue.map((v) => round(v)),
        fastFloor: runs.fast.map((v) => round(v)),
        forwarder: runs.cli.map((v) => round(v)),
      },
    },
    ratioToFloor: round(floorSeconds / seconds, 3),
    ratioToIssueFloor: round(issueSeconds / seconds, 3),
    ratioToFastFloor: round(fastSeconds / seconds, 3),
    startup,
    loadAverage: { start: loadStart, end: loadEnd },
  };
}
