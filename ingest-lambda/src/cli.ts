// The netobs CLI: the forwarder's reader and shipper run locally for backfills and demos, and the
// installer for setup and status. `netobs help` lists the commands.
//
// Start-up: only light modules load up front. The Elasticsearch client, the AWS SDK, the
// installer, the detections and the forwarder load (`await import`) when a command needs them,
// so `netobs --version` and `netobs help` answer in a few tens of milliseconds.
import { createReadStream, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { S3Client } from '@aws-sdk/client-s3';
import { rawDataStream, SOURCE_IDS } from '../../common/constants';
import { redactUrl } from '../../common/redact';
import { parseFormatArgument } from '../../common/flow_log_formats';
import type { SavedObjectsPort } from '../../server/lib/installer/setup';
import type { SetupResponse } from '../../common/api_types';
import type { DetectionId, Finding } from '../../common/detections';
import { DETECTION_IDS } from '../../common/detections';
import { redact, rememberSecrets } from './log';
import type { S3ObjectRef } from './events';
import type { ObjectResult } from './ship_object';

interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

const CONNECTION_OPTIONS = {
  es: { type: 'string' },
  'api-key': { type: 'string' },
  username: { type: 'string' },
  password: { type: 'string' },
} as const;

type CredentialValues = { 'api-key'?: string; username?: string; password?: string };

/**
 * Credentials from the options, else the environment (`ES_API_KEY`, `ES_USERNAME`,
 * `ES_PASSWORD`, or `ES_API_KEY_FILE` / `ES_PASSWORD_FILE` naming a file); Kibana gets the same
 * as Elasticsearch. Every one is masked in whatever the CLI prints.
 */
async function credentials(values: CredentialValues & { es?: string; kibana?: string }) {
  const { credentialsIn, fromEnvOrFile } = await import('./config');
  const found = {
    apiKey: values['api-key'] ?? fromEnvOrFile(process.env, 'ES_API_KEY'),
    username: values.username ?? process.env.ES_USERNAME,
    password: values.password ?? fromEnvOrFile(process.env, 'ES_PASSWORD'),
  };
  rememberSecrets(
    found.apiKey,
    found.password,
    credentialsIn(values.es ?? process.env.ES_URL),
    credentialsIn(values.kibana ?? process.env.KIBANA_URL)
  );
  return found;
}

async function esClient(values: CredentialValues & { es?: string }) {
  const node = values.es ?? process.env.ES_URL;
  if (!node) throw new UsageError('--es <url> (or ES_URL) is required');
  const { createClient } = await import('./config');
  return createClient({ node, ...(await credentials(values)) });
}

class UsageError extends Error {}

function positiveOption(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new UsageError(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** --compression-level: 0 to 9 (see config.compressionLevel), undefined when not given. */
function levelOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw === '' || !Number.isInteger(value) || value < 0 || value > 9)
    throw new UsageError(`--compression-level must be an integer from 0 to 9, got "${raw}"`);
  return value;
}

const KIBANA_OPTIONS = {
  kibana: { type: 'string' },
  space: { type: 'string' },
} as const;

/** Saved objects go through Kibana's HTTP API, with the same credentials as Elasticsearch. */
async function savedObjectsPort(
  values: CredentialValues & { kibana?: string; space?: string }
): Promise<SavedObjectsPort | undefined> {
  const url = values.kibana ?? process.env.KIBANA_URL;
  if (!url) return undefined;
  // Kibana space ids: lowercase letters, digits, _ and - (spaces plugin: space id validation).
  if (values.space !== undefined && !/^[a-z0-9_-]+$/.test(values.space))
    throw new UsageError(
      `--space must be a space id (lowercase letters, digits, _ and -), got "${values.space}"`
    );
  const { kibanaHttpClient } = await import('../../server/lib/installer/kibana_http_client');
  const { kibanaSavedObjectsPort } =
    await import('../../server/lib/installer/kibana_saved_objects_port');
  const { client, importer } = kibanaHttpClient({
    url,
    space: values.space,
    ...(await credentials(values)),
  });
  return kibanaSavedObjectsPort(client, importer);
}

function listFiles(target: string): string[] {
  const stat = statSync(target);
  if (stat.isFile()) return [target];
  return readdirSync(target, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => listFiles(path.join(target, entry.name)));
}

async function listS3(s3: S3Client, url: string): Promise<S3ObjectRef[]> {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!match) throw new UsageError(`not an S3 URL: ${url}`);
  const [, bucket, prefix] = match;
  const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  const out: S3ObjectRef[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token })
    );
    for (const object of page.Contents ?? []) {
      if (object.Key && !object.Key.endsWith('/'))
        out.push({ kind: 's3', bucket, key: object.Key, size: object.Size ?? 0 });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return out;
}

