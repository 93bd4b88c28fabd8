// KQL outside Kibana: a parser generated from our grammar (kql.peggy) and a translation to query
// DSL shaped like Kibana's. In Kibana itself the plugin uses @kbn/es-query instead.
import type { KqlNode } from './ast';
import { parse, SyntaxError as PeggySyntaxError } from './kql_parser.generated';
import type { QueryDsl } from './to_dsl';
import { toDsl } from './to_dsl';

export type { KqlNode, KqlValue } from './ast';
export type { QueryDsl } from './to_dsl';

export class KqlSyntaxError extends Error {
  override name = 'KqlSyntaxError';
  constructor(
    message: string,
    readonly column: number
  ) {
    super(message);
  }
}

export function parseKql(text: string): KqlNode {
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof PeggySyntaxError) {
      const column = error.location.start.column;
      throw new KqlSyntaxError(
        `${error.message.replace(/\.$/, '')} (at column ${column} of "${text}")`,
        column
      );
    }
    throw error;
  }
}

export function kqlToDsl(text: string): QueryDsl {
  return toDsl(parseKql(text));
}
