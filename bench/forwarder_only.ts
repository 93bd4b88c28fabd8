// The forwarder's bench rows alone (no Elasticsearch, no engine): `npx tsx bench/forwarder_only.ts`
// with NETOBS_BENCH_MB (default 128). Prints the same result object bench/run.ts records.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureForwarder } from './forwarder';

async function main(): Promise<void> {
  const mb = Number(process.env.NETOBS_BENCH_MB ?? 128);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netobs-fwd-bench-'));
  try {
    const r = await measureForwarder(dir, mb);
    const row = (name: string, seconds: number, lps: number, mbps: number, ratio = '') =>
      `| ${name} | ${seconds} | ${lps.toLocaleString('en')} | ${mbps} | ${ratio} |`;
    console.log(
      [
        `Forwarder, ${r.objectMB} MB object (${r.gzipMB} MB gzip, ${r.records.toLocaleString('en')} records); load ${r.loadAverage.start.join(' ')} → ${r.loadAverage.end.join(' ')}`,
        '| row | s | lines/s | MB/s | forwarder ÷ row |',
        '|---|---|---|---|---|',
        row(
          'floor: gunzip + split (Line objects)',
          r.floor.seconds,
          r.floor.linesPerSecond,
          r.floor.mbPerSecond,
          String(r.ratioToFloor)
        ),
        row(
          'floor with the splitter issue 15 measured (before this work)',
          r.issueFloor.seconds,
          r.issueFloor.linesPerSecond,
          r.issueFloor.mbPerSecond,
          String(r.ratioToIssueFloor)
        ),
        row(
          'fast floor: 256 KiB reads, indexOf on Buffers',
          r.fastFloor.seconds,
          r.fastFloor.linesPerSecond,
          r.fastFloor.mbPerSecond,
          String(r.ratioToFastFloor)
        ),
        row(
          'forwarder → loopback sink',
          r.forwarder.seconds,
          r.forwarder.linesPerSecond,
          r.forwarder.mbPerSecond
        ),
        `seconds per round (${r.rounds.count}, medians above): floor ${r.rounds.seconds.floor.join(' / ')}; issue's floor ${r.rounds.seconds.issueFloor.join(' / ')}; fast ${r.rounds.seconds.fastFloor.join(' / ')}; forwarder ${r.rounds.seconds.forwarder.join(' / ')}`,
        `forwarder peak RSS ${r.forwarder.peakRssMB} MB; shipped ${r.forwarder.shipped.toLocaleString('en')}, failed ${r.forwarder.failed}`,
        `netobs --version (installed bin): first ${r.startup.firstMs} ms, median ${r.startup.medianMs} ms`,
      ].join('\n')
    );
    console.log(JSON.stringify(r));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
