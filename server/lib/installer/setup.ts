// One setup for everything the product installs: the Elasticsearch assets, then (through a
// port, when a Kibana is there) the saved objects. Used by the setup/status routes and the CLI.
import type { Client } from '@elastic/elasticsearch';
import { ASSET_VERSION } from '../../../common/constants';
import type {
  AlertingSetupResult,
  AlertRuleStatusEntry,
  AssetStatusEntry,
  SetupRequest,
  SetupResponse,
  SetupResult,
  StatusResponse,
} from '../../../common/api_types';
import type { EsClient } from './es_assets';
import {
  esAssetStatus,
  FLOWLOG_FORMATS_PIPELINE,
  installEsAssets,
  installedFlowLogFormats,
  installedKeepOriginal,
  readSetupSettings,
  uninstallEsAssets,
} from './es_assets';
import type { FlowLogFormats } from '../../../common/flow_log_formats';
import { describeEsError } from '../es_errors';
import { SETUP_RULES } from '../validation/request_rules';
import { validateObject } from '../validation/validate_object';
import { compareVersions, InstallationError } from './installation_errors';
import { missingProcessors } from './ingest_capabilities';
import type { AlertRulesPort } from './alert_rules_port';
import type { SimulatePipeline } from './geo_status';
import { clusterSimulate, downloaderStats, geoStatus } from './geo_status';
import type { StatusWithGeo } from '../../../common/geo_status';

/** Saved objects live in Kibana: the plugin reaches them through core, the CLI over HTTP. */
export interface SavedObjectsPort {
  /** The release that installed the saved objects in this space, when one did. */
  installedVersion(): Promise<string | undefined>;
  status(): Promise<AssetStatusEntry[]>;
  install(options: { force?: boolean }): Promise<SetupResult[]>;
  uninstall(): Promise<SetupResult[]>;
  /** The detection rules in Kibana alerting, where the port reaches a Kibana that has them. */
  alertRules?: AlertRulesPort;
}

/**
 * Where the ingest pipelines run when this cluster cannot hold them: `npm start`'s local ingest
 * engine (dev/ingest_bridge). Kibana passes none; status and setup then speak of the cluster only.
 */
export interface PipelineHost {
  /** How status names it, e.g. "the local ingest engine". */
  label: string;
  /** Names of the pipelines it holds. */
  pipelines(): Promise<string[]>;
  /** One pipeline as the host stores it; undefined when it holds none of that name. */
  pipeline(name: string): Promise<Record<string, unknown> | undefined>;
  /** Installs (or replaces) every pipeline there, with setup's pipeline options applied. */
  install(options: HostPipelineOptions): Promise<void>;
  /** Runs an ad hoc pipeline there (_simulate): how status probes the geoip databases. */
  simulate?: SimulatePipeline;
}

/** Setup's options that live in the pipelines (customise() applies them, as on a cluster). */
export interface HostPipelineOptions {
  keepOriginal: boolean;
  flowLogFormats: FlowLogFormats;
}

/** The pipeline options a host holds now (the shipped defaults when it holds no pipelines). */
export async function hostPipelineOptions(host: PipelineHost): Promise<HostPipelineOptions> {
  return {
    keepOriginal: installedKeepOriginal(await host.pipeline('netobs-vpcflow')),
    flowLogFormats: installedFlowLogFormats(await host.pipeline(FLOWLOG_FORMATS_PIPELINE)),
  };
}

/**
 * The options to install on the host: those the request gives, the others as the host's
 * pipelines hold them (as on a cluster), read only when one is missing.
 */
async function hostOptions(
  host: PipelineHost,
  request: SetupRequest
): Promise<HostPipelineOptions> {
  const { keepOriginal, flowLogFormats } = request;
  if (keepOriginal !== undefined && flowLogFormats !== undefined)
    return { keepOriginal, flowLogFormats };
  const held = await hostPipelineOptions(host);
  return {
    keepOriginal: keepOriginal ?? held.keepOriginal,
    flowLogFormats: flowLogFormats ?? held.flowLogFormats,
  };
}

