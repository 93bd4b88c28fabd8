// Types of the parser peggy generates from kql.peggy.
import type { KqlNode } from './ast';

export function parse(input: string): KqlNode;

export class SyntaxError extends Error {
  location: { start: { offset: number; line: number; column: number } };
  expected: unknown;
  found: string | null;
}
