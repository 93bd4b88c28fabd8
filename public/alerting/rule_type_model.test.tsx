// The detections rule type's browser model: what Stack Management's rule form validates and
// shows, and its registration when triggersActionsUi is there (and not without it).
import React, { Suspense } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EuiProvider } from '@elastic/eui';
import { DETECTION_IDS } from '../../common/detections';
import { NetworkObservabilityPlugin } from '../plugin';
import ParamsExpression from './params_expression';
import type { detectionsRuleTypeModel } from './rule_type_model';
import { validateRuleParams } from './rule_type_model';

test('validate() puts the shared validation message under its field', () => {
  expect(validateRuleParams({ rules: ['port_scan'], window: '1h' })).toEqual({
    errors: { rules: [], window: [], params: [], kql: [] },
  });
  expect(validateRuleParams({ rules: [], window: '1h' }).errors.rules).toEqual([
    'expected a non-empty list of detection rule ids',
  ]);
  expect(validateRuleParams({ rules: ['port_scan'], window: '2w' }).errors.window[0]).toMatch(
    /^expected minutes, hours or days from 1m to 7d/
  );
  expect(
    validateRuleParams({
      rules: ['port_scan'],
      window: '1h',
      params: { port_scan: { minPorts: 0 } },
    }).errors.params[0]
  ).toMatch(/port_scan\.minPorts/);
});

test('the form starts a new rule with every detection and the default window, and edits them', async () => {
  const setRuleParams = jest.fn();
  const { rerender } = render(
    <EuiProvider colorMode="light">
      <ParamsExpression ruleParams={{}} setRuleParams={setRuleParams} errors={{}} />
    </EuiProvider>
  );
  expect(setRuleParams).toHaveBeenCalledWith('rules', [...DETECTION_IDS]);
  expect(setRuleParams).toHaveBeenCalledWith('window', '1h');
  rerender(
    <EuiProvider colorMode="light">
      <ParamsExpression
        ruleParams={{ rules: ['port_scan', 'bruteforce'], window: '2w' }}
        setRuleParams={setRuleParams}
        errors={{ window: ['expected minutes, hours or days from 1m to 7d'] }}
      />
    </EuiProvider>
  );
  expect(screen.getByText('expected minutes, hours or days from 1m to 7d')).toBeVisible();
  await userEvent.click(screen.getByLabelText('Port scan (medium)'));
  expect(setRuleParams).toHaveBeenLastCalledWith('rules', ['bruteforce']);
});

test('registered with triggersActionsUi when Kibana has it, lazily loading its form', async () => {
  // core.application.register is the only CoreSetup call the plugin makes
  // (src/core/packages/application/browser/src/contracts.ts).
  const core = { application: { register: jest.fn() }, getStartServices: jest.fn() };
  const register = jest.fn();
  new NetworkObservabilityPlugin({} as never).setup(core as never, {
    triggersActionsUi: { ruleTypeRegistry: { register } },
  });
  expect(register).toHaveBeenCalledTimes(1);
  const model = register.mock.calls[0][0] as ReturnType<typeof detectionsRuleTypeModel>;
  expect(model).toEqual(
    expect.objectContaining({
      id: 'networkObservability.detections',
      requiresAppContext: false,
      documentationUrl: null,
    })
  );
  expect(model.defaultActionMessage).toContain('{{context.link}}');
  const Form = model.ruleParamsExpression as unknown as React.ComponentType<
    Record<string, unknown>
  >;
  render(
    <EuiProvider colorMode="light">
      <Suspense fallback={null}>
        <Form
          ruleParams={{ rules: ['port_scan'], window: '1h' }}
          setRuleParams={jest.fn()}
          errors={{}}
        />
      </Suspense>
    </EuiProvider>
  );
  await waitFor(() => expect(screen.getByTestId('detections-rule-window')).toHaveValue('1h'));

  const without = { application: { register: jest.fn() }, getStartServices: jest.fn() };
  expect(() => new NetworkObservabilityPlugin({} as never).setup(without as never)).not.toThrow();
  expect(without.application.register).toHaveBeenCalledTimes(1);
});
