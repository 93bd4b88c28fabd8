// Installs, upgrades, inspects and removes our Elasticsearch assets (component templates,
// ingest pipelines, index templates with their lifecycle). Framework-free: an Elasticsearch
// client in, per-asset results out; the Kibana routes and the netobs CLI both call it.
//
// How an asset's state is told: after a PUT we read the asset back as Elasticsearch stores it,
// hash that (without _meta) and PUT it once more with the hash in _meta.installed_hash. Later,
// a different hash means someone changed the asset by hand ("modified"); an older
// _meta.version, or a _meta.shipped_hash (load_es_assets: the asset as shipped) other than this
// release's, means the plugin has a newer one ("outdated").
import { createHash } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import type { SetupSettings } from '../../../common/api_types';
import { ASSET_VERSION, MANAGED_BY } from '../../../common/constants';
import type { FlowLogFormatEntry, FlowLogFormats } from '../../../common/flow_log_formats';
import { formatEntries, formatsFromEntries } from '../../../common/flow_log_formats';
import type { EsAsset, EsAssetKind } from '../assets/load_es_assets';
import { loadAllEsAssets } from '../assets/load_es_assets';
import { describeEsError, isEsTransportError } from '../es_errors';
import { compareVersions } from './installation_errors';
import type { SourceMode } from './source_mode';
import { sourceModeForLicense } from './source_mode';

/**
 * The parts of the Elasticsearch client the installer uses (Kibana's client fits too); without
 * `license` the installer assumes a licence without synthetic source.
 */
export type EsClient = Pick<Client, 'cluster' | 'ingest' | 'indices'> &
  Partial<Pick<Client, 'license'>>;

/** The component template holding the settings every data stream shares (_source mode too). */
export const SETTINGS_COMPONENT = 'netobs-settings';

export type AssetState =
  'installed' | 'missing' | 'outdated' | 'newer' | 'modified' | 'foreign' | 'unreadable';
export type AssetAction = 'installed' | 'updated' | 'unchanged' | 'failed' | 'removed' | 'skipped';

export interface AssetStatus {
  kind: EsAssetKind;
  name: string;
  state: AssetState;
  installedVersion?: string;
  /** Elasticsearch's reason when the asset could not be read. */
  reason?: string;
}

export interface AssetResult {
  kind: EsAssetKind;
  name: string;
  action: AssetAction;
  error?: string;
  missingPrivileges?: string[];
  /** Something the user should know although the asset installed (e.g. a feature left out). */
  note?: string;
}

export interface InstallOptions {
  /**
   * Data stream retention for the parsed sources, e.g. "30d"; raw keeps its own. Absent, each
   * installed template's retention is kept (a re-run or an upgrade never shortens it).
   */
  retention?: string;
  /**
   * Keep each line's text in event.original even when it parsed (false: only on failure).
   * Absent, each installed pipeline keeps its choice.
   */
  keepOriginal?: boolean;
  /** Reinstall assets even when they are current (repairs hand-modified assets). */
  force?: boolean;
  /**
   * Flow-log formats per CloudWatch log group; absent, the installed pipeline's formats are
   * kept (an upgrade or a re-run never forgets them), {} clears them.
   */
  flowLogFormats?: FlowLogFormats;
  /**
   * _source mode of our data streams; absent, installEsAssets reads GET _license once:
   * synthetic on an active enterprise or trial licence, stored otherwise.
   */
  sourceMode?: SourceMode;
}

type IndexSettings = { mapping?: { source?: { mode?: string } } };

/** The _source mode a component template body sets (nested or flattened settings). */
function sourceModeOf(body: Body): string | undefined {
  const settings = (body.template as { settings?: Record<string, unknown> } | undefined)?.settings;
  if (!settings) return undefined;
  const flat = settings['index.mapping.source.mode'];
  if (typeof flat === 'string') return flat;
  return (settings.index as IndexSettings | undefined)?.mapping?.source?.mode;
}

/** The pipeline that holds the per-log-group formats, in the params of its one script. */
export const FLOWLOG_FORMATS_PIPELINE = 'netobs-flowlog-formats';

type FormatsScript = { script?: { tag?: string; if?: string; params?: { formats?: unknown } } };

function formatsScript(body: Body | undefined): FormatsScript['script'] | undefined {
  const processors = (body?.processors as FormatsScript[] | undefined) ?? [];
  return processors.find((p) => p.script?.tag === 'log_group_format')?.script;
}

/** The retention an installed index template of ours sets, if any. */
export function installedRetention(body: Body | undefined): string | undefined {
  const template = body?.template as { lifecycle?: { data_retention?: unknown } } | undefined;
  const retention = template?.lifecycle?.data_retention;
  return typeof retention === 'string' ? retention : undefined;
}

