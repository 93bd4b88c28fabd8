// The form of a detections alerting rule in Stack Management: which detections it runs, how far
// back each run looks, and an optional KQL narrowing the data. Kibana passes the rule's params,
// a setter per param and the messages validate() returned (rule_type_model.ts).
import React, { useEffect } from 'react';
import { EuiCheckboxGroup, EuiFieldText, EuiFormRow } from '@elastic/eui';
import type { DetectionId } from '../../common/detections';
import { DETECTION_CATALOG } from '../../common/detections';
import type { DetectionsRuleParams } from '../../common/detections/alerting_params';
import { DEFAULT_WINDOW } from '../../common/detections/alerting_params';
import type { ParamErrors } from './rule_type_model';

export interface ParamsExpressionProps {
  ruleParams: Partial<DetectionsRuleParams>;
  setRuleParams<K extends keyof DetectionsRuleParams>(
    key: K,
    value: DetectionsRuleParams[K] | undefined
  ): void;
  errors: Partial<ParamErrors>;
}

export default function ParamsExpression({
  ruleParams,
  setRuleParams,
  errors,
}: ParamsExpressionProps) {
  // A new rule starts with every detection and the default window.
  useEffect(() => {
    if (ruleParams.rules === undefined)
      setRuleParams(
        'rules',
        DETECTION_CATALOG.map((rule) => rule.id)
      );
    if (ruleParams.window === undefined) setRuleParams('window', DEFAULT_WINDOW);
    // Only on the first render: later, the user's choice stands.
  }, []);
  const selected = new Set(ruleParams.rules ?? []);
  const problem = (field: keyof ParamErrors) => errors[field] ?? [];
  return (
    <>
      <EuiFormRow
        label="Detections"
        isInvalid={problem('rules').length > 0}
        error={problem('rules')}
        helpText="One alert per finding entity (a scanning address, an exposed service…)."
      >
        <EuiCheckboxGroup
          options={DETECTION_CATALOG.map((rule) => ({
            id: rule.id,
            label: `${rule.title} (${rule.severity})`,
          }))}
          idToSelectedMap={Object.fromEntries(
            DETECTION_CATALOG.map((rule) => [rule.id, selected.has(rule.id)])
          )}
          onChange={(id) => {
            const next = DETECTION_CATALOG.map((rule) => rule.id).filter((rule) =>
              rule === id ? !selected.has(rule) : selected.has(rule)
            ) as DetectionId[];
            setRuleParams('rules', next);
          }}
          data-test-subj="detections-rule-rules"
        />
      </EuiFormRow>
      <EuiFormRow
        label="Look back"
        isInvalid={problem('window').length > 0}
        error={problem('window')}
        helpText="How far back each run searches: 1m to 7d, e.g. 1h. Keep it at least the rule's interval."
      >
        <EuiFieldText
          value={ruleParams.window ?? ''}
          isInvalid={problem('window').length > 0}
          onChange={(event) => setRuleParams('window', event.target.value)}
          data-test-subj="detections-rule-window"
        />
      </EuiFormRow>
      <EuiFormRow
        label="KQL (optional)"
        isInvalid={problem('kql').length > 0}
        error={problem('kql')}
        helpText='Narrows the data searched, e.g. not source.ip: "10.0.9.0/24".'
      >
        <EuiFieldText
          value={ruleParams.kql ?? ''}
          onChange={(event) => setRuleParams('kql', event.target.value || undefined)}
          data-test-subj="detections-rule-kql"
        />
      </EuiFormRow>
      {problem('params').length > 0 && (
        <EuiFormRow isInvalid error={problem('params')}>
          <span />
        </EuiFormRow>
      )}
    </>
  );
}