/** Cluster privileges setup needs, and what each is for. */
export const REQUIRED_CLUSTER_PRIVILEGES = {
  manage_index_templates: 'component and index templates (with their lifecycle)',
  manage_ingest_pipelines: 'the ingest pipelines that parse every source',
} as const;

export type SetupClient = EsClient & Pick<Client, 'security' | 'nodes'>;

async function missingPrivileges(client: SetupClient): Promise<string[]> {
  try {
    const result = await client.security.hasPrivileges({
      cluster: Object.keys(REQUIRED_CLUSTER_PRIVILEGES),
    });
    return Object.entries(result.cluster)
      .filter(([, granted]) => !granted)
      .map(([name]) => name);
  } catch (error) {
    // Security switched off (the endpoint is then missing or refuses): everybody may do everything.
    const reason = describeEsError(error).reason;
    if (
      /security.*(disabled|not enabled)|Security must be explicitly enabled|no handler found/i.test(
        reason
      )
    )
      return [];
    throw error;
  }
}

/**
 * The summary of every state: installed when all are current, not_installed when nothing is
 * (assets `absent` count as missing), else newer, outdated or partial. Alerting rules count like
 * assets, except that a user's change (connectors attached, a threshold tuned) is what they are
 * for: a modified rule is as good as installed.
 */
export function summaryState(
  assets: AssetStatusEntry[],
  rules: Pick<AlertRuleStatusEntry, 'state'>[],
  absent: (asset: AssetStatusEntry) => boolean = () => false
): StatusResponse['state'] {
  const ruleStates = rules.map((r) => (r.state === 'modified' ? 'installed' : r.state));
  const states = new Set([...assets.map((a) => a.state), ...ruleStates]);
  if (assets.every((a) => a.state === 'installed') && ruleStates.every((s) => s === 'installed'))
    return 'installed';
  if (
    assets.every((a) => a.state === 'missing' || absent(a)) &&
    ruleStates.every((s) => s === 'missing')
  )
    return 'not_installed';
  return states.has('newer') ? 'newer' : states.has('outdated') ? 'outdated' : 'partial';
}

export async function setupStatus(
  client: SetupClient,
  savedObjects?: SavedObjectsPort,
  pipelineHost?: PipelineHost
): Promise<StatusWithGeo> {
  // A host that does not answer holds nothing we can vouch for: the pipelines then read missing.
  const held = new Set(pipelineHost ? await pipelineHost.pipelines().catch(() => []) : []);
  const es: AssetStatusEntry[] = (await esAssetStatus(client)).map((s) =>
    s.kind === 'ingest_pipeline' && s.state === 'missing' && held.has(s.name)
      ? { type: s.kind, name: s.name, state: 'installed', reason: `runs on ${pipelineHost?.label}` }
      : {
          type: s.kind,
          name: s.name,
          state: s.state,
          installedVersion: s.installedVersion,
          reason: s.reason,
        }
  );
  const assets = [...es, ...(savedObjects ? await savedObjects.status() : [])];
  const alerting = await savedObjects?.alertRules?.status();
  // Pipelines on the stand-in host outlive a fresh cluster: they alone do not make it installed.
  const onHost = (a: AssetStatusEntry) => a.type === 'ingest_pipeline' && held.has(a.name);
  const state = summaryState(assets, alerting?.rules ?? [], onHost);
  const pipelinesMissing = assets.some(
    (a) => a.type === 'ingest_pipeline' && a.state === 'missing'
  );
  const processors = pipelinesMissing ? await missingProcessors(client) : undefined;
  // Geo works where the pipelines run: on the stand-in host when it holds them.
  const geo =
    held.size > 0 && pipelineHost?.simulate
      ? await geoStatus(pipelineHost.simulate, pipelineHost.label)
      : await geoStatus(clusterSimulate(client), 'this cluster', await downloaderStats(client));
  const installed = await readSetupSettings(client);
  // Where the pipelines run on the host, their options are the host's.
  const settings =
    installed && held.size > 0 && pipelineHost
      ? { ...installed, ...(await hostPipelineOptions(pipelineHost).catch(() => undefined)) }
      : installed;
  return {
    version: ASSET_VERSION,
    assets,
    state,
    privileges: {
      cluster: Object.keys(REQUIRED_CLUSTER_PRIVILEGES),
      missing: await missingPrivileges(client),
    },
    ...(processors && processors.length > 0 ? { missingProcessors: processors } : {}),
    ...(held.size > 0 ? { pipelinesOn: pipelineHost?.label } : {}),
    ...(alerting ? { alerting } : {}),
    geo,
    ...(settings ? { settings } : {}),
  };
}