/** Whether an installed pipeline of ours keeps each line in event.original (setup's option). */
export function installedKeepOriginal(body: Body | undefined): boolean {
  const processors = (body?.processors as Record<string, { tag?: string }>[] | undefined) ?? [];
  return processors.some((p) => p.rename?.tag === 'keep_original');
}

/** The formats an installed netobs-flowlog-formats pipeline holds ({} when none, or not ours). */
export function installedFlowLogFormats(body: Body | undefined): FlowLogFormats {
  const entries = formatsScript(body)?.params?.formats;
  if (entries === null || typeof entries !== 'object') return {};
  return formatsFromEntries(entries as Record<string, FlowLogFormatEntry>);
}

interface Meta {
  version?: string;
  managed_by?: string;
  installed_hash?: string;
  /** load_es_assets' hash of the asset as shipped, carried into the installed copy. */
  shipped_hash?: string;
}

type Body = Record<string, unknown> & { _meta?: Meta };

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a.localeCompare(b)
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function contentHash(body: Body): string {
  const { _meta: _ignored, ...content } = body;
  return createHash('sha256').update(stableStringify(content)).digest('hex').slice(0, 16);
}

/** Fields Elasticsearch adds to stored assets (9.x) that a PUT does not accept. */
const READ_ONLY_FIELDS = new Set([
  'created_date',
  'created_date_millis',
  'modified_date',
  'modified_date_millis',
]);

async function fetchAsset(client: EsClient, kind: EsAssetKind, name: string): Promise<unknown> {
  if (kind === 'component_template') {
    const res = await client.cluster.getComponentTemplate({ name });
    return res.component_templates[0]?.component_template;
  }
  if (kind === 'index_template') {
    const res = await client.indices.getIndexTemplate({ name });
    return res.index_templates[0]?.index_template;
  }
  const res = await client.ingest.getPipeline({ id: name });
  return res[name];
}

/** Reads one asset as Elasticsearch stores it (less read-only fields), or undefined. */
async function getAsset(
  client: EsClient,
  kind: EsAssetKind,
  name: string
): Promise<Body | undefined> {
  try {
    const stored = (await fetchAsset(client, kind, name)) as Body | undefined;
    if (!stored) return undefined;
    return Object.fromEntries(
      Object.entries(stored).filter(([key]) => !READ_ONLY_FIELDS.has(key))
    ) as Body;
  } catch (error) {
    if (describeEsError(error).status === 404) return undefined;
    throw error;
  }
}

async function putAsset(
  client: EsClient,
  kind: EsAssetKind,
  name: string,
  body: Body
): Promise<void> {
  // The typed request shapes differ per API; our bodies are the documented REST bodies.
  const request = { ...body } as never;
  if (kind === 'component_template') {
    await client.cluster.putComponentTemplate({ name, ...(request as object) } as never);
  } else if (kind === 'index_template') {
    await client.indices.putIndexTemplate({ name, ...(request as object) } as never);
  } else {
    await client.ingest.putPipeline({ id: name, ...(request as object) } as never);
  }
}

async function deleteAsset(client: EsClient, kind: EsAssetKind, name: string): Promise<void> {
  if (kind === 'component_template') await client.cluster.deleteComponentTemplate({ name });
  else if (kind === 'index_template') await client.indices.deleteIndexTemplate({ name });
  else await client.ingest.deletePipeline({ id: name });
}

function stateOf(
  installed: Body | undefined,
  shipped: EsAsset
): { state: AssetState; version?: string } {
  if (!installed) return { state: 'missing' };
  const meta = installed._meta ?? {};
  if (meta.managed_by !== MANAGED_BY) return { state: 'foreign', version: meta.version };
  if (meta.version !== ASSET_VERSION) {
    const newer = meta.version !== undefined && compareVersions(meta.version, ASSET_VERSION) > 0;
    return { state: newer ? 'newer' : 'outdated', version: meta.version };
  }
  // Same version, other content (an asset changed without a version bump, or installed before
  // assets carried the hash): the shipped one replaces it.
  if (meta.shipped_hash !== (shipped.body._meta as Meta | undefined)?.shipped_hash) {
    return { state: 'outdated', version: meta.version };
  }
  if (meta.installed_hash && meta.installed_hash !== contentHash(installed)) {
    return { state: 'modified', version: meta.version };
  }
  return { state: 'installed', version: meta.version };
}

/**
 * The formats script's condition: true for the configured log groups only (a condition costs a
 * fraction of a script processor; most CloudWatch lines come from groups without a format).
 */
export function logGroupCondition(groups: string[]): string {
  if (groups.length === 0) return 'false';
  const literal = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  return `[${[...groups].sort().map(literal).join(', ')}].contains(ctx.awscloudwatch?.log_group)`;
}

