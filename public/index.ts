// Kibana's browser entry for the plugin: re-exports the initializer only.
import type { PluginInitializerContext } from '@kbn/core/public';
import { NetworkObservabilityPlugin } from './plugin';

export function plugin(initializerContext: PluginInitializerContext) {
  return new NetworkObservabilityPlugin(initializerContext);
}
