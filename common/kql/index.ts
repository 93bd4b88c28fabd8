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

/** Deeper than this the recursive parser is not even tried: it would overflow its stack. */
const MAX_PARSE_DEPTH = 1000;

/** The deepest nesting of ( and { outside quotes, plus the number of `not`s. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\\') i += 1;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '(' || c === '{')) deepest = Math.max(deepest, ++depth);
    else if (!quoted && (c === ')' || c === '}')) depth = Math.max(0, depth - 1);
  }
  return deepest + (text.match(/\bnot\s/gi)?.length ?? 0);
}

export function parseKql(text: string): KqlNode {
  if (nestingDepth(text) > MAX_PARSE_DEPTH) throw tooDeep(text);
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
