// The parts of Kibana's rules client that setup uses, as structural types so server/lib stays
// free of @kbn imports. The client is bound to a request: its space and its user (the alerting
// start contract's getRulesClientWithRequest). Followed (elastic/kibana,
// x-pack/platform/plugins/shared/alerting/server/):
//   rules_client/rules_client.ts (create, find, update, delete, bulkEnableRules, bulkDisableRules)
//   application/rule/methods/create/schemas/create_rule_data_schema.ts (create data; `alertTypeId`)
//   application/rule/methods/update/schemas/update_rule_data_schema.ts (a full replacement of
//     name, tags, schedule, params, actions and the notification fields; `unknowns: 'allow'`)
//   application/rule/methods/find/find_rules.ts (KQL `filter` on `alert.attributes.*`)

export interface RuleActionLike {
  group?: string;
  id: string;
  params: Record<string, unknown>;
  uuid?: string;
  actionTypeId?: string;
  frequency?: { summary: boolean; notifyWhen: string; throttle: string | null };
  alertsFilter?: Record<string, unknown>;
  useAlertDataForTemplate?: boolean;
}

/** What the rules client answers for a rule (SanitizedRule), as much as we read. */
export interface RuleLike {
  id: string;
  name: string;
  tags: string[];
  alertTypeId: string;
  consumer: string;
  enabled: boolean;
  schedule: { interval: string };
  params: Record<string, unknown>;
  actions: RuleActionLike[];
  systemActions?: RuleActionLike[];
  throttle?: string | null;
  notifyWhen?: string | null;
  alertDelay?: { active: number };
  flapping?: Record<string, unknown> | null;
  /** Bumped by every update that changes a relevant field; not by enable/disable. */
  revision: number;
}

export interface CreateRuleData {
  name: string;
  alertTypeId: string;
  consumer: string;
  enabled: boolean;
  tags: string[];
  schedule: { interval: string };
  params: Record<string, unknown>;
  actions: RuleActionLike[];
  throttle?: string | null;
  notifyWhen?: string | null;
}

/** update_rule_data_schema.ts: a full replacement of these fields (as `find` answers them). */
export type UpdateRuleData = Pick<
  RuleLike,
  | 'name'
  | 'tags'
  | 'schedule'
  | 'params'
  | 'actions'
  | 'systemActions'
  | 'throttle'
  | 'notifyWhen'
  | 'alertDelay'
  | 'flapping'
>;

export interface RulesClientLike {
  create(options: { data: CreateRuleData; options?: { id?: string } }): Promise<RuleLike>;
  find(options: {
    options: { filter?: string; perPage?: number; page?: number };
  }): Promise<{ page: number; perPage: number; total: number; data: RuleLike[] }>;
  update(options: { id: string; data: UpdateRuleData }): Promise<RuleLike>;
  delete(options: { id: string }): Promise<unknown>;
  /** Per-rule failures are answered in `errors`, not thrown (rules_client/common: BulkOperationError). */
  bulkEnableRules(options: { ids: string[] }): Promise<BulkOperationAnswer>;
  bulkDisableRules(options: { ids: string[] }): Promise<BulkOperationAnswer>;
}

export interface BulkOperationAnswer {
  errors?: Array<{ message: string; status?: number; rule: { id: string; name?: string } }>;
}