/** Bytes per second with a unit that never rounds moving data to 0.0. */
export function formatRate(bytesPerSecond: number): string {
  if (bytesPerSecond >= 1e6) return `${(bytesPerSecond / 1e6).toFixed(1)} MB/s`;
  if (bytesPerSecond >= 1e3) return `${(bytesPerSecond / 1e3).toFixed(1)} kB/s`;
  return `${Math.round(bytesPerSecond)} B/s`;
}

/** A one-line progress report on stderr (rewritten in place on a terminal). */
class ProgressLine {
  private readonly started = Date.now();
  private last = 0;
  lines = 0;
  bytes = 0;

  constructor(private readonly total: number) {}

  /** `current`, `currentBytes`: lines read and bulk bytes sent so far in the object at hand. */
  update(done: number, current: number, currentBytes: number, force = false): void {
    const now = Date.now();
    if (!force && now - this.last < 1000) return;
    this.last = now;
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const lines = this.lines + current;
    const bytes = this.bytes + currentBytes;
    const text =
      `  object ${Math.min(done + 1, this.total)}/${this.total}  ${lines.toLocaleString('en')} lines  ` +
      `${Math.round(lines / seconds).toLocaleString('en')} lines/s  ${formatRate(bytes / seconds)} shipped`;
    if (process.stderr.isTTY) process.stderr.write(`\r${text}`);
    else process.stderr.write(`${text}\n`);
  }
}

