// What every route needs besides the router: injected so the same route files serve Kibana
// and the standalone dev server.
import type { QueryLanguage } from '../lib/analytics/query_context';
import type { PipelineHost } from '../lib/installer/setup';

/**
 * `kqlToDsl`: @kbn/es-query in Kibana, common/kql outside. `dateMath`: @kbn/datemath in Kibana,
 * the same parser published as @elastic/datemath outside.
 */
export interface RouteDeps extends QueryLanguage {
  /** Data stream namespace pattern the analytics read (default every namespace). */
  namespace?: string;
  /** Where pipelines run when the cluster cannot hold them (the dev stack only; never Kibana). */
  pipelineHost?: PipelineHost;
}

/** Kibana feature privileges (registered in plugin.ts) the routes require. */
export const API_PRIVILEGES = {
  read: 'networkObservability-read',
  setup: 'networkObservability-setup',
} as const;
