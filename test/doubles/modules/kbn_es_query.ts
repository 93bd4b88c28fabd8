// `@kbn/es-query` for jest (Kibana is not on npm): the two functions the server plugin calls,
// over our own KQL (common/kql), whose DSL follows Kibana's (tested against real Elasticsearch).
import type { KqlNode } from '../../../common/kql';
import { kqlToDsl, parseKql } from '../../../common/kql';
import { toDsl } from '../../../common/kql/to_dsl';

export function fromKueryExpression(kql: string): KqlNode {
  return parseKql(kql);
}

export function toElasticsearchQuery(node: KqlNode): unknown {
  return toDsl(node);
}

export { kqlToDsl };
