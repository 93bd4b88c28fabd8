// Kibana core and the features plugin as a server plugin meets them during `setup`, with the
// validation Kibana applies, so a registration Kibana would refuse fails here too. Followed
// (elastic/kibana):
//   src/core/packages/saved-objects/base-server-internal/src/saved_objects_type_registry.ts
//     (registerType: duplicate names, hidden vs hiddenFromHttpApis, management rules)
//   src/core/packages/saved-objects/server/src/saved_objects_type.ts (required fields)
//   x-pack/platform/plugins/shared/features/server/feature_schema.ts (schema and cross-checks of
//     registerKibanaFeature; `scope` was accepted from 8.16 and removed again in 9.2, where the
//     object schema refuses unknown keys)
//   x-pack/platform/plugins/shared/features/server/feature_registry.ts (duplicate ids)
import type { Client } from '@elastic/elasticsearch';
import type { KibanaFeatureConfig } from '@kbn/features-plugin/server';
import type { SavedObjectsType } from '@kbn/core/server';
import type { KibanaSavedObjectsDouble } from './kibana_saved_objects';
import { validateFeatureAlerting } from './kibana_alerting';

const FEATURE_KEYS = new Set([
  'id',
  'name',
  'description',
  'category',
  'order',
  'excludeFromBasePrivileges',
  'minimumLicense',
  'app',
  'management',
  'catalogue',
  'alerting',
  'cases',
  'privileges',
  'subFeatures',
  'privilegesTooltip',
  'reserved',
  'deprecated',
  'hidden',
]);
const PRIVILEGE_KEYS = new Set([
  'excludeFromBasePrivileges',
  'requireAllSpaces',
  'disabled',
  'management',
  'catalogue',
  'api',
  'app',
  'savedObject',
  'ui',
  'alerting',
  'cases',
  'replacedBy',
]);
const CAPABILITY = /^[a-zA-Z0-9:_-]+$/;

/** registerKibanaFeature as Kibana validates it; throws Kibana's messages. */
export function validateKibanaFeature(feature: KibanaFeatureConfig, kibanaVersion: string): void {
  const keys = new Set(FEATURE_KEYS);
  const [major, minor] = kibanaVersion.split('.').map(Number);
  if ((major === 8 && minor >= 16) || (major === 9 && minor < 2)) keys.add('scope');
  for (const key of Object.keys(feature))
    if (!keys.has(key)) throw new Error(`[${key}]: definition for this key is missing`);
  if (
    !/^[a-zA-Z0-9_-]+$/.test(feature.id) ||
    ['catalogue', 'management', 'navLinks'].includes(feature.id)
  )
    throw new Error(`[id]: invalid feature id ${feature.id}`);
  if (typeof feature.name !== 'string') throw new Error('[name]: expected value of type [string]');
  if (!feature.category?.id || !feature.category?.label)
    throw new Error('[category]: expected id and label');
  if (!Array.isArray(feature.app)) throw new Error('[app]: expected value of type [array]');
  const granted = new Set<string>();
  for (const [id, privilege] of Object.entries(feature.privileges ?? {})) {
    for (const key of Object.keys(privilege))
      if (!PRIVILEGE_KEYS.has(key))
        throw new Error(`[privileges.${id}.${key}]: definition for this key is missing`);
    if (!Array.isArray(privilege.savedObject?.all) || !Array.isArray(privilege.savedObject?.read))
      throw new Error(`[privileges.${id}.savedObject]: expected all and read arrays`);
    if (!Array.isArray(privilege.ui) || !privilege.ui.every((c: string) => CAPABILITY.test(c)))
      throw new Error(`[privileges.${id}.ui]: expected capabilities matching ${CAPABILITY}`);
    const unknown = (privilege.app ?? []).filter((app: string) => !feature.app.includes(app));
    if (unknown.length > 0)
      throw new Error(
        `Feature privilege ${feature.id}.${id} has unknown app entries: ${unknown.join(', ')}`
      );
    for (const app of privilege.app ?? []) granted.add(app);
    for (const entry of privilege.catalogue ?? [])
      if (!(feature.catalogue ?? []).includes(entry))
        throw new Error(
          `Feature privilege ${feature.id}.${id} has unknown catalogue entries: ${entry}`
        );
  }
  const ungranted = feature.app.filter((app) => !granted.has(app));
  if (feature.privileges && ungranted.length > 0)
    throw new Error(
      `Feature ${feature.id} specifies app entries which are not granted to any privileges: ${ungranted.join(',')}`
    );
  validateFeatureAlerting(feature, kibanaVersion);
}

