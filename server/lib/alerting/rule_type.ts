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
import {
  DETECTION_CATALOG,
  DETECTION_IDS,
  entityKey,
  ruleParams,
} from '../../../common/detections';
import { PLUGIN_ID } from '../../../common/constants';
import { runDetections } from '../analytics/detections';
import type { QueryLanguage, SearchClient } from '../analytics/query_context';
import { checkKqlLimits } from '../analytics/query_context';
import { ruleTypeHasSolution } from './kibana_version';

export const DETECTIONS_RULE_TYPE_ID = 'networkObservability.detections';
export const FINDING_ACTION_GROUP = 'finding';
/** The window a rule created by setup searches, and how often it runs. */
export const DEFAULT_WINDOW = '1h';
export const DEFAULT_INTERVAL = '15m';

export interface DetectionsRuleParams {
  /** The catalog rules this alerting rule runs (setup creates one alerting rule per entry). */
  rules: DetectionId[];
  /** Look-back window of each run: a whole number of minutes, hours or days (1m to 7d). */
  window: string;
  /** Parameter overrides per catalog rule; the catalog's defaults apply to the rest. */
  params?: Partial<Record<DetectionId, Record<string, number | number[]>>>;
  /** KQL narrowing the data searched (e.g. one VPC). */
  kql?: string;
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

const WINDOW_UNITS_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const MAX_WINDOW_MS = 7 * WINDOW_UNITS_MS.d;

/** The window in milliseconds; throws naming `window` when it is not 1m…7d. */
export function windowMs(window: unknown): number {
  const match = typeof window === 'string' ? /^(\d{1,5})(m|h|d)$/.exec(window) : null;
  const ms = match ? Number(match[1]) * WINDOW_UNITS_MS[match[2] as 'm' | 'h' | 'd'] : NaN;
  if (!(ms >= WINDOW_UNITS_MS.m && ms <= MAX_WINDOW_MS))
    throw new Error(
      `[window]: expected minutes, hours or days from 1m to 7d such as 15m or 1h, got ${JSON.stringify(window)}`
    );
  return ms;
}

/**
 * The rule type's params validation (what the rules client calls on create and update, so a bad
 * threshold is a 400 there, never a failing run): known keys only, catalog ids, each override
 * within its parameter's bounds (ruleParams), a window from 1m to 7d, KQL Kibana can parse.
 */
export function validateDetectionsParams(
  object: unknown,
  language?: Pick<QueryLanguage, 'kqlToDsl'>
): DetectionsRuleParams {
  if (object === null || typeof object !== 'object' || Array.isArray(object))
    throw new Error('expected an object');
  const input = object as Record<string, unknown>;
  const unknown = Object.keys(input).find(
    (key) => !['rules', 'window', 'params', 'kql'].includes(key)
  );
  if (unknown) throw new Error(`[${unknown}]: definition for this key is missing`);
  const { rules, window, params, kql } = input;
  if (!Array.isArray(rules) || rules.length === 0)
    throw new Error('[rules]: expected a non-empty list of detection rule ids');
  rules.forEach((id, i) => {
    if (!DETECTION_IDS.includes(id as DetectionId))
      throw new Error(
        `[rules.${i}]: expected one of ${DETECTION_IDS.join(', ')}, got ${JSON.stringify(id)}`
      );
  });
  if (new Set(rules).size !== rules.length) throw new Error('[rules]: a rule is listed twice');
  windowMs(window);
  const validated: DetectionsRuleParams = { rules: rules as DetectionId[], window: String(window) };
  if (params !== undefined) {
    if (params === null || typeof params !== 'object' || Array.isArray(params))
      throw new Error('[params]: expected an object keyed by detection rule id');
    for (const [id, overrides] of Object.entries(params)) {
      const rule = DETECTION_CATALOG.find((candidate) => candidate.id === id);
      if (!rule || !validated.rules.includes(rule.id))
        throw new Error(`[params.${id}]: not one of this rule's detections`);
      if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides))
        throw new Error(`[params.${id}]: expected an object of parameter values`);
      try {
        ruleParams(rule, overrides as Record<string, unknown>);
      } catch (error) {
        throw new Error(`[params.${(error as Error).message.slice(1)}`);
      }
    }
    validated.params = params as DetectionsRuleParams['params'];
  }
  if (kql !== undefined) {
    if (typeof kql !== 'string') throw new Error('[kql]: expected a string');
    try {
      checkKqlLimits(kql);
      if (kql.trim() && language) language.kqlToDsl(kql);
    } catch (error) {
      throw new Error(`[kql]: ${(error as Error).message}`);
    }
    validated.kql = kql;
  }
  return validated;
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
