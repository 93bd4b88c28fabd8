// Formats the results as the Markdown tables that `npm run bench` prints (and BENCHMARKS.md
// quotes).
import type { AppQueriesResult } from './app_queries';
import type { DetectionsBenchResult } from './detections';
import type { ConnectionDoctorResult } from './investigation_connection';
import type { ScansBenchResult } from './investigation_scans';
import type { SpikesBenchResult } from './investigation_spikes';
import type { EndToEndResult } from './end_to_end';
import type { ForwarderResult } from './forwarder';
import type { CaseCost } from './pipeline_cost';
import type { SetupResult } from './setup_time';
import type { StorageResult } from './storage';

export interface BenchResults {
  startedAt: string;
  machine: {
    cpus: string;
    memoryGiB: number;
    node: string;
    /** 1, 5 and 15 minute load averages when the bench started and ended. */
    loadAverage: number[];
    loadAverageAtEnd?: number[];
  };
  sizes: Record<string, number | string>;
  stack?: { elasticsearch: string; engine: string };
  forwarder?: ForwarderResult;
  setup?: SetupResult;
  pipelines?: CaseCost[];
  endToEnd?: EndToEndResult;
  storage?: StorageResult;
  appQueries?: AppQueriesResult;
  connection?: ConnectionDoctorResult;
  scans?: ScansBenchResult;
  spikes?: SpikesBenchResult;
  detections?: DetectionsBenchResult;
  totalSeconds?: number;
}

const n = (value: number) => value.toLocaleString('en');