const ship: Command = {
  summary:
    'ship log files, directories or s3:// prefixes to Elasticsearch (the forwarder, locally)',
  usage:
    'netobs ship <file|dir|s3://bucket/prefix>... --es <url> [--namespace default] [--source-hint vpcflow|tgwflow|alb|nlb]\n' +
    '            [--api-key K | --username U --password P] [--s3-endpoint URL] [--bulk-bytes N] [--concurrency N] [--timeout SECONDS (30)]\n' +
    '            [--compression-level 0-9 (1; 0 sends bodies uncompressed)]',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...CONNECTION_OPTIONS,
        namespace: { type: 'string', default: 'default' },
        'source-hint': { type: 'string' },
        's3-endpoint': { type: 'string' },
        'bulk-bytes': { type: 'string' },
        concurrency: { type: 'string' },
        'compression-level': { type: 'string' },
        timeout: { type: 'string' },
      },
    });
    if (positionals.length === 0)
      throw new UsageError('give at least one file, directory or s3:// prefix');
    const hint = values['source-hint'];
    if (hint && !(SOURCE_IDS as readonly string[]).includes(hint)) {
      throw new UsageError(`--source-hint must be one of ${SOURCE_IDS.join(', ')}`);
    }
    if (!/^[a-z0-9_.]{1,64}$/.test(values.namespace))
      throw new UsageError(
        `--namespace must be lowercase letters, digits, _ or . (got "${values.namespace}")`
      );
    // Checked before anything loads or connects.
    const compressionLevel = levelOption(values['compression-level']);
    const client = await esClient(values);
    const { ObjectFailedError, shipS3Object, shipStream } = await import('./ship_object');
    const { UnresponsiveError } = await import('./shipper');
    const endpoint = values['s3-endpoint'] ?? process.env.AWS_ENDPOINT_URL_S3;
    // The AWS SDK loads only when an s3:// prefix is given (local files do not need it).
    let s3Client: S3Client | undefined;
    const s3 = async (): Promise<S3Client> => {
      const { createS3Client } = await import('./config');
      return (s3Client ??= createS3Client(endpoint ? { endpoint, forcePathStyle: true } : {}));
    };
    const timeout = positiveOption(values.timeout, '--timeout');
    const shipper = {
      index: rawDataStream(values.namespace),
      maxBytes: positiveOption(values['bulk-bytes'], '--bulk-bytes'),
      concurrency: positiveOption(values.concurrency, '--concurrency'),
      compressionLevel,
      requestTimeoutMs: (timeout ?? 30) * 1000,
      endpoint: redactUrl(values.es ?? process.env.ES_URL ?? ''),
    };

    type Target = {
      label: string;
      run: (onLines: (lines: number, bytes: number) => void) => Promise<ObjectResult>;
    };
    const targets: Target[] = [];
    for (const arg of positionals) {
      if (arg.startsWith('s3://')) {
        const client3 = await s3();
        for (const object of await listS3(client3, arg)) {
          targets.push({
            label: `s3://${object.bucket}/${object.key}`,
            run: (onLines) =>
              shipS3Object(client3, client, object, shipper, { sourceHint: hint, onLines }),
          });
        }
      } else {
        for (const file of listFiles(arg)) {
          const absolute = path.resolve(file);
          const stat = statSync(absolute);
          targets.push({
            label: absolute,
            run: (onLines) =>
              shipStream(
                client,
                createReadStream(absolute),
                {
                  path: absolute,
                  version: `${stat.size}:${stat.mtimeMs}`,
                  timestamp: stat.mtime.toISOString(),
                  sourceHint: hint,
                },
                shipper,
                { onLines }
              ),
          });
        }
      }
    }
    console.error(`Shipping ${targets.length} object(s) to ${shipper.index}…`);
    const progress = new ProgressLine(targets.length);
    const totals = { lines: 0, created: 0, conflicts: 0, failed: 0, retries: 0 };
    const failures: string[] = [];
    const count = (result: ObjectResult) => {
      progress.lines += result.lines;
      progress.bytes += result.bytes;
      totals.lines += result.lines;
      totals.created += result.created;
      totals.conflicts += result.conflicts;
      totals.failed += result.failed;
      totals.retries += result.retries;
    };
    for (const [i, target] of targets.entries()) {
      try {
        const result = await target.run((lines, bytes) => progress.update(i, lines, bytes));
        count(result);
        if (result.failed > 0)
          failures.push(
            `${target.label}: ${result.failed} failed ${JSON.stringify(result.failureReasons)}`
          );
      } catch (error) {
        // What was indexed before the object failed counts: the totals are what is in Elasticsearch.
        if (error instanceof ObjectFailedError) count(error.partial);
        failures.push(`${target.label}: ${error instanceof Error ? error.message : String(error)}`);
        // An unresponsive Elasticsearch will not answer for the next object either: stop, and
        // say which objects were not attempted, so none is silently left out.
        if (error instanceof ObjectFailedError && error.cause instanceof UnresponsiveError) {
          const rest = targets.slice(i + 1);
          if (rest.length > 0)
            failures.push(
              `${rest.length} more object(s) not attempted: ${rest
                .slice(0, 5)
                .map((t) => t.label)
                .join(', ')}${rest.length > 5 ? ', …' : ''}`
            );
          break;
        }
      }
    }
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.error(
      `Done: ${totals.lines.toLocaleString('en')} lines, ${totals.created.toLocaleString('en')} indexed, ` +
        `${totals.conflicts.toLocaleString('en')} already there, ${totals.failed} failed, ${totals.retries} retries.`
    );
    failures.forEach((failure) => console.error(redact(`  FAILED ${failure}`)));
    await client.close();
    return failures.length > 0 ? 1 : 0;
  },
};

function printFlowLogFormats(formats: Record<string, string>): void {
  const groups = Object.keys(formats).sort();
  if (groups.length === 0) {
    console.log(
      '\nflow-log formats: none configured (CloudWatch flow logs use the default format)'
    );
    return;
  }
  console.log('\nflow-log formats of CloudWatch log groups:');
  for (const group of groups) console.log(`  ${group}: ${formats[group]}`);
}

