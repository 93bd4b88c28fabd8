// Registers the app in Kibana's Observability category. The app's code (React, EUI, charts) is
// only loaded when the user opens it: `mount` imports ./application lazily.
import type {
  AppMountParameters,
  CoreSetup,
  CoreStart,
  Plugin,
  PluginInitializerContext,
} from '@kbn/core/public';
import { DEFAULT_APP_CATEGORIES } from '@kbn/core/public';
import type { SharePublicStart } from '@kbn/share-plugin/public';
import { PLUGIN_ID, PLUGIN_NAME } from '../common/constants';
import type { RuleTypeRegistryLike } from './alerting/rule_type_model';
import { detectionsRuleTypeModel } from './alerting/rule_type_model';

export interface NetworkObservabilitySetupDeps {
  /**
   * Optional (kibana.json optionalPlugins): with it, our alerting rules can be created and edited
   * in Stack Management (the rule type's form), so users attach their connectors there.
   */
  triggersActionsUi?: { ruleTypeRegistry: RuleTypeRegistryLike };
}

export interface NetworkObservabilityStartDeps {
  /** Optional (kibana.json optionalPlugins): without it, Discover links show the KQL instead. */
  share?: SharePublicStart;
}

export class NetworkObservabilityPlugin implements Plugin<
  void,
  void,
  NetworkObservabilitySetupDeps,
  NetworkObservabilityStartDeps
> {
  constructor(_initializerContext: PluginInitializerContext) {}

  setup(
    core: CoreSetup<NetworkObservabilityStartDeps>,
    deps: NetworkObservabilitySetupDeps = {}
  ): void {
    deps.triggersActionsUi?.ruleTypeRegistry.register(detectionsRuleTypeModel());
    core.application.register({
      id: PLUGIN_ID,
      title: PLUGIN_NAME,
      category: DEFAULT_APP_CATEGORIES.observability,
      euiIconType: 'globe',
      keywords: ['vpc', 'flow logs', 'alb', 'nlb', 'transit gateway', 'aws', 'network'],
      mount: async (params: AppMountParameters) => {
        const [{ renderApp }, [coreStart, deps]] = await Promise.all([
          import('./application'),
          core.getStartServices(),
        ]);
        return renderApp(coreStart as CoreStart, deps, params);
      },
    });
  }

  start(): void {}

  stop(): void {}
}
