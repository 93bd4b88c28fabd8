// Kibana server entry point, as the plugin generator template writes it: the plugin class is
// loaded lazily.
import type { PluginInitializerContext } from '@kbn/core/server';

export async function plugin(initializerContext: PluginInitializerContext) {
  const { NetworkObservabilityPlugin } = await import('./plugin');
  return new NetworkObservabilityPlugin(initializerContext);
}
