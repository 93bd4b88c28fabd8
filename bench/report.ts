// Formats the results as the Markdown tables that `npm run bench` prints (and BENCHMARKS.md
// quotes).
import type { AppQueriesResult, QueryComparison } from './app_queries';
import { formatQueryComparison } from './app_queries';
import type { DetectionsBenchResult } from './detections';
import type { ConnectionDoctorResult } from './investigation_connection';
import type { ScansBenchResult } from './investigation_scans';
import type { SpikesBenchResult } from './investigation_spikes';
import type { EndToEndResult } from './end_to_end';
import type { ForwarderResult } from './forwarder';
import type { CaseCost } from './pipeline_cost';
import type { SetupResult } from './setup_time';
import type { StorageResult } from './storage';
import type { StorageVariantResult } from './storage_variants';
import { formatStorageVariants } from './storage_variants';

export interface BenchResults {
  startedAt: string;
  machine: {
    cpus: string;
    memoryGiB: number;
    node: string;
    /** 1, 5 and 15 minute load averages when the bench started and ended. */
    loadAverage: number[];
    loadAverageAtEnd?: number[];
    /** The 1-minute load average as each section started. */
    sectionLoads?: { title: string; seconds: number; load: number }[];
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
  storageVariants?: StorageVariantResult[];
  queryComparison?: QueryComparison;
  totalSeconds?: number;
}

const n = (value: number) => value.toLocaleString('en');
const round1 = (value: number) => Math.round(value * 10) / 10;

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
    const row = (
      name: string,
      m: { seconds: number; linesPerSecond: number; mbPerSecond: number },
      ratio: number | string
    ) => [name, m.seconds, n(m.linesPerSecond), m.mbPerSecond, ratio];
    out.push(
      `### 1. Forwarder (${f.objectMB} MB object, ${f.gzipMB} MB gzip, ${n(f.records)} records; loopback sink; load ${f.loadAverage.start.join(' ')} → ${f.loadAverage.end.join(' ')})`,
      '',
      `Each row in a fresh process, ${f.rounds.count} rounds (the rows in turn), medians shown; floors timed around the read, the forwarder from spawn to exit. Seconds per round: ` +
        `floor ${f.rounds.seconds.floor.join(' / ')}; issue's floor ${f.rounds.seconds.issueFloor.join(' / ')}; ` +
        `fast floor ${f.rounds.seconds.fastFloor.join(' / ')}; forwarder ${f.rounds.seconds.forwarder.join(' / ')}.`,
      '',
      ...table(
        ['measure', 'seconds', 'lines/s', 'MB/s', 'forwarder ÷ this'],
        [
          row("floor: gunzip + split (the forwarder's own splitter)", f.floor, f.ratioToFloor),
          row(
            'floor with the splitter issue 15 measured against',
            f.issueFloor,
            `**${f.ratioToIssueFloor}**`
          ),
          row(
            'fast floor: 256 KiB reads, newline scan on Buffers',
            f.fastFloor,
            `**${f.ratioToFastFloor}**`
          ),
          row('forwarder → loopback sink', f.forwarder, ''),
        ]
      ),
      '',
      `Forwarder peak RSS ${f.forwarder.peakRssMB} MB; shipped ${n(f.forwarder.shipped)}, failed ${f.forwarder.failed}. ` +
        `\`netobs --version\` (installed bin): ${f.startup.firstMs} ms first run, ${f.startup.medianMs} ms median.`,
      ''
    );
  }
  if (r.pipelines) {
    const lines = r.pipelines[0]?.lines ?? 0;
    const sum = (run: { router: { microsPerDoc: number }; source: { microsPerDoc: number } }) =>
      round1(run.router.microsPerDoc + run.source.microsPerDoc);
    out.push(
      `### 2. Pipeline cost per document (${n(lines)} lines per case; OpenSearch ${r.stack?.engine ?? ''} ingest engine's numbers for our pipelines)`,
      '',
      'With geo: the lines as generated (the public share below gets GeoIP City and ASN lookups). ' +
        'Without geo: the same lines with every public address made private, so netobs-geo skips them.',
      '',
      ...table(
        [
          'case',
          'source pipeline',
          'public share',
          'router µs/doc',
          'router + source µs/doc, with geo',
          'without geo',
          'netobs-geo µs/doc with / without',
          'top processors, with geo (µs/doc)',
          'engine CPU µs/doc with / without geo',
          'engine docs/s (wall)',
          'sample errors',
        ],
        r.pipelines.map((c) => [
          c.case,
          c.source.pipeline,
          `${Math.round(c.publicShare * 100)}%`,
          c.router.microsPerDoc,
          `**${sum(c)}**`,
          `**${sum(c.privateOnly)}**`,
          `${c.geoMicrosPerDoc} / ${c.privateOnly.geoMicrosPerDoc}`,
          c.source.topProcessors
            .slice(0, 3)
            .map((p) => `${p.processor} ${p.microsPerDoc}`)
            .join(', '),
          `${c.engineCpuMicrosPerDoc} / ${c.privateOnly.engineCpuMicrosPerDoc}`,
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
  if (r.storageVariants && r.storageVariants.length > 0) {
    out.push(
      `### 8. Storage variants over the same ${n(r.storageVariants[0].docs)} parsed VPC records (each force-merged to one segment)`,
      '',
      formatStorageVariants(r.storageVariants, r.storage?.source.gzipBytesPerLine ?? 0, {
        fieldsOf: ['after', 'after-synthetic'],
      }),
      ''
    );
  }
  if (r.queryComparison) out.push(formatQueryComparison(r.queryComparison), '');
  const targets = targetRows(r);
  if (targets.length > 0) {
    out.push(
      '### Issue 15 targets, this run',
      '',
      ...table(['measure', 'before issue 15', 'this run', 'target', 'met'], targets),
      '',
      `Machine load (1-minute average) as each section started: ${(r.machine.sectionLoads ?? [])
        .map((s) => `${s.title.replace(/ \(:\d+\)/g, '').replace(/[:…].*$/, '')} ${s.load}`)
        .join(
          '; '
        )}; at the end ${r.machine.loadAverageAtEnd?.[0] ?? '-'} (1, 5, 15 minutes at the start: ${r.machine.loadAverage.join(' ')}).`,
      ''
    );
  }
  return out.join('\n');
}

const met = (ok: boolean) => (ok ? 'yes' : '**no**');

/** Issue 15's table: each measure with this run's figure beside the figure it started from. */
export function targetRows(r: BenchResults): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const f = r.forwarder;
  if (f) {
    rows.push(
      [
        'forwarder ÷ the gunzip+split floor (the splitter the issue measured)',
        0.145,
        f.ratioToIssueFloor,
        '≥ 0.5',
        met(f.ratioToIssueFloor >= 0.5),
      ],
      [
        "  (÷ today's floor: gunzip + the forwarder's faster splitter)",
        '-',
        f.ratioToFloor,
        '-',
        '-',
      ],
      [
        'forwarder ÷ fast floor (256 KiB reads, newline scan on Buffers)',
        '≈ 0.05',
        f.ratioToFastFloor,
        '≥ 0.25',
        met(f.ratioToFastFloor >= 0.25),
      ],
      [
        `peak RSS shipping a ${f.objectMB} MB object`,
        '363 MB',
        `${f.forwarder.peakRssMB} MB`,
        '≤ 150 MB',
        met(f.forwarder.peakRssMB <= 150),
      ],
      [
        '`netobs --version`, installed bin (median)',
        '≈ 1.6 s (npx)',
        `${f.startup.medianMs} ms`,
        '≤ 0.3 s',
        met(f.startup.medianMs <= 300),
      ]
    );
  }
  const variant = (name: string) => r.storageVariants?.find((v) => v.name === name);
  const stored = variant('after');
  if (stored) {
    rows.push([
      'bytes on disk per VPC record, stored `_source` (basic licence)',
      '354–384',
      stored.bytesPerRecord,
      '≤ 180',
      met(stored.bytesPerRecord <= 180),
    ]);
  }
  const synthetic = variant('after-synthetic');
  if (synthetic) {
    rows.push([
      'the same with synthetic `_source` (enterprise/trial licence; what setup installs there)',
      '-',
      synthetic.bytesPerRecord,
      '≤ 100',
      met(synthetic.bytesPerRecord <= 100),
    ]);
  }
  const vpc = r.pipelines?.find((c) => c.case === 'vpc-default');
  if (vpc) {
    const without = round1(
      vpc.privateOnly.router.microsPerDoc + vpc.privateOnly.source.microsPerDoc
    );
    const withGeo = round1(vpc.router.microsPerDoc + vpc.source.microsPerDoc);
    rows.push(
      [
        'router + VPC pipeline per document (default format, no geo lookups: like for like)',
        '30–32 µs',
        `${without} µs`,
        '≤ 15 µs',
        met(without <= 15),
      ],
      [
        `  the same with geo lookups (${Math.round(vpc.publicShare * 100)}% of lines with a public address)`,
        '-',
        `${withGeo} µs`,
        '-',
        '-',
      ]
    );
  }
  const overview = r.queryComparison?.rows.find(
    (row) => row.name === 'overview(vpcflow), last 24 h'
  );
  if (overview) {
    rows.push([
      `overview p95 over ${n(r.queryComparison!.docs)} records, before / after the storage changes (same run)`,
      `${overview.before.p95Ms} ms`,
      `${overview.after.p95Ms} ms`,
      'not slower (≤ 1.1×: run-to-run noise)',
      met(overview.after.p95Ms <= overview.before.p95Ms * 1.1),
    ]);
  }
  return rows;
}
