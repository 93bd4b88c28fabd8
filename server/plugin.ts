// Thin adapter to Kibana: registers the installation-record saved-object type, the routes with
// Kibana's KQL translation and saved-objects port, and (when the features plugin is there) a
// feature that controls who sees the app and who may install assets. When the alerting plugin is
// there (an optional dependency), it also registers the detections rule type, grants our rules
// in the feature (in the shape the running Kibana's version takes), and lets setup manage one
// rule per detection through the request's rules client; without it, status and setup say
// alerting is unavailable and everything else works.
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
import type { AlertingServerSetup, AlertingServerStart } from '@kbn/alerting-plugin/server';
import type { FeaturesPluginSetup } from '@kbn/features-plugin/server';
import { PLUGIN_ID, PLUGIN_NAME } from '../common/constants';
import type { QueryLanguage } from './lib/analytics/query_context';
import type { FeatureAlerting } from './lib/alerting/kibana_version';
import { featureAlerting } from './lib/alerting/kibana_version';
import { detectionsRuleType, DETECTIONS_RULE_TYPE_ID } from './lib/alerting/rule_type';
import type { AlertRulesRecord } from './lib/installer/alert_rules_port';
import {
  ALERT_RULES_RECORD_ID,
  alertingUnavailable,
  alertRulesPort,
} from './lib/installer/alert_rules_port';
import {
  INSTALLATION_SAVED_OBJECT_TYPE,
  INSTALLATION_TYPE,
  savedObjectsRecordStore,
} from './lib/installer/installation_record';
import { kibanaSavedObjectsPort } from './lib/installer/kibana_saved_objects_port';
import { API_PRIVILEGES, registerRoutes } from './routes';

interface SetupDeps {
  features?: FeaturesPluginSetup;
  alerting?: AlertingServerSetup;
}

interface StartDeps {
  alerting?: AlertingServerStart;
}

export const ALERTING_UNAVAILABLE =
  'the alerting plugin is not enabled in this Kibana (or its build has none)';

export class NetworkObservabilityPlugin implements Plugin<void, void, SetupDeps, StartDeps> {
  private readonly logger: Logger;
  private readonly initializerContext: PluginInitializerContext;

  constructor(initializerContext: PluginInitializerContext) {
    this.initializerContext = initializerContext;
    this.logger = initializerContext.logger.get();
  }

  setup(core: CoreSetup<StartDeps>, plugins: SetupDeps): void {
    core.savedObjects.registerType(INSTALLATION_SAVED_OBJECT_TYPE);
    const language: QueryLanguage = {
      kqlToDsl: (kql) => toElasticsearchQuery(fromKueryExpression(kql)) as Record<string, unknown>,
      dateMath,
    };
    let alerting: FeatureAlerting | undefined;
    if (plugins.alerting) {
      const kibanaVersion = this.initializerContext.env.packageInfo.version;
      // registerType exists on the setup contract only.
      plugins.alerting.registerType(
        detectionsRuleType({
          language,
          kibanaVersion,
          publicBaseUrl: core.http.basePath.publicBaseUrl,
        })
      );
      alerting = featureAlerting(kibanaVersion, [DETECTIONS_RULE_TYPE_ID]);
    }
    const withAlerting = plugins.alerting !== undefined;
    registerRoutes(
      core.http.createRouter(),
      language,
      // The request's clients are scoped to the request's space and user: records, imports,
      // deletions and rules happen in that space, with that user's privileges.
      (coreContext, request) => {
        const client = coreContext.savedObjects.client;
        const port = kibanaSavedObjectsPort(client, coreContext.savedObjects.getImporter(client));
        if (!request) return port;
        const alertRules = withAlerting
          ? alertRulesPort(
              async () => {
                const [, started] = await core.getStartServices();
                if (!started.alerting) throw new Error(ALERTING_UNAVAILABLE);
                return started.alerting.getRulesClientWithRequest(request);
              },
              savedObjectsRecordStore<AlertRulesRecord>(client, ALERT_RULES_RECORD_ID)
            )
          : alertingUnavailable(ALERTING_UNAVAILABLE);
        return { ...port, alertRules };
      }
    );
    const savedObjectTypes = ['index-pattern', 'search', 'query', 'dashboard', INSTALLATION_TYPE];
    plugins.features?.registerKibanaFeature({
      id: PLUGIN_ID,
      name: PLUGIN_NAME,
      category: DEFAULT_APP_CATEGORIES.observability,
      app: [PLUGIN_ID],
      catalogue: [],
      ...(alerting ? { alerting: alerting.alerting } : {}),
      privileges: {
        all: {
          app: [PLUGIN_ID],
          api: [API_PRIVILEGES.read, API_PRIVILEGES.setup],
          savedObject: { all: savedObjectTypes, read: [] },
          ui: ['show', 'setup'],
          ...(alerting ? { alerting: alerting.all } : {}),
        },
        read: {
          app: [PLUGIN_ID],
          api: [API_PRIVILEGES.read],
          savedObject: { all: [], read: savedObjectTypes },
          ui: ['show'],
          ...(alerting ? { alerting: alerting.read } : {}),
        },
      },
    });
    this.logger.debug('Network Observability routes registered');
  }

  start(_core: CoreStart): void {}

  stop(): void {}
}
