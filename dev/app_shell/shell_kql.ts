// KQL validation for the shell: our parser (common/kql, the one the standalone server
// translates KQL with), so a syntax error shows under the query bar with its position before
// any request, as Kibana's own parser does inside Kibana (public/application.tsx).
import { parseKql } from '../../common/kql';
import type { AppKql } from '../../public/services';

export function createShellKql(): AppKql {
  return {
    validate: (kql) => {
      try {
        parseKql(kql);
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  };
}
