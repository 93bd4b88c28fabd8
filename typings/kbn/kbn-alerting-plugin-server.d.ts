/*
 * Minimal type mirror of `@kbn/alerting-plugin/server` (Kibana 8.16 → 9.x) — only what the
 * networkObservability rule type and setup use. Type-only: plugin.ts imports nothing from the
 * alerting plugin at run time; the contracts arrive as the optional `alerting` dependency.
 *
 * Mirrors (elastic/kibana; 8.x path x-pack/plugins/alerting/..., from 8.18/9.0
 * x-pack/platform/plugins/shared/alerting/...):
 *   - server/plugin.ts        (AlertingServerSetup.registerType — setup only;
 *                              AlertingServerStart.getRulesClientWithRequest — always awaited)
 *   - server/types.ts         (RuleType, RuleExecutorOptions, RuleExecutorServices)
 *   - server/alert/create_alert_factory.ts (PublicAlertFactory: create, alertLimit)
 *   - server/alerts_client/types.ts (PublicAlertsClient: report, alert limit)
 *   - server/rules_client/rules_client.ts (RulesClient: create, find, update, delete, bulk enable/disable)
 *   - src/platform/packages/shared/kbn-alerting-types/action_variable.ts (ActionVariable)
 *
 * `solution` is required in TS from 8.19 / 9.1 and absent before; `category` is required from
 * 8.16. Both are optional here so one declaration serves every version; plugin.ts sends
 * `solution` only where it exists (server/lib/alerting/kibana_version.ts).
 */
declare module '@kbn/alerting-plugin/server' {
  import type { IScopedClusterClient, KibanaRequest } from '@kbn/core/server';

  export type LicenseType = 'basic' | 'standard' | 'gold' | 'platinum' | 'enterprise' | 'trial';

  export interface ActionGroup<Id extends string = string> {
    id: Id;
    name: string;
    severity?: { level: number };
  }

  export interface ActionVariable {
    name: string;
    description: string;
    deprecated?: boolean;
    useWithTripleBracesInTemplates?: boolean;
    usesPublicBaseUrl?: boolean;
  }

  export interface PublicAlert {
    scheduleActions(actionGroup: string, context?: Record<string, unknown>): PublicAlert;
  }

  export interface PublicAlertFactory {
    create(id: string): PublicAlert;
    alertLimit: { getValue(): number; setLimitReached(reached: boolean): void };
  }

  export interface PublicAlertsClient {
    report(alert: {
      id: string;
      actionGroup: string;
      state?: Record<string, unknown>;
      context?: Record<string, unknown>;
      payload?: Record<string, unknown>;
    }): { uuid: string; start: string | null };
    getAlertLimitValue(): number;
    setAlertLimitReached(reached: boolean): void;
  }

  export interface RuleExecutorServices {
    scopedClusterClient: IScopedClusterClient;
    /** `@deprecated` in Kibana, still present in every version. */
    alertFactory: PublicAlertFactory;
    /** Null unless the rule type declares `alerts`. */
    alertsClient: PublicAlertsClient | null;
    shouldWriteAlerts(): boolean;
    shouldStopExecution(): boolean;
  }

  export interface RuleExecutorOptions<Params> {
    executionId: string;
    params: Params;
    previousStartedAt: Date | null;
    rule: { id: string; name: string; tags: string[]; consumer: string; producer: string };
    services: RuleExecutorServices;
    spaceId: string;
    startedAt: Date;
    state: Record<string, unknown>;
  }

  export interface RuleType<Params = Record<string, unknown>> {
    id: string;
    name: string;
    validate: { params: { validate(object: unknown): Params } };
    actionGroups: ActionGroup[];
    defaultActionGroupId: string;
    recoveryActionGroup?: ActionGroup;
    executor(options: RuleExecutorOptions<Params>): Promise<{ state: Record<string, unknown> }>;
    category?: string;
    producer: string;
    solution?: 'observability' | 'security' | 'stack';
    actionVariables?: {
      context?: ActionVariable[];
      state?: ActionVariable[];
      params?: ActionVariable[];
    };
    minimumLicenseRequired: LicenseType;
    isExportable: boolean;
    defaultScheduleInterval?: string;
    ruleTaskTimeout?: string;
    doesSetRecoveryContext?: boolean;
    autoRecoverAlerts?: boolean;
    getViewInAppRelativeUrl?(options: { rule: unknown; start?: number; end?: number }): string;
  }

  export interface AlertingServerSetup {
    registerType<Params>(ruleType: RuleType<Params>): void;
  }

  export interface SanitizedRule {
    id: string;
    name: string;
    tags: string[];
    alertTypeId: string;
    consumer: string;
    enabled: boolean;
    schedule: { interval: string };
    params: Record<string, unknown>;
    actions: Array<{ group?: string; id: string; params: Record<string, unknown> }>;
    revision: number;
  }

  export interface RuleActionRequest {
    group?: string;
    id: string;
    params: Record<string, unknown>;
    uuid?: string;
    frequency?: { summary: boolean; notifyWhen: string; throttle: string | null };
    alertsFilter?: Record<string, unknown>;
    useAlertDataForTemplate?: boolean;
  }

  /** create_rule_data_schema.ts: `alertTypeId`, not `ruleTypeId`, in every version. */
  export interface CreateRuleData {
    name: string;
    alertTypeId: string;
    consumer: string;
    enabled: boolean;
    tags: string[];
    schedule: { interval: string };
    params: Record<string, unknown>;
    actions: RuleActionRequest[];
    throttle?: string | null;
    notifyWhen?: string | null;
  }

  /** update_rule_data_schema.ts: a full replacement of these fields. */
  export interface UpdateRuleData {
    name: string;
    tags: string[];
    schedule: { interval: string };
    params: Record<string, unknown>;
    actions: RuleActionRequest[];
    systemActions?: RuleActionRequest[];
    throttle?: string | null;
    notifyWhen?: string | null;
    alertDelay?: { active: number };
    flapping?: Record<string, unknown> | null;
  }

  export interface RulesClientApi {
    create(options: { data: CreateRuleData; options?: { id?: string } }): Promise<SanitizedRule>;
    find(options: {
      options: { filter?: string; perPage?: number; page?: number };
    }): Promise<{ page: number; perPage: number; total: number; data: SanitizedRule[] }>;
    update(options: { id: string; data: UpdateRuleData }): Promise<SanitizedRule>;
    delete(options: { id: string }): Promise<unknown>;
    bulkEnableRules(options: { ids: string[] }): Promise<{
      errors: Array<{ message: string; status?: number; rule: { id: string; name: string } }>;
    }>;
    bulkDisableRules(options: { ids: string[] }): Promise<{
      errors: Array<{ message: string; status?: number; rule: { id: string; name: string } }>;
    }>;
  }

  export interface AlertingServerStart {
    /** Throws when alerting cannot run (no encryptedSavedObjects encryption key). */
    getRulesClientWithRequest(request: KibanaRequest): Promise<RulesClientApi>;
  }
}
