// The doubles refuse what Kibana refuses, and the plugin's registrations pass them for each
// Kibana version we support.
import type { KibanaFeatureConfig } from '@kbn/features-plugin/server';
import { plugin } from '../../server';
import { kibanaSetupDoubles, validateKibanaFeature, validateSavedObjectType } from './kibana_core';
import { KibanaSavedObjectsDouble } from './kibana_saved_objects';

const feature: KibanaFeatureConfig = {
  id: 'f',
  name: 'F',
  category: { id: 'observability', label: 'Observability' },
  app: ['f'],
  privileges: {
    all: { app: ['f'], savedObject: { all: [], read: [] }, ui: ['show'] },
    read: { app: ['f'], savedObject: { all: [], read: [] }, ui: ['show'] },
  },
};

test('feature validation follows feature_schema.ts per version', () => {
  expect(() => validateKibanaFeature(feature, '9.2.0')).not.toThrow();
  expect(() => validateKibanaFeature({ ...feature, scope: [] } as never, '9.2.0')).toThrow(
    '[scope]: definition for this key is missing'
  );
  expect(() => validateKibanaFeature({ ...feature, scope: [] } as never, '8.19.0')).not.toThrow();
  expect(() => validateKibanaFeature({ ...feature, app: ['f', 'g'] }, '9.2.0')).toThrow(
    'Feature f specifies app entries which are not granted to any privileges: g'
  );
  const { ui: _ui, ...noUi } = feature.privileges!.read;
  expect(() =>
    validateKibanaFeature(
      { ...feature, privileges: { ...feature.privileges!, read: noUi as never } },
      '9.2.0'
    )
  ).toThrow('[privileges.read.ui]');
});

test('saved-object type validation follows the type registry', () => {
  expect(() =>
    validateSavedObjectType({
      name: 't',
      hidden: true,
      hiddenFromHttpApis: false,
      namespaceType: 'single',
      mappings: { properties: {} },
    })
  ).toThrow("'hiddenFromHttpApis' cannot be 'false'");
  expect(() =>
    validateSavedObjectType({ name: 't', hidden: false, namespaceType: 'single' } as never)
  ).toThrow("'mappings' is required");
});

test.each(['8.19.0', '9.2.0'])(
  'the plugin registers what Kibana %s accepts',
  async (kibanaVersion) => {
    const doubles = kibanaSetupDoubles(new KibanaSavedObjectsDouble({ kibanaVersion }));
    const router = { get: () => undefined, post: () => undefined, delete: () => undefined };
    const instance = await plugin({ logger: { get: () => ({ debug: () => undefined }) } } as never);
    instance.setup(doubles.core(router) as never, { features: doubles.features as never });
    expect(doubles.registeredFeatures.map((f) => f.id)).toEqual(['networkObservability']);
    expect(doubles.types).toHaveLength(1);
  }
);