/**
 * Refuses to let this release replace assets a newer one installed: its pipelines or dashboards
 * may rely on fields this release does not know. Checked before anything is changed.
 */
async function refuseDowngrade(client: SetupClient, savedObjects?: SavedObjectsPort) {
  const versions = [
    ...(await esAssetStatus(client)).map((s) => s.installedVersion),
    await savedObjects?.installedVersion(),
    await savedObjects?.alertRules?.installedVersion(),
  ].filter((v): v is string => v !== undefined);
  const newest = versions.sort(compareVersions).at(-1);
  if (newest && compareVersions(newest, ASSET_VERSION) > 0)
    throw new InstallationError(
      `Network Observability ${newest} is installed; this is release ${ASSET_VERSION}. ` +
        'Setup does not downgrade: upgrade this plugin or CLI, or uninstall first.',
      409
    );
}

export async function runSetup(
  client: SetupClient,
  request: SetupRequest,
  savedObjects?: SavedObjectsPort,
  pipelineHost?: PipelineHost
): Promise<SetupResponse> {
  // The routes validate too; the CLI reaches this directly.
  validateObject<SetupRequest>(request, SETUP_RULES);
  await refuseDowngrade(client, savedObjects);
  let es: SetupResult[] = (await installEsAssets(client, request)).map(({ kind, ...rest }) => ({
    type: kind,
    ...rest,
  }));
  // Pipelines this cluster cannot hold (it lacks their processors) go where they can run, when
  // there is such a place; a pipeline refused for another reason (a privilege) stays failed.
  const refused = (r: SetupResult) => r.type === 'ingest_pipeline' && r.action === 'failed';
  if (pipelineHost && es.some(refused) && ((await missingProcessors(client)) ?? []).length > 0) {
    const hosted = await hostOptions(pipelineHost, request)
      .then((options) => pipelineHost.install(options))
      .then(
        () => undefined,
        (error: unknown) => (error instanceof Error ? error.message : String(error))
      );
    es = es.map((r) =>
      !refused(r)
        ? r
        : hosted === undefined
          ? { type: r.type, name: r.name, action: 'installed', note: `on ${pipelineHost.label}` }
          : { ...r, error: `${r.error}; on ${pipelineHost.label} too: ${hosted}` }
    );
  }
  const kibana = savedObjects ? await savedObjects.install({ force: request.force }) : [];
  const alerting = await savedObjects?.alertRules?.install({
    mode: request.alertRules,
    force: request.force,
  });
  const results = [...es, ...kibana];
  return withAlerting({ results, ok: results.every((r) => r.action !== 'failed') }, alerting);
}

/** The response with the alerting rules' results, whose failures fail it too. */
function withAlerting(response: SetupResponse, alerting?: AlertingSetupResult): SetupResponse {
  if (!alerting) return response;
  const failed = alerting.results.some((r) => r.action === 'failed');
  return { ...response, ok: response.ok && !failed, alerting };
}

/**
 * Removes what setup installed, never data. Saved objects go from one Kibana space; the
 * Elasticsearch assets are shared by every space and parse every new line, so they go only when
 * asked for (`elasticsearch`).
 */
export async function runUninstall(
  client: SetupClient,
  savedObjects: SavedObjectsPort | undefined,
  options: { elasticsearch: boolean }
): Promise<SetupResponse> {
  // Rules first: they search the data streams the Elasticsearch assets define.
  const alerting = await savedObjects?.alertRules?.uninstall();
  const kibana = savedObjects ? await savedObjects.uninstall() : [];
  const es: SetupResult[] = options.elasticsearch
    ? (await uninstallEsAssets(client)).map(({ kind, ...rest }) => ({ type: kind, ...rest }))
    : [];
  const results = [...kibana, ...es];
  return withAlerting({ results, ok: results.every((r) => r.action !== 'failed') }, alerting);
}