/** core.savedObjects.registerType as Kibana's type registry validates it. */
export function validateSavedObjectType(type: SavedObjectsType): void {
  for (const field of ['name', 'hidden', 'namespaceType', 'mappings'] as const)
    if (type[field] === undefined) throw new Error(`Type ${type.name}: '${field}' is required`);
  if (type.hidden && type.hiddenFromHttpApis === false)
    throw new Error(
      `Type ${type.name}: 'hiddenFromHttpApis' cannot be 'false' when specifying 'hidden' as 'true'`
    );
  if (!['single', 'multiple', 'multiple-isolated', 'agnostic'].includes(type.namespaceType))
    throw new Error(`Type ${type.name}: unknown namespaceType`);
}

/**
 * A plugin's view of core and the features plugin during setup, over the doubles. `start` gives
 * the plugins' start contracts `core.getStartServices()` resolves with (Kibana resolves it once
 * every plugin has started); without it, it rejects.
 */
export function kibanaSetupDoubles(
  savedObjects: KibanaSavedObjectsDouble,
  options: { start?: () => Record<string, unknown>; publicBaseUrl?: string } = {}
) {
  const routers: unknown[] = [];
  const features: KibanaFeatureConfig[] = [];
  const types: SavedObjectsType[] = [];
  return {
    routers,
    registeredFeatures: features,
    types,
    core: (router: unknown) => ({
      http: {
        createRouter: () => {
          routers.push(router);
          return router;
        },
        basePath: { serverBasePath: '', publicBaseUrl: options.publicBaseUrl },
      },
      savedObjects: {
        registerType: (type: SavedObjectsType) => {
          validateSavedObjectType(type);
          savedObjects.registerType({
            name: type.name,
            namespaceType: type.namespaceType,
            importableAndExportable: type.management?.importableAndExportable ?? false,
          });
          types.push(type);
        },
      },
      getStartServices: () =>
        options.start
          ? Promise.resolve([{}, options.start(), undefined])
          : Promise.reject(new Error('not started in this double')),
    }),
    features: {
      registerKibanaFeature: (feature: KibanaFeatureConfig) => {
        validateKibanaFeature(feature, savedObjects.kibanaVersion);
        if (features.some((f) => f.id === feature.id))
          throw new Error(`Feature with id ${feature.id} is already registered.`);
        features.push(feature);
      },
    },
  };
}

/**
 * An Elasticsearch client as Kibana hands it to a plugin: Kibana's own copy of the client, so
 * what it throws is NOT an instance of the error classes our bundled @elastic/elasticsearch
 * exports, only the same shape (@elastic/transport lib/errors.ts: name, message, meta).
 */
export function kibanasClientCopy(client: Client): Client {
  class ResponseError extends Error {}
  class ConnectionError extends Error {}
  const foreign = (error: unknown) => {
    if (!(error instanceof Error)) return error;
    const copy =
      error.name === 'ResponseError'
        ? new ResponseError(error.message)
        : new ConnectionError(error.message);
    Object.defineProperty(copy, 'name', { value: error.name });
    Object.assign(copy, { meta: (error as { meta?: unknown }).meta });
    return copy;
  };
  const wrap = (target: object, path: string[]): unknown =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver) as unknown;
        if (typeof property === 'symbol') return value;
        if (typeof value === 'function')
          return (...args: unknown[]) => {
            try {
              const result = (value as (...a: unknown[]) => unknown).apply(object, args);
              return result instanceof Promise
                ? result.catch((e) => Promise.reject(foreign(e)))
                : result;
            } catch (error) {
              throw foreign(error);
            }
          };
        if (value !== null && typeof value === 'object' && path.length < 2)
          return wrap(value, [...path, property]);
        return value;
      },
    });
  return wrap(client, []) as Client;
}
