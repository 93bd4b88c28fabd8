// Kibana's alerting plugin as our plugin meets it, as strict as Kibana on the paths we use. Each
// rule follows a Kibana file (elastic/kibana, x-pack/platform/plugins/shared/alerting/server/;
// before 8.18 x-pack/plugins/alerting/server/):
//
//  registerType  plugin.ts registerType: `minimumLicenseRequired` must be a license type
//                ('"<x>" is not a valid license type'); cancelAlertsOnRuleTimeout false needs
//                autoRecoverAlerts false. rule_type_registry.ts register: duplicate ids, the id
//                pattern of ruleTypeIdSchema (/^[a-zA-Z0-9_\-\.]*$/), reserved action groups
//                (`recovered`), duplicate severity levels, valid durations. Not checked by Kibana
//                (so not here): producer, category, solution, defaultActionGroupId.
//  rules client  rules_client/rules_client.ts over application/rule/methods/*:
//                create (create_rule.ts): the type must be registered (400 'Rule type "<id>" is
//                not registered.'), authorization (alerting_authorization.ts: from 8.18 a consumer
//                no feature grants for the type is refused even to superusers; before, the
//                consumer must be `alerts` or a feature with alerting, and the user needs
//                privileges at consumer and producer), `validate.params` (400 'params invalid:
//                …'), actions need `frequency` unless the rule sets notifyWhen/throttle
//                (validate_actions.ts), an explicit id taken in any space is a 409 (the `alert`
//                saved object is multiple-isolated), an API key only for an enabled rule;
//                find (find_rules.ts): KQL on `alert.attributes.*`, only this space, pages;
//                update (update_rule.ts): full replacement of name, tags, schedule, params,
//                actions, notification fields; `revision` bumped only when one of them changed;
//                enabled kept; an enabled rule's API key re-created as the updating user;
//                delete: 404 when missing; bulkEnableRules/bulkDisableRules: per-rule errors in
//                `errors`, revision unchanged.
//                Errors are Boom errors (`output.statusCode`).
//  start         plugin.ts getRulesClientWithRequest: throws without an encryption key
//                ("Unable to create alerts client because the Encrypted Saved Objects plugin is
//                missing encryption key…"); the client acts in the request's space.
//  executor      alert/create_alert_factory.ts: create(id) throws past the alert limit
//                (xpack.alerting.rules.run.alerts.max, 1000); reading alertLimit.getValue()
//                obliges setLimitReached (checkLimitUsage). alertsClient is null unless the rule
//                type declares `alerts` (alerts_service.ts createAlertsClient).
import type { KibanaFeatureConfig } from '@kbn/features-plugin/server';
import type {
  BulkOperationAnswer,
  CreateRuleData,
  RuleLike,
  RulesClientLike,
  UpdateRuleData,
} from '../../server/lib/alerting/rules_client';
import type { DetectionsRuleType, ExecutorServicesLike } from '../../server/lib/alerting/rule_type';
import { BoomError } from './kibana_saved_objects';

const LICENSE_TYPES = ['basic', 'standard', 'gold', 'platinum', 'enterprise', 'trial'];
const RESERVED_GROUPS = ['recovered'];
const DURATION = /^[1-9][0-9]*[smhd]$/;
export const ENCRYPTION_KEY_MISSING =
  'Unable to create alerts client because the Encrypted Saved Objects plugin is missing encryption key. Please set xpack.encryptedSavedObjects.encryptionKey in the kibana.yml or use the bin/kibana-encryption-keys command.';

const ERRORS: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
};
const boom = (statusCode: number, message: string) =>
  new BoomError(statusCode, ERRORS[statusCode], message);

type AnyRuleType = Pick<DetectionsRuleType, 'id' | 'name' | 'producer' | 'validate'> & {
  actionGroups: Array<{ id: string; name: string; severity?: { level: number } }>;
  minimumLicenseRequired: string;
  cancelAlertsOnRuleTimeout?: boolean;
  autoRecoverAlerts?: boolean;
  ruleTaskTimeout?: string;
  defaultScheduleInterval?: string;
};