/** Applies the install options to an asset's body (a copy). */
export function customise(asset: EsAsset, options: InstallOptions): Body {
  const body = structuredClone(asset.body) as Body;
  if (asset.kind === 'index_template' && options.retention && asset.name !== 'logs-netobs.raw') {
    const template = (body.template ?? {}) as { lifecycle?: { data_retention?: string } };
    template.lifecycle = { ...template.lifecycle, data_retention: options.retention };
    body.template = template;
  }
  if (asset.kind === 'component_template' && asset.name === SETTINGS_COMPONENT) {
    const template = (body.template ?? {}) as { settings?: { index?: Record<string, unknown> } };
    const index = (template.settings?.index ?? {}) as IndexSettings & Record<string, unknown>;
    index.mapping = {
      ...index.mapping,
      source: { ...index.mapping?.source, mode: options.sourceMode ?? 'stored' },
    };
    template.settings = { ...template.settings, index };
    body.template = template;
  }
  if (asset.kind === 'ingest_pipeline' && asset.name === FLOWLOG_FORMATS_PIPELINE) {
    const script = formatsScript(body);
    if (script) {
      const formats = formatEntries(options.flowLogFormats ?? {});
      script.params = { ...script.params, formats };
      script.if = logGroupCondition(Object.keys(formats));
    }
  }
  if (asset.kind === 'ingest_pipeline' && options.keepOriginal) {
    // The shipped pipelines drop the raw line with the working fields in one `remove`
    // (remove_working_fields: ["netobs", "message"]); keeping it takes message out of that list
    // and renames it to event.original just before.
    const processors = body.processors as Record<string, { tag?: string; field?: unknown }>[];
    const at = processors.findIndex(
      (p) =>
        p.remove?.tag === 'remove_working_fields' &&
        Array.isArray(p.remove.field) &&
        p.remove.field.includes('message')
    );
    if (at >= 0) {
      const remove = processors[at].remove as { field: string[] };
      const rest = remove.field.filter((field) => field !== 'message');
      processors.splice(
        at,
        1,
        {
          rename: {
            tag: 'keep_original',
            field: 'message',
            target_field: 'event.original',
            ignore_missing: true,
          },
        } as never,
        { remove: { ...remove, field: rest } } as never
      );
    }
  }
  return body;
}

/** Data stream failure store options exist from Elasticsearch 8.19; older clusters refuse them. */
function withoutFailureStore(body: Body): Body | undefined {
  const template = body.template as Record<string, unknown> | undefined;
  if (!template || !('data_stream_options' in template)) return undefined;
  const { data_stream_options: _dropped, ...rest } = template;
  return { ...body, template: rest };
}

async function installOne(
  client: EsClient,
  asset: EsAsset,
  body: Body
): Promise<string | undefined> {
  let note: string | undefined;
  try {
    await putAsset(client, asset.kind, asset.name, body);
  } catch (error) {
    const fallback = withoutFailureStore(body);
    if (!fallback || !/data_stream_options|failure_store/.test(describeEsError(error).reason))
      throw error;
    await putAsset(client, asset.kind, asset.name, fallback);
    note =
      'this cluster has no data stream failure store; parse failures are still indexed with error.message';
  }
  const stored = await getAsset(client, asset.kind, asset.name);
  if (!stored) throw new Error('asset vanished right after it was stored');
  await putAsset(client, asset.kind, asset.name, {
    ...stored,
    _meta: { ...stored._meta, installed_hash: contentHash(stored) },
  });
  return note;
}

/** A failed asset with Elasticsearch's reason and, for a 403, the privilege that would grant it. */
function failedResult(base: { kind: EsAssetKind; name: string }, error: unknown): AssetResult {
  const described = describeEsError(error);
  return {
    ...base,
    action: 'failed',
    error: described.reason,
    missingPrivileges: described.missingPrivileges,
  };
}

/** The flow-log formats configured per CloudWatch log group on this cluster ({} when none). */
export async function readFlowLogFormats(client: EsClient): Promise<FlowLogFormats> {
  return installedFlowLogFormats(
    await getAsset(client, 'ingest_pipeline', FLOWLOG_FORMATS_PIPELINE)
  );
}

/**
 * The options setup last applied, as the installed assets hold them (the VPC template and
 * pipeline stand for all: setup applies an option to every asset alike); undefined when those
 * are not installed by us or cannot be read.
 */
export async function readSetupSettings(client: EsClient): Promise<SetupSettings | undefined> {
  try {
    const template = await getAsset(client, 'index_template', 'logs-netobs.vpcflow');
    const pipeline = await getAsset(client, 'ingest_pipeline', 'netobs-vpcflow');
    const formats = await getAsset(client, 'ingest_pipeline', FLOWLOG_FORMATS_PIPELINE);
    const ours = (body: Body | undefined) => body?._meta?.managed_by === MANAGED_BY;
    if (!ours(template)) return undefined;
    return {
      retention: installedRetention(template),
      keepOriginal: ours(pipeline) ? installedKeepOriginal(pipeline) : undefined,
      flowLogFormats: ours(formats) ? installedFlowLogFormats(formats) : undefined,
    };
  } catch (error) {
    const status = describeEsError(error).status;
    if (status === 401 || status === 403) return undefined;
    throw error;
  }
}

