// The Kibana alerting rule type `networkObservability.detections`: on each run it searches the
// rule's look-back window (now − window … now) with the detection catalog (common/detections),
// as the rule's user (its API key: `scopedClusterClient.asCurrentUser`), and raises one alert per
// finding entity (entityKey) in the action group `finding`, with context variables a connector's
// message can use. A pure definition: structural types only, no @kbn import; plugin.ts registers
// it. Followed (elastic/kibana, x-pack/platform/plugins/shared/alerting/server/):
//   types.ts (RuleType, RuleExecutorOptions, RuleExecutorServices: alertsClient, alertFactory)
//   alert/create_alert_factory.ts (create(id).scheduleActions(group, context), alertLimit)
//   alerts_client/types.ts (PublicAlertsClient.report, getAlertLimitValue, setAlertLimitReached)
//   task_runner/rule_url.ts (getViewInAppRelativeUrl: the framework adds base path and space)
import type { DetectionId, Finding } from '../../../common/detections';
import { entityKey } from '../../../common/detections';
import { PLUGIN_ID } from '../../../common/constants';
import { runDetections } from '../analytics/detections';
import type { QueryLanguage, SearchClient } from '../analytics/query_context';
import { checkKqlLimits } from '../analytics/query_context';
import { ruleTypeHasSolution } from './kibana_version';
import type { DetectionsRuleParams } from '../../../common/detections/alerting_params';
import {
  DETECTIONS_RULE_TYPE_ID,
  FINDING_ACTION_GROUP,
  validateAlertingParams,
  windowMs,
} from '../../../common/detections/alerting_params';

export {
  DEFAULT_INTERVAL,
  DEFAULT_WINDOW,
  DETECTIONS_RULE_TYPE_ID,
  FINDING_ACTION_GROUP,
  windowMs,
} from '../../../common/detections/alerting_params';
export type { DetectionsRuleParams } from '../../../common/detections/alerting_params';

/**
 * The rule type's params validation (what the rules client calls on create and update): the
 * shared one (common/detections/alerting_params.ts, also the Stack Management form's), with the
 * query bar's limits and, in Kibana, Kibana's own KQL parser.
 */
export function validateDetectionsParams(
  object: unknown,
  language?: Pick<QueryLanguage, 'kqlToDsl'>
): DetectionsRuleParams {
  return validateAlertingParams(object, (kql) => {
    checkKqlLimits(kql);
    if (kql.trim() && language) language.kqlToDsl(kql);
  });
}

/** The context of a `finding` alert: what a connector's message can say. */
export interface FindingContext {
  [name: string]: string;
  rule: DetectionId;
  title: string;
  severity: string;
  /** The entity concerned, e.g. `source.ip: 203.0.113.66`. */
  entity: string;
  /** The alert's id: the finding's rule and entity (entityKey). */
  entityKey: string;
  summary: string;
  /** The rule's figures, e.g. `distinctPorts: 1024; rejectedShare: 0.99`. */
  evidence: string;
  /** KQL of the documents behind the finding, for Discover. */
  kql: string;
  firstSeen: string;
  lastSeen: string;
  /** The Detections page over the run's window and the finding's KQL. */
  link: string;
}

// --- the executor's view of Kibana (RuleExecutorOptions, as much as we use) ---

export interface AlertLike {
  scheduleActions(actionGroup: string, context?: Record<string, unknown>): unknown;
}

export interface AlertFactoryLike {
  create(id: string): AlertLike;
  alertLimit: { getValue(): number; setLimitReached(reached: boolean): void };
}

export interface AlertsClientLike {
  report(alert: { id: string; actionGroup: string; context?: Record<string, unknown> }): unknown;
  getAlertLimitValue(): number;
  setAlertLimitReached(reached: boolean): void;
}

export interface ExecutorServicesLike {
  scopedClusterClient: { asCurrentUser: SearchClient };
  /** Null unless the rule type declares `alerts` (alerts-as-data); we do not. */
  alertsClient?: AlertsClientLike | null;
  alertFactory: AlertFactoryLike;
}

export interface ExecutorOptionsLike {
  params: DetectionsRuleParams;
  startedAt: Date;
  spaceId: string;
  services: ExecutorServicesLike;
  rule?: { id: string; name: string };
}

export interface ActionVariable {
  name: string;
  description: string;
  usesPublicBaseUrl?: boolean;
}

export interface DetectionsRuleType {
  id: string;
  name: string;
  actionGroups: Array<{ id: string; name: string }>;
  defaultActionGroupId: string;
  minimumLicenseRequired: 'basic';
  isExportable: boolean;
  producer: string;
  category: string;
  solution?: 'observability';
  validate: { params: { validate(object: unknown): DetectionsRuleParams } };
  actionVariables: { context: ActionVariable[]; params: ActionVariable[] };
  executor(options: ExecutorOptionsLike): Promise<{ state: { findings: number } }>;
  getViewInAppRelativeUrl(options: { rule: unknown }): string;
}

export interface DetectionsRuleTypeDeps {
  language: QueryLanguage;
  /** Kibana's version: `solution` exists from 8.19 / 9.1. */
  kibanaVersion: string;
  /** Data stream namespace pattern searched (every namespace by default). */
  namespace?: string;
  /** `server.publicBaseUrl` (with the base path), for absolute links; relative without it. */
  publicBaseUrl?: string;
}

/** `field: value` pairs, entity fields in order. */
function describeEntity(entity: Finding['entity']): string {
  return Object.entries(entity)
    .map(([field, value]) => `${field}: ${value}`)
    .join(', ');
}

