// The query language outside Kibana (standalone server, CLI-free tests, bench): our KQL
// (common/kql) and the date-math parser Kibana publishes on npm as @elastic/datemath (inside
// Kibana, plugin.ts passes @kbn/es-query and @kbn/datemath instead).
import dateMath from '@elastic/datemath';
import { kqlToDsl } from '../common/kql';
import type { QueryLanguage } from '../server/lib/analytics/query_context';

export const localQueryLanguage: QueryLanguage = {
  kqlToDsl,
  dateMath: dateMath as QueryLanguage['dateMath'],
};
