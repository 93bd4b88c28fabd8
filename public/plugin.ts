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

export interface NetworkObservabilityStartDeps {
  /** Optional (kibana.json optionalPlugins): without it, Discover links show the KQL instead. */
  share?: SharePublicStart;
}

export class NetworkObservabilityPlugin implements Plugin<
  void,
  void,
  Record<string, never>,
  NetworkObservabilityStartDeps
> {
  constructor(_initializerContext: PluginInitializerContext) {}

  setup(core: CoreSetup<NetworkObservabilityStartDeps>): void {
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