/** The rule type registry's checks at registration (plugin.ts + rule_type_registry.ts). */
export function validateRuleType(ruleType: AnyRuleType, registered: ReadonlySet<string>): void {
  if (!LICENSE_TYPES.includes(ruleType.minimumLicenseRequired))
    throw new Error(`"${ruleType.minimumLicenseRequired}" is not a valid license type`);
  if (ruleType.cancelAlertsOnRuleTimeout === false && ruleType.autoRecoverAlerts !== false)
    throw new Error(
      `Rule type "${ruleType.id}" cannot have both cancelAlertsOnRuleTimeout set to false and autoRecoverAlerts set to true.`
    );
  if (registered.has(ruleType.id))
    throw new Error(`Rule type "${ruleType.id}" is already registered.`);
  for (const [field, label] of [
    ['ruleTaskTimeout', 'timeout'],
    ['defaultScheduleInterval', 'default interval'],
  ] as const) {
    const value = ruleType[field];
    if (value !== undefined && !DURATION.test(value))
      throw new Error(
        `Rule type "${ruleType.id}" has invalid ${label}: Invalid duration "${value}". Durations must be of the form {number}x. Example: 5s, 5m, 5h or 5d".`
      );
  }
  const reserved = ruleType.actionGroups.filter((g) => RESERVED_GROUPS.includes(g.id));
  if (reserved.length > 0)
    throw new Error(
      `Rule type [id="${ruleType.id}"] cannot be registered. Action groups [${reserved.map((g) => g.id).join(', ')}] are reserved by the framework.`
    );
  const levels = ruleType.actionGroups.flatMap((g) => (g.severity ? [g.severity.level] : []));
  if (new Set(levels).size !== levels.length)
    throw new Error(
      `Rule type [id="${ruleType.id}"] cannot be registered. Action group definitions cannot contain duplicate severity levels.`
    );
  const invalid = ruleType.id.match(/[^a-zA-Z0-9_\-.]+/g);
  if (invalid)
    throw new Error(
      `expected RuleType Id not to include invalid character${invalid.length > 1 ? 's' : ''}: ${invalid.join(', ')}`
    );
}

/** A feature's alerting entries, both shapes (features/common/alerting_kibana_privilege.ts). */
type Grant = ReadonlyArray<string | { ruleTypeId: string; consumers: readonly string[] }>;

function grants(grant: Grant | undefined): Array<{ ruleTypeId: string; consumers?: string[] }> {
  return (grant ?? []).map((g) =>
    typeof g === 'string'
      ? { ruleTypeId: g }
      : { ruleTypeId: g.ruleTypeId, consumers: [...g.consumers] }
  );
}

const at = (major: number, minor: number, version: string) => {
  const [x, y] = version.split('.').map(Number);
  return x > major || (x === major && y >= minor);
};

/**
 * The feature's alerting entries as feature_schema.ts validates them: rule type ids up to 8.17,
 * `{ ruleTypeId, consumers (≥ 1) }` from 8.18; privileges may only name what the top level lists,
 * and everything the top level lists must be granted by some privilege.
 */