function table(header: string[], rows: (string | number)[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

export function formatReport(r: BenchResults): string {
  const out: string[] = [];
  if (r.forwarder) {
    const f = r.forwarder;
    out.push(
      `### 1. Forwarder (${f.objectMB} MB object, ${f.gzipMB} MB gzip, ${n(f.records)} records; loopback sink)`,
      '',
      ...table(
        ['measure', 'seconds', 'lines/s', 'MB/s'],
        [
          [
            'gunzip + split (floor)',
            f.floor.seconds,
            n(f.floor.linesPerSecond),
            f.floor.mbPerSecond,
          ],
          [
            'forwarder → loopback sink',
            f.forwarder.seconds,
            n(f.forwarder.linesPerSecond),
            f.forwarder.mbPerSecond,
          ],
        ]
      ),
      '',
      `Ratio forwarder / floor: **${f.ratioToFloor}**; forwarder peak RSS ${f.forwarder.peakRssMB} MB; shipped ${n(f.forwarder.shipped)}, failed ${f.forwarder.failed}.`,
      ''
    );
  }
  if (r.pipelines) {
    const lines = r.pipelines[0]?.lines ?? 0;
    out.push(
      `### 2. Pipeline cost per document (${n(lines)} lines per case; OpenSearch ${r.stack?.engine ?? ''} ingest engine's numbers for our pipelines)`,
      '',
      ...table(
        [
          'case',
          'netobs-router µs/doc',
          'source pipeline',
          'µs/doc',
          'router + source µs/doc',
          'top processors (µs/doc)',
          'engine docs/s (wall)',
          'sample errors',
        ],
        r.pipelines.map((c) => [
          c.case,
          c.router.microsPerDoc,
          c.source.pipeline,
          c.source.microsPerDoc,
          Math.round((c.router.microsPerDoc + c.source.microsPerDoc) * 10) / 10,
          c.source.topProcessors
            .slice(0, 2)
            .map((p) => `${p.processor} ${p.microsPerDoc}`)
            .join(', '),
          n(c.wallDocsPerSecond),
          `${c.sample.pipelineErrors + c.sample.misrouted}/${c.sample.lines}`,
        ])
      ),
      ''
    );
  }
  if (r.endToEnd) {
    const e = r.endToEnd;
    out.push(
      `### 3. End to end into Elasticsearch ${r.stack?.elasticsearch ?? ''} (${n(e.lines)} VPC default-format lines)`,
      '',
      ...table(
        ['path', 'seconds', 'docs/s', 'indexed'],
        [
          [
            'raw file → netobs ship → bridge (engine: router + vpcflow) → ES',
            e.viaBridge.seconds,
            n(e.viaBridge.docsPerSecond),
            n(e.viaBridge.indexed),
          ],
          [
            'same parsed docs → ES _bulk, pipeline _none',
            e.direct.seconds,
            n(e.direct.docsPerSecond),
            n(e.direct.indexed),
          ],
        ]
      ),
      '',
      `Ratio direct / end to end: **${e.ratio}×** (what parsing costs on this setup).`,
      ''
    );
  }
  if (r.storage) {
    const s = r.storage;
    out.push(
      `### 4. Storage (${s.dataStream}, ${n(s.docs)} docs, force-merged to 1 segment)`,
      '',
      ...table(
        ['bytes on disk / record', 'source bytes / line', 'gzip bytes / line', 'disk ÷ gzip'],
        [
          [
            s.bytesPerRecord,
            s.source.bytesPerLine,
            s.source.gzipBytesPerLine,
            `**${s.ratioToGzip}×**`,
          ],
        ]
      ),
      ''
    );
  }
  if (r.setup) {
    const s = r.setup;
    const actions = (runs: { actions: Record<string, number> }[]) =>
      Object.entries(runs[0]?.actions ?? {})
        .map(([k, v]) => `${v} ${k}`)
        .join(', ');
    out.push(
      `### 5. Setup (server/lib/installer runSetup, median of ${s.fresh.runs.length})`,
      '',
      ...table(
        ['run', 'seconds', 'asset results'],
        [
          ['fresh install', s.fresh.medianSeconds, actions(s.fresh.runs)],
          ['re-run, nothing changed', s.rerun.medianSeconds, actions(s.rerun.runs)],
        ]
      ),
      ''
    );
    if (s.failed.length > 0) {
      out.push(
        `Refused by this node: ${s.failed.map((f) => f.name).join(', ')} (${s.failed[0].error}).`,
        ''
      );
    }
  }
  if (r.appQueries) {
    const a = r.appQueries;
    out.push(
      `### 6. App queries over ${n(a.docs)} VPC records (median / p95 of ${a.runs} runs after a warm-up)`,
      '',
      `Indexed (pre-parsed, pipeline _none, auto ids) in ${a.index.seconds} s = ${n(a.index.docsPerSecond)} docs/s.`,
      '',
      ...table(
        ['function', 'hits', 'median ms', 'p95 ms'],
        a.latencies.map((l) => [l.name, n(l.hits), l.medianMs, l.p95Ms])
      ),
      ''
    );
  }
  const investigations = [
    ...(r.connection?.latencies ?? []).map((l) => [
      'connection doctor',
      l.name,
      `${l.verdict}, ${n(l.hits)} flows`,
      l.medianMs,
      l.p95Ms,
    ]),
    ...(r.scans?.latencies ?? []).map((l) => [
      'scan timeline',
      l.name,
      `${n(l.hits)} scan flows`,
      l.medianMs,
      l.p95Ms,
    ]),
    ...(r.spikes?.latencies ?? []).map((l) => [
      'explained spikes',
      l.name,
      `${n(l.hits)} spikes`,
      l.medianMs,
      l.p95Ms,
    ]),
    ...(r.detections?.latencies ?? []).map((l) => [
      'detections',
      l.name,
      `${n(l.hits)} findings`,
      l.medianMs,
      l.p95Ms,
    ]),
  ];
  if (investigations.length > 0) {
    const docs = r.connection?.docs ?? r.scans?.docs ?? r.detections?.docs ?? 0;
    const runs = r.detections?.runs ?? r.scans?.runs ?? r.connection?.runs ?? 0;
    out.push(
      `### 7. Investigations and detections over ${n(docs)} VPC records (spikes: their own ${n(r.spikes?.docs ?? 0)}; median / p95 of ${runs} runs after a warm-up)`,
      '',
      ...(r.scans
        ? [
            `Scans found ${r.scans.scanners} scanner(s); the planted one ${r.scans.foundPlanted ? 'among them' : 'MISSED'}.`,
            '',
          ]
        : []),
      ...(r.spikes
        ? [
            `Spikes over 24 h: ${r.spikes.found.spikes}, top explanation ${r.spikes.found.top ?? 'none'}.`,
            '',
          ]
        : []),
      ...table(['investigation', 'case', 'answer', 'median ms', 'p95 ms'], investigations),
      ''
    );
  }
  return out.join('\n');
}