/** The state of every asset, without changing anything. */
export async function esAssetStatus(client: EsClient): Promise<AssetStatus[]> {
  const out: AssetStatus[] = [];
  for (const asset of loadAllEsAssets()) {
    const base = { kind: asset.kind, name: asset.name };
    try {
      const { state, version } = stateOf(await getAsset(client, asset.kind, asset.name), asset);
      out.push({ ...base, state, installedVersion: version });
    } catch (error) {
      // One unreadable asset (typically a missing read privilege) must not hide the others.
      const described = describeEsError(error);
      if (described.status !== 403 && described.status !== 401) throw error;
      out.push({ ...base, state: 'unreadable', reason: described.reason });
    }
  }
  return out;
}

/**
 * Installs what is missing, upgrades what is outdated, leaves current assets alone (unless
 * `force`). Never stops at the first failure: each asset reports its own result.
 */
export async function installEsAssets(
  client: EsClient,
  options: InstallOptions = {}
): Promise<AssetResult[]> {
  const results: AssetResult[] = [];
  // Once per install: the licence decides stored or synthetic _source for every data stream.
  const sourceMode = options.sourceMode ?? (await sourceModeForLicense(client));
  for (const asset of loadAllEsAssets()) {
    const base = { kind: asset.kind, name: asset.name };
    try {
      const installed = await getAsset(client, asset.kind, asset.name);
      const { state } = stateOf(installed, asset);
      // Options not given keep what this asset was installed with (never a foreign one's).
      const ours = installed !== undefined && state !== 'foreign';
      const flowLogFormats =
        options.flowLogFormats ?? (ours ? installedFlowLogFormats(installed) : undefined);
      const retention = options.retention ?? (ours ? installedRetention(installed) : undefined);
      const keepOriginal =
        options.keepOriginal ?? (ours ? installedKeepOriginal(installed) : undefined);
      const wanted = customise(asset, {
        ...options,
        flowLogFormats,
        retention,
        keepOriginal,
        sourceMode,
      });
      const sameOptions =
        installed !== undefined &&
        stableStringify(optionsOf(installed)) === stableStringify(optionsOf(wanted));
      if (state === 'installed' && sameOptions && !options.force) {
        results.push({ ...base, action: 'unchanged' });
        continue;
      }
      if (state === 'foreign' && !options.force) {
        results.push({
          ...base,
          action: 'skipped',
          note: 'an asset of this name exists and is not managed by Network Observability; install with force to replace it',
        });
        continue;
      }
      const installNote = await installOne(client, asset, wanted);
      const sourceNote =
        asset.name === SETTINGS_COMPONENT && sourceMode === 'synthetic'
          ? 'synthetic _source (the licence allows it): about half the disk per record; new backing indices use it from the next rollover'
          : undefined;
      const note = [installNote, sourceNote].filter(Boolean).join('; ') || undefined;
      results.push({ ...base, action: state === 'missing' ? 'installed' : 'updated', note });
    } catch (error) {
      // Without an answer from Elasticsearch every other asset would wait just as long: stop.
      if (isEsTransportError(error)) throw error;
      results.push(failedResult(base, error));
    }
  }
  return results;
}

/** The option-dependent parts of a body, to tell whether options changed since install. */
function optionsOf(body: Body): unknown {
  return {
    retention: installedRetention(body),
    keepOriginal: installedKeepOriginal(body),
    flowLogFormats: formatsScript(body)?.params?.formats,
    sourceMode: sourceModeOf(body),
  };
}

/** Removes our assets (never data): index templates first, then pipelines and components. */
export async function uninstallEsAssets(client: EsClient): Promise<AssetResult[]> {
  const results: AssetResult[] = [];
  for (const asset of loadAllEsAssets().reverse()) {
    const base = { kind: asset.kind, name: asset.name };
    try {
      const installed = await getAsset(client, asset.kind, asset.name);
      if (!installed || installed._meta?.managed_by !== MANAGED_BY) {
        results.push({
          ...base,
          action: 'skipped',
          note: installed ? 'not ours' : 'not installed',
        });
        continue;
      }
      await deleteAsset(client, asset.kind, asset.name);
      results.push({ ...base, action: 'removed' });
    } catch (error) {
      // Without an answer from Elasticsearch every other asset would wait just as long: stop.
      if (isEsTransportError(error)) throw error;
      results.push(failedResult(base, error));
    }
  }
  return results;
}