export function validateFeatureAlerting(feature: KibanaFeatureConfig, kibanaVersion: string) {
  const objects = at(8, 18, kibanaVersion);
  const shape = (grant: unknown, where: string) => {
    if (grant === undefined) return;
    if (!Array.isArray(grant)) throw new Error(`[${where}]: expected value of type [array]`);
    for (const [i, g] of grant.entries()) {
      if (objects) {
        const ok =
          g !== null &&
          typeof g === 'object' &&
          typeof (g as { ruleTypeId?: unknown }).ruleTypeId === 'string' &&
          Array.isArray((g as { consumers?: unknown }).consumers) &&
          (g as { consumers: unknown[] }).consumers.length >= 1;
        if (!ok)
          throw new Error(
            `[${where}.${i}]: expected { ruleTypeId: string, consumers: string[] (at least 1) }`
          );
      } else if (typeof g !== 'string')
        throw new Error(`[${where}.${i}]: expected value of type [string] but got [Object]`);
    }
  };
  shape(feature.alerting, 'alerting');
  const listed = grants(feature.alerting as Grant);
  const used = new Set<string>();
  for (const [id, privilege] of Object.entries(feature.privileges ?? {})) {
    const alerting = privilege.alerting ?? {};
    if (Object.keys(alerting).some((k) => !['rule', 'alert'].includes(k)))
      throw new Error(`[privileges.${id}.alerting]: expected keys rule and alert`);
    for (const entity of ['rule', 'alert'] as const)
      for (const op of ['all', 'read'] as const) {
        const grant = alerting[entity]?.[op];
        shape(grant, `privileges.${id}.alerting.${entity}.${op}`);
        for (const g of grants(grant as Grant)) {
          const top = listed.find((l) => l.ruleTypeId === g.ruleTypeId);
          if (!top)
            throw new Error(
              objects
                ? `Feature privilege ${feature.id}.${id} has unknown ruleTypeId: ${g.ruleTypeId}`
                : `Feature privilege ${feature.id}.${id} has unknown alerting entries: ${g.ruleTypeId}`
            );
          for (const consumer of g.consumers ?? []) {
            if (!top.consumers?.includes(consumer))
              throw new Error(
                `Feature privilege ${feature.id}.${id} has unknown consumer: ${consumer}`
              );
            used.add(`${g.ruleTypeId}/${consumer}`);
          }
          used.add(g.ruleTypeId);
        }
      }
  }
  const ungranted = listed.filter(
    (l) =>
      !used.has(l.ruleTypeId) || (l.consumers ?? []).some((c) => !used.has(`${l.ruleTypeId}/${c}`))
  );
  if (ungranted.length > 0)
    throw new Error(
      `Feature ${feature.id} specifies alerting ${objects ? 'rule types / consumers' : 'entries'} which are not granted to any privileges: ${ungranted.map((l) => l.ruleTypeId).join(',')}`
    );
}

interface StoredRule extends RuleLike {
  space: string;
  apiKeyOwner?: string;
}

/** Who the request is, and which privileges of which rule type/consumer they hold. */
export interface AlertingUser {
  name: string;
  /** Operations on our rules: 'all' may write, 'read' may find; undefined: superuser. */
  privilege?: 'all' | 'read' | 'none';
}

export interface KibanaAlertingDoubleOptions {
  kibanaVersion: string;
  /** The features registered (for the consumers authorization accepts). */
  features?: () => KibanaFeatureConfig[];
  /** xpack.encryptedSavedObjects.encryptionKey is set (default true). */
  encryptionKey?: boolean;
}

const RELEVANT = [
  'name',
  'tags',
  'schedule',
  'params',
  'actions',
  'systemActions',
  'throttle',
  'notifyWhen',
  'alertDelay',
  'flapping',
] as const;

/** A KQL filter of `alert.attributes.<field>:"<value>"` terms joined by `and` (find_rules.ts). */
function matcher(filter: string | undefined): (rule: RuleLike) => boolean {
  if (!filter) return () => true;
  const terms = filter.split(/\s+and\s+/i).map((term) => {
    const match = /^alert\.attributes\.(\w+):"([^"]*)"$/.exec(term.trim());
    if (!match) throw boom(400, `Unsupported filter in this double: ${term}`);
    return [match[1], match[2]] as const;
  });
  return (rule) =>
    terms.every(([field, value]) => {
      const actual = (rule as unknown as Record<string, unknown>)[field];
      return Array.isArray(actual) ? actual.includes(value) : actual === value;
    });
}

export class KibanaAlertingDouble {
  readonly types = new Map<string, AnyRuleType>();
  private readonly rules = new Map<string, StoredRule>();
  private next = 1;

  constructor(private readonly options: KibanaAlertingDoubleOptions) {}

  /** The setup contract: registerType only. */
  readonly setup = {
    registerType: (ruleType: AnyRuleType) => {
      validateRuleType(ruleType, new Set(this.types.keys()));
      this.types.set(ruleType.id, ruleType);
    },
  };

  /** The start contract, given how a request maps to its space and user. */
  start(who: (request: unknown) => { space: string; user: AlertingUser }) {
    return {
      getRulesClientWithRequest: async (request: unknown): Promise<RulesClientLike> => {
        if (this.options.encryptionKey === false) throw new Error(ENCRYPTION_KEY_MISSING);
        const { space, user } = who(request);
        return this.client(space, user);
      },
    };
  }

  /** Every rule, in every space (for tests). */
  list(space?: string): StoredRule[] {
    return [...this.rules.values()].filter((r) => space === undefined || r.space === space);
  }

