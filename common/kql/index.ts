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
    // Thousands of nested levels overflow the recursive parser: a syntax error to the user.
    if (error instanceof RangeError) throw tooDeep(text);
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

/** Thousands of nested levels overflow the recursive parser: for the user, a syntax error. */
function tooDeep(text: string): KqlSyntaxError {
  const start = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return new KqlSyntaxError(`KQL is nested too deeply (at column 1 of "${start}")`, 1);
}

export function kqlToDsl(text: string): QueryDsl {
  const node = parseKql(text);
  try {
    return toDsl(node);
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep(text);
    throw error;
  }
}
