// The feature's alerting privileges in the shape each Kibana version validates
// (test/doubles/kibana_alerting.ts validateFeatureAlerting follows feature_schema.ts).
import { validateFeatureAlerting } from '../../../test/doubles/kibana_alerting';
import {
  featureAlerting,
  featureAlertingHasConsumers,
  ruleTypeHasSolution,
} from './kibana_version';

const TYPE = 'networkObservability.detections';

function feature(version: string) {
  const alerting = featureAlerting(version, [TYPE]);
  const privilege = { app: ['networkObservability'], savedObject: { all: [], read: [] }, ui: [] };
  return {
    id: 'networkObservability',
    name: 'Network Observability',
    category: { id: 'observability', label: 'Observability' },
    app: ['networkObservability'],
    alerting: alerting.alerting,
    privileges: {
      all: { ...privilege, alerting: alerting.all },
      read: { ...privilege, alerting: alerting.read },
    },
  };
}

test.each(['8.16.0', '8.17.4'])('%s: rule type ids', (version) => {
  expect(featureAlerting(version, [TYPE])).toEqual({
    alerting: [TYPE],
    all: { rule: { all: [TYPE] }, alert: { all: [TYPE] } },
    read: { rule: { read: [TYPE] }, alert: { read: [TYPE] } },
  });
  expect(() => validateFeatureAlerting(feature(version), version)).not.toThrow();
  // The newer shape is refused there.
  expect(() => validateFeatureAlerting(feature('9.0.0'), version)).toThrow(
    'expected value of type [string]'
  );
});

test.each(['8.18.0', '9.0.0', '9.2.1'])(
  '%s: rule types with our feature as consumer',
  (version) => {
    const grant = [{ ruleTypeId: TYPE, consumers: ['networkObservability'] }];
    expect(featureAlerting(version, [TYPE])).toEqual({
      alerting: grant,
      all: { rule: { all: grant }, alert: { all: grant } },
      read: { rule: { read: grant }, alert: { read: grant } },
    });
    expect(() => validateFeatureAlerting(feature(version), version)).not.toThrow();
    expect(() => validateFeatureAlerting(feature('8.16.0'), version)).toThrow(
      'expected { ruleTypeId: string, consumers: string[] (at least 1) }'
    );
  }
);

test('a privilege naming what the feature does not list, or an ungranted type, is refused', () => {
  const f = feature('9.2.0');
  expect(() => validateFeatureAlerting({ ...f, alerting: [] }, '9.2.0')).toThrow(
    `Feature privilege networkObservability.all has unknown ruleTypeId: ${TYPE}`
  );
  const { alerting: _a, ...readOnly } = f.privileges.read;
  expect(() =>
    validateFeatureAlerting(
      {
        ...f,
        privileges: { all: { ...f.privileges.all, alerting: {} }, read: readOnly },
      },
      '9.2.0'
    )
  ).toThrow('specifies alerting rule types / consumers which are not granted to any privileges');
});

test('version boundaries', () => {
  expect(featureAlertingHasConsumers('8.17.9')).toBe(false);
  expect(featureAlertingHasConsumers('8.18.0')).toBe(true);
  expect(featureAlertingHasConsumers('9.0.0-SNAPSHOT')).toBe(true);
  expect(ruleTypeHasSolution('8.18.2')).toBe(false);
  expect(ruleTypeHasSolution('8.19.0')).toBe(true);
  expect(ruleTypeHasSolution('9.0.5')).toBe(false);
  expect(ruleTypeHasSolution('9.1.0')).toBe(true);
  expect(ruleTypeHasSolution('10.0.0')).toBe(true);
  expect(() => featureAlerting('kibana', [TYPE])).toThrow('Not a Kibana version: "kibana"');
});