  private registeredConsumers(ruleTypeId: string): Set<string> {
    const features = this.options.features?.() ?? [];
    if (at(8, 18, this.options.kibanaVersion))
      return new Set(
        features.flatMap((f) =>
          grants(f.alerting as Grant)
            .filter((g) => g.ruleTypeId === ruleTypeId)
            .flatMap((g) => g.consumers ?? [])
        )
      );
    return new Set(['alerts', ...features.filter((f) => f.alerting).map((f) => f.id)]);
  }

  private authorize(user: AlertingUser, ruleTypeId: string, consumer: string, write: boolean) {
    const type = this.types.get(ruleTypeId);
    if (!type) throw boom(400, `Rule type "${ruleTypeId}" is not registered.`);
    const operation = write ? 'create' : 'find';
    if (!this.registeredConsumers(ruleTypeId).has(consumer))
      throw boom(403, `Unauthorized by "${consumer}" to ${operation} "${ruleTypeId}" rule`);
    const allowed =
      user.privilege === undefined ||
      user.privilege === 'all' ||
      (!write && user.privilege === 'read');
    if (!allowed)
      throw boom(403, `Unauthorized by "${consumer}" to ${operation} "${ruleTypeId}" rule`);
    return type;
  }

  private validateParams(type: AnyRuleType, params: unknown) {
    try {
      return type.validate.params.validate(params);
    } catch (error) {
      throw boom(400, `params invalid: ${(error as Error).message}`);
    }
  }

  private validateActions(data: CreateRuleData | UpdateRuleData) {
    if (data.notifyWhen || data.throttle) return;
    const missing = data.actions.filter((a) => !a.frequency).map((a) => a.group ?? 'default');
    if (missing.length > 0)
      throw boom(
        400,
        `Failed to validate actions due to the following error: Actions missing frequency parameters: ${missing.join(', ')}`
      );
  }

  private view(rule: StoredRule): RuleLike {
    const { space: _space, apiKeyOwner: _key, ...sanitized } = rule;
    return structuredClone(sanitized);
  }

  private client(space: string, user: AlertingUser): RulesClientLike {
    const inSpace = (id: string) => {
      const rule = this.rules.get(id);
      if (!rule || rule.space !== space) throw boom(404, `Saved object [alert/${id}] not found`);
      return rule;
    };
    const toggle = async (ids: string[], enabled: boolean): Promise<BulkOperationAnswer> => {
      const errors: NonNullable<BulkOperationAnswer['errors']> = [];
      for (const id of ids) {
        try {
          const rule = inSpace(id);
          this.authorize(user, rule.alertTypeId, rule.consumer, true);
          rule.enabled = enabled;
          rule.apiKeyOwner = enabled ? user.name : undefined;
        } catch (error) {
          errors.push({
            message: (error as Error).message,
            status: (error as BoomError).output?.statusCode,
            rule: { id, name: this.rules.get(id)?.name ?? '' },
          });
        }
      }
      return { errors };
    };
    return {
      create: async ({ data, options }) => {
        if (!data.alertTypeId)
          throw boom(
            400,
            '[data.alertTypeId]: expected value of type [string] but got [undefined]'
          );
        if (!DURATION.test(data.schedule?.interval ?? ''))
          throw boom(
            400,
            `[data.schedule.interval]: string is not a valid duration: ${data.schedule?.interval}`
          );
        const type = this.authorize(user, data.alertTypeId, data.consumer, true);
        const params = this.validateParams(type, data.params);
        this.validateActions(data);
        const id = options?.id ?? `rule-${this.next++}`;
        if (this.rules.has(id)) throw boom(409, `Saved object [alert/${id}] conflict`);
        const rule: StoredRule = {
          id,
          space,
          name: data.name,
          tags: [...(data.tags ?? [])],
          alertTypeId: data.alertTypeId,
          consumer: data.consumer,
          enabled: data.enabled ?? true,
          schedule: { ...data.schedule },
          params: structuredClone(params) as unknown as Record<string, unknown>,
          actions: structuredClone(data.actions ?? []),
          revision: 0,
          ...((data.enabled ?? true) ? { apiKeyOwner: user.name } : {}),
        };
        this.rules.set(id, rule);
        return this.view(rule);
      },
      find: async ({ options }) => {
        const perPage = options.perPage ?? 10;
        const page = options.page ?? 1;
        const visible = [...this.rules.values()].filter((rule) => {
          if (rule.space !== space) return false;
          try {
            this.authorize(user, rule.alertTypeId, rule.consumer, false);
            return true;
          } catch {
            return false;
          }
        });
        if (user.privilege === 'none' && visible.length === 0)
          throw boom(403, 'Unauthorized to find rules for any rule types');
        const matching = visible.filter(matcher(options.filter));
        return {
          page,
          perPage,
          total: matching.length,
          data: matching.slice((page - 1) * perPage, page * perPage).map((r) => this.view(r)),
        };
      },
      update: async ({ id, data }) => {
        const rule = inSpace(id);
        const type = this.authorize(user, rule.alertTypeId, rule.consumer, true);
        const params = this.validateParams(type, data.params);
        this.validateActions(data);
        const before = JSON.stringify(RELEVANT.map((k) => rule[k] ?? null));
        Object.assign(rule, {
          name: data.name,
          tags: [...(data.tags ?? [])],
          schedule: { ...data.schedule },
          params: structuredClone(params),
          actions: structuredClone(data.actions ?? []),
          systemActions: data.systemActions,
          throttle: data.throttle ?? null,
          notifyWhen: data.notifyWhen ?? null,
          alertDelay: data.alertDelay,
          flapping: data.flapping,
        });
        for (const key of RELEVANT) if (rule[key] === undefined) delete rule[key];
        if (JSON.stringify(RELEVANT.map((k) => rule[k] ?? null)) !== before) rule.revision += 1;
        if (rule.enabled) rule.apiKeyOwner = user.name;
        return this.view(rule);
      },
      delete: async ({ id }) => {
        const rule = inSpace(id);
        this.authorize(user, rule.alertTypeId, rule.consumer, true);
        this.rules.delete(id);
        return {};
      },
      bulkEnableRules: ({ ids }) => toggle(ids, true),
      bulkDisableRules: ({ ids }) => toggle(ids, false),
    };
  }

