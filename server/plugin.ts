// Thin adapter to Kibana: registers the installation-record saved-object type, the routes with
// Kibana's KQL translation and saved-objects port, and (when the features plugin is there) a
// feature that controls who sees the app and who may install assets.
import type {
  CoreSetup,
  CoreStart,
  Logger,
  Plugin,
  PluginInitializerContext,
} from '@kbn/core/server';
import { DEFAULT_APP_CATEGORIES } from '@kbn/core/server';
import dateMath from '@kbn/datemath';
import { fromKueryExpression, toElasticsearchQuery } from '@kbn/es-query';
import type { FeaturesPluginSetup } from '@kbn/features-plugin/server';
import { PLUGIN_ID, PLUGIN_NAME } from '../common/constants';
import {
  INSTALLATION_SAVED_OBJECT_TYPE,
  INSTALLATION_TYPE,
} from './lib/installer/installation_record';
import { kibanaSavedObjectsPort } from './lib/installer/kibana_saved_objects_port';
import { API_PRIVILEGES, registerRoutes } from './routes';

interface SetupDeps {
  features?: FeaturesPluginSetup;
}

export class NetworkObservabilityPlugin implements Plugin<void, void, SetupDeps> {
  private readonly logger: Logger;

  constructor(initializerContext: PluginInitializerContext) {
    this.logger = initializerContext.logger.get();
  }

  setup(core: CoreSetup, plugins: SetupDeps): void {
    core.savedObjects.registerType(INSTALLATION_SAVED_OBJECT_TYPE);
    registerRoutes(
      core.http.createRouter(),
      {
        kqlToDsl: (kql) =>
          toElasticsearchQuery(fromKueryExpression(kql)) as Record<string, unknown>,
        dateMath,
      },
      // The request's client is scoped to the request's space and user: records, imports and
      // deletions happen in that space, with that user's privileges.
      (coreContext) =>
        kibanaSavedObjectsPort(
          coreContext.savedObjects.client,
          coreContext.savedObjects.getImporter(coreContext.savedObjects.client)
        )
    );
    const savedObjectTypes = ['index-pattern', 'search', 'query', 'dashboard', INSTALLATION_TYPE];
    plugins.features?.registerKibanaFeature({
      id: PLUGIN_ID,
      name: PLUGIN_NAME,
      category: DEFAULT_APP_CATEGORIES.observability,
      app: [PLUGIN_ID],
      catalogue: [],
      privileges: {
        all: {
          app: [PLUGIN_ID],
          api: [API_PRIVILEGES.read, API_PRIVILEGES.setup],
          savedObject: { all: savedObjectTypes, read: [] },
          ui: ['show', 'setup'],
        },
        read: {
          app: [PLUGIN_ID],
          api: [API_PRIVILEGES.read],
          savedObject: { all: [], read: savedObjectTypes },
          ui: ['show'],
        },
      },
    });
    this.logger.debug('Network Observability routes registered');
  }

  start(_core: CoreStart): void {}

  stop(): void {}
}