function printResults(result: SetupResponse): void {
  for (const r of result.results) {
    const extra = r.error
      ? `  ${r.error}${r.missingPrivileges ? ` (needs ${r.missingPrivileges.join(' or ')})` : ''}`
      : r.note
        ? `  ${r.note}`
        : '';
    console.log(redact(`${r.action.padEnd(10)} ${r.type.padEnd(19)} ${r.name}${extra}`));
  }
}

const setup: Command = {
  summary:
    'install or upgrade the Elasticsearch assets (templates, pipelines, lifecycle) and, with --kibana, the data views, saved searches, saved queries and dashboards',
  usage:
    'netobs setup --es <url> [--kibana <url> [--space S]] [--retention 30d] [--keep-original | --no-keep-original] [--flowlog-format "<log group>=<fields>" ...] [--force] [--api-key K | --username U --password P]',
  async run(args) {
    // Options not given keep what is installed (retention, keep-original, formats): a re-run or
    // an upgrade never undoes them; --no-keep-original turns keep-original off again.
    const { values } = parseArgs({
      args,
      allowNegative: true,
      options: {
        ...CONNECTION_OPTIONS,
        ...KIBANA_OPTIONS,
        retention: { type: 'string' },
        'keep-original': { type: 'boolean' },
        'flowlog-format': { type: 'string', multiple: true },
        force: { type: 'boolean' },
      },
    });
    // Checked before connecting: a typo in a field name is a usage error, not a failed setup.
    const formatChanges = (values['flowlog-format'] ?? []).map((argument) => {
      try {
        return parseFormatArgument(argument);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    });
    const client = await esClient(values);
    const { runSetup } = await import('../../server/lib/installer/setup');
    const { readFlowLogFormats } = await import('../../server/lib/installer/es_assets');
    // Each --flowlog-format sets (or, with nothing after "=", removes) one log group's format;
    // the groups configured before keep theirs.
    let flowLogFormats: Record<string, string> | undefined;
    if (formatChanges.length > 0) {
      flowLogFormats = await readFlowLogFormats(client);
      for (const { group, format } of formatChanges) {
        if (format === undefined) delete flowLogFormats[group];
        else flowLogFormats[group] = format;
      }
    }
    const result = await runSetup(
      client,
      {
        retention: values.retention,
        keepOriginal: values['keep-original'],
        force: values.force,
        flowLogFormats,
      },
      await savedObjectsPort(values)
    );
    printResults(result);
    if (flowLogFormats) printFlowLogFormats(flowLogFormats);
    await client.close();
    return result.ok ? 0 : 1;
  },
};

const status: Command = {
  summary: 'show which assets are installed, outdated, modified or missing',
  usage:
    'netobs status --es <url> [--kibana <url> [--space S]] [--api-key K | --username U --password P]',
  async run(args) {
    const { values } = parseArgs({ args, options: { ...CONNECTION_OPTIONS, ...KIBANA_OPTIONS } });
    const client = await esClient(values);
    const { setupStatus } = await import('../../server/lib/installer/setup');
    const status = await setupStatus(client, await savedObjectsPort(values));
    for (const a of status.assets) {
      console.log(
        `${a.state.padEnd(10)} ${a.type.padEnd(19)} ${a.name}${a.installedVersion ? `  (${a.installedVersion})` : ''}`
      );
    }
    const settings = status.settings;
    if (settings) {
      console.log(
        `\nretention ${settings.retention ?? 'none (kept until deleted)'}, ` +
          `event.original ${settings.keepOriginal ? 'kept for every line (--keep-original)' : 'kept only for lines that failed to parse'}`
      );
      const formats = settings.flowLogFormats;
      if (formats && Object.keys(formats).length > 0) printFlowLogFormats(formats);
    }
    console.log(`\n${status.state} (version ${status.version})`);
    if (status.privileges.missing.length > 0)
      console.log(`missing cluster privileges for setup: ${status.privileges.missing.join(', ')}`);
    if (status.missingProcessors)
      console.log(
        `this cluster cannot run the pipelines: no node offers ${status.missingProcessors.join(', ')}`
      );
    if (status.geo) console.log(status.geo.message);
    await client.close();
    return status.state === 'installed' ? 0 : 1;
  },
};

const uninstall: Command = {
  summary:
    'remove the assets setup installed (never data; a template still used by a data stream stays)',
  usage:
    'netobs uninstall --es <url> [--kibana <url> [--space S] [--elasticsearch]] [--api-key K | --username U --password P]\n' +
    "            with --kibana, only that space's saved objects go, unless --elasticsearch (templates and pipelines every space shares)",
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { ...CONNECTION_OPTIONS, ...KIBANA_OPTIONS, elasticsearch: { type: 'boolean' } },
    });
    const client = await esClient(values);
    const port = await savedObjectsPort(values);
    const { runUninstall } = await import('../../server/lib/installer/setup');
    const result = await runUninstall(client, port, {
      elasticsearch: port === undefined || values.elasticsearch === true,
    });
    printResults(result);
    await client.close();
    return result.ok ? 0 : 1;
  },
};

