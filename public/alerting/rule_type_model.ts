// The browser side of the alerting rule type `networkObservability.detections`: the model
// Kibana's Stack Management needs to create and edit our rules (and so to attach connectors
// there), registered with triggersActionsUi's ruleTypeRegistry when that plugin is present.
// Followed (elastic/kibana): x-pack/platform/plugins/shared/triggers_actions_ui/public/types.ts
// (RuleTypeModel: id, description, iconClass, documentationUrl, validate → { errors: field →
// string[] }, ruleParamsExpression, requiresAppContext, defaultActionMessage) and
// RuleTypeParamsExpressionProps (ruleParams, setRuleParams(key, value), errors).
import React from 'react';
import type { DetectionsRuleParams } from '../../common/detections/alerting_params';
import {
  DETECTIONS_RULE_TYPE_ID,
  validateAlertingParams,
} from '../../common/detections/alerting_params';

/** The fields of the form, each with the messages Kibana shows under it (none: valid). */
export type ParamErrors = Record<'rules' | 'window' | 'params' | 'kql', string[]>;

export interface RuleTypeModelLike {
  id: string;
  description: string;
  iconClass: string;
  documentationUrl: string | null;
  validate(params: Partial<DetectionsRuleParams>): { errors: ParamErrors };
  ruleParamsExpression: React.ComponentType<never>;
  requiresAppContext: boolean;
  defaultActionMessage: string;
}

export interface RuleTypeRegistryLike {
  register(model: RuleTypeModelLike): void;
}

/** Kibana's validate(): the shared validation's message under the field it names. */
export function validateRuleParams(params: Partial<DetectionsRuleParams>): { errors: ParamErrors } {
  const errors: ParamErrors = { rules: [], window: [], params: [], kql: [] };
  try {
    validateAlertingParams(params);
  } catch (error) {
    const message = (error as Error).message;
    const field = /^\[(rules|window|params|kql)[\].]/.exec(message)?.[1] as
      keyof ParamErrors | undefined;
    // Under its field, without the field's name; an override keeps its rule and parameter.
    errors[field ?? 'rules'].push(
      message.replace(/^\[params\.([^\]]*)\]: /, '$1: ').replace(/^\[[^\]]*\]: /, '')
    );
  }
  return { errors };
}

export function detectionsRuleTypeModel(): RuleTypeModelLike {
  // Loaded when Stack Management shows the form, not with the plugin.
  const ParamsExpression = React.lazy(() => import('./params_expression'));
  return {
    id: DETECTIONS_RULE_TYPE_ID,
    description:
      'Runs network detections (port scan, brute force, exposed service, large outbound, rejected surge, load-balancer errors) over VPC, Transit Gateway and ALB logs; one alert per finding entity.',
    iconClass: 'globe',
    documentationUrl: null,
    validate: validateRuleParams,
    ruleParamsExpression: ParamsExpression as unknown as React.ComponentType<never>,
    requiresAppContext: false,
    defaultActionMessage:
      '{{context.severity}}: {{context.title}} — {{context.summary}} ({{context.entity}}). Evidence: {{context.kql}} {{context.link}}',
  };
}