function describeEvidence(evidence: Finding['evidence']): string {
  return Object.entries(evidence)
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(' ') : value}`)
    .join('; ');
}

/** rison's string literal (quotes, with `!` and `'` escaped by `!`), as Kibana's URLs carry it. */
const risonString = (value: string) => `'${value.replace(/!/g, '!!').replace(/'/g, "!'")}'`;

export const DETECTIONS_APP_PATH = `/app/${PLUGIN_ID}/detections`;

/**
 * The Detections page over a range and KQL, in the URL state Kibana's apps use (`_g` time,
 * `_a` query; public/lib/url_state.ts reads it); under the space's prefix, absolute when Kibana
 * knows its public URL.
 */
export function detectionsLink(options: {
  publicBaseUrl?: string;
  spaceId: string;
  from: string;
  to: string;
  kql: string;
}): string {
  const space = options.spaceId && options.spaceId !== 'default' ? `/s/${options.spaceId}` : '';
  const g = `(time:(from:${risonString(options.from)},to:${risonString(options.to)}))`;
  const a = `(query:(language:kuery,query:${risonString(options.kql)}))`;
  const base = (options.publicBaseUrl ?? '').replace(/\/$/, '');
  return `${base}${space}${DETECTIONS_APP_PATH}?_g=${encodeURIComponent(g)}&_a=${encodeURIComponent(a)}`;
}

export function findingContext(
  finding: Finding,
  link: Omit<Parameters<typeof detectionsLink>[0], 'kql'>
): FindingContext {
  return {
    rule: finding.rule,
    title: finding.title,
    severity: finding.severity,
    entity: describeEntity(finding.entity),
    entityKey: entityKey(finding),
    summary: finding.summary,
    evidence: describeEvidence(finding.evidence),
    kql: finding.kql,
    firstSeen: finding.firstSeen,
    lastSeen: finding.lastSeen,
    link: detectionsLink({ ...link, kql: finding.kql }),
  };
}

const CONTEXT_VARIABLES: ActionVariable[] = [
  { name: 'rule', description: 'The detection that found it, e.g. port_scan.' },
  { name: 'title', description: 'The detection’s title, e.g. Port scan.' },
  { name: 'severity', description: 'critical, high, medium or low.' },
  { name: 'entity', description: 'What the finding is about, e.g. source.ip: 203.0.113.66.' },
  { name: 'entityKey', description: 'The alert’s id: the detection and its entity.' },
  { name: 'summary', description: 'One line a person reads.' },
  { name: 'evidence', description: 'The detection’s figures (distinct ports, attempts, bytes…).' },
  { name: 'kql', description: 'KQL of the documents behind the finding, for Discover.' },
  { name: 'firstSeen', description: 'First event of the finding (ISO time).' },
  { name: 'lastSeen', description: 'Last event of the finding (ISO time).' },
  {
    name: 'link',
    description: 'The Detections page over this run’s window, filtered to the finding.',
    usesPublicBaseUrl: true,
  },
];

export function detectionsRuleType(deps: DetectionsRuleTypeDeps): DetectionsRuleType {
  return {
    id: DETECTIONS_RULE_TYPE_ID,
    name: 'Network detections',
    actionGroups: [{ id: FINDING_ACTION_GROUP, name: 'Finding' }],
    defaultActionGroupId: FINDING_ACTION_GROUP,
    minimumLicenseRequired: 'basic',
    isExportable: true,
    producer: PLUGIN_ID,
    // DEFAULT_APP_CATEGORIES.observability.id; `solution` only where RuleType has it.
    category: 'observability',
    ...(ruleTypeHasSolution(deps.kibanaVersion) ? { solution: 'observability' as const } : {}),
    validate: { params: { validate: (object) => validateDetectionsParams(object, deps.language) } },
    actionVariables: {
      context: CONTEXT_VARIABLES,
      params: [
        { name: 'rules', description: 'The detections this rule runs.' },
        { name: 'window', description: 'The look-back window of each run.' },
      ],
    },
    getViewInAppRelativeUrl: () => DETECTIONS_APP_PATH,
    async executor({ params, startedAt, spaceId, services }) {
      const to = startedAt.toISOString();
      const from = new Date(startedAt.getTime() - windowMs(params.window)).toISOString();
      const { findings } = await runDetections(
        services.scopedClusterClient.asCurrentUser,
        { from, to, rules: params.rules, params: params.params, kql: params.kql },
        deps.language,
        deps.namespace
      );
      // Findings come most severe first: past the alert limit, the least severe are dropped.
      const byEntity = new Map<string, Finding>();
      for (const finding of findings)
        if (!byEntity.has(entityKey(finding))) byEntity.set(entityKey(finding), finding);
      const alerts = services.alertsClient;
      const limit = alerts
        ? alerts.getAlertLimitValue()
        : services.alertFactory.alertLimit.getValue();
      const raised = [...byEntity].slice(0, limit);
      for (const [id, finding] of raised) {
        const context = findingContext(finding, {
          publicBaseUrl: deps.publicBaseUrl,
          spaceId,
          from,
          to,
        });
        if (alerts) alerts.report({ id, actionGroup: FINDING_ACTION_GROUP, context });
        else services.alertFactory.create(id).scheduleActions(FINDING_ACTION_GROUP, context);
      }
      // Kibana requires the limit to be answered once it has been read (checkLimitUsage).
      const reached = byEntity.size > limit;
      if (alerts) alerts.setAlertLimitReached(reached);
      else services.alertFactory.alertLimit.setLimitReached(reached);
      return { state: { findings: byEntity.size } };
    },
  };
}