function entityText(finding: Finding): string {
  return Object.entries(finding.entity)
    .map(([field, value]) => `${field}=${value}`)
    .join(' ');
}

const detect: Command = {
  summary:
    'run the detection catalog over the data and print the findings; exit 0 when there are none, 1 when there are, 3 when it could not look (for cron or CI)',
  usage:
    'netobs detect --es <url> [--from now-24h] [--to now] [--rules port_scan,bruteforce] [--kql Q] [--json] [--api-key K | --username U --password P]',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        ...CONNECTION_OPTIONS,
        from: { type: 'string', default: 'now-24h' },
        to: { type: 'string', default: 'now' },
        rules: { type: 'string' },
        kql: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    const rules = values.rules?.split(',').map((rule) => rule.trim());
    const unknown = rules?.find((rule) => !(DETECTION_IDS as readonly string[]).includes(rule));
    if (unknown !== undefined)
      throw new UsageError(
        `--rules: no rule "${unknown}"; the rules are ${DETECTION_IDS.join(', ')}`
      );
    const client = await esClient(values);
    try {
      const { runDetections } = await import('../../server/lib/analytics/detections');
      const { localQueryLanguage } = await import('../../dev/query_language');
      const { findings, rules: ran } = await runDetections(
        client,
        {
          from: values.from,
          to: values.to,
          kql: values.kql,
          rules: rules as DetectionId[] | undefined,
        },
        localQueryLanguage
      );
      if (values.json) {
        console.log(redact(JSON.stringify({ findings, rules: ran }, null, 2)));
      } else {
        for (const finding of findings)
          console.log(
            redact(
              `${finding.severity.padEnd(8)} ${finding.rule.padEnd(15)} ${entityText(finding)}  ${finding.summary}  (last seen ${finding.lastSeen})\n         ${finding.kql}`
            )
          );
        console.log(
          `${findings.length} finding${findings.length === 1 ? '' : 's'} from ${ran.length} rules, ${values.from} to ${values.to}`
        );
      }
      return findings.length > 0 ? 1 : 0;
    } catch (error) {
      // Not 1: a cron job or CI step must tell "findings" from "could not look".
      console.error(
        redact(`netobs detect failed: ${error instanceof Error ? error.message : String(error)}`)
      );
      return 3;
    } finally {
      await client.close();
    }
  },
};

export const COMMANDS: Record<string, Command> = { ship, setup, status, uninstall, detect };

function help(): void {
  console.log('netobs: Network Observability for AWS on the Elastic Stack\n');
  for (const [name, command] of Object.entries(COMMANDS))
    console.log(`  ${name.padEnd(8)} ${command.summary}\n    ${command.usage}\n`);
}

/** The package's version (package.json two levels up, from src/ as from the bundle in dist/). */
export function version(): string {
  const file = path.join(__dirname, '..', '..', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--version' || name === 'version') {
    console.log(version());
    return 0;
  }
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    help();
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      console.error(redact(`netobs ${name}: ${error.message}\nusage: ${command.usage}`));
      return 2;
    }
    console.error(
      redact(`netobs ${name} failed: ${error instanceof Error ? error.message : String(error)}`)
    );
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