  /** Who holds a rule's API key (the user who created, updated or enabled it). */
  apiKeyOwner(id: string): string | undefined {
    return this.rules.get(id)?.apiKeyOwner;
  }
}

export interface RaisedAlert {
  id: string;
  actionGroup: string;
  context?: Record<string, unknown>;
}

/**
 * RuleExecutorServices for one run: `alertFactory` (always) and `alertsClient` (only with
 * `alertsAsData`), recording what is raised. `finish()` runs the framework's checks after the
 * executor: the limit read but not answered throws, as checkLimitUsage does.
 */
export function executorServices(
  asCurrentUser: ExecutorServicesLike['scopedClusterClient']['asCurrentUser'],
  options: { maxAlerts?: number; alertsAsData?: boolean } = {}
) {
  const max = options.maxAlerts ?? 1000;
  const raised: RaisedAlert[] = [];
  let limitRead = false;
  let limitAnswered: boolean | undefined;
  const raise = (alert: RaisedAlert) => {
    if (raised.some((r) => r.id === alert.id)) {
      // The same id twice in a run is the same alert: its latest context wins.
      raised.splice(
        raised.findIndex((r) => r.id === alert.id),
        1,
        alert
      );
      return;
    }
    if (raised.length >= max) throw new Error(`Rule reported more than ${max} alerts.`);
    raised.push(alert);
  };
  const services: ExecutorServicesLike = {
    scopedClusterClient: { asCurrentUser },
    alertsClient: options.alertsAsData
      ? {
          report: (alert) => raise(alert),
          getAlertLimitValue: () => ((limitRead = true), max),
          setAlertLimitReached: (reached) => (limitAnswered = reached),
        }
      : null,
    alertFactory: {
      create: (id) => ({
        scheduleActions: (actionGroup, context) => raise({ id, actionGroup, context }),
      }),
      alertLimit: {
        getValue: () => ((limitRead = true), max),
        setLimitReached: (reached) => (limitAnswered = reached),
      },
    },
  };
  return {
    services,
    raised,
    limitReached: () => limitAnswered,
    finish() {
      if (limitRead && limitAnswered === undefined)
        throw new Error(
          'Rule has not reported whether alert limit has been reached after requesting limit value!'
        );
    },
  };
}
