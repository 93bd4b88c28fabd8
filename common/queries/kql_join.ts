// Joining KQL clauses, shared by the app's Discover links and the server's findings.

/**
 * Joins KQL clauses with `and`. A clause with a top-level `or` would bind wrongly next to
 * `and`, so such clauses are parenthesised; parenthesising a safe clause is harmless.
 */
export function andKql(...clauses: Array<string | undefined>): string {
  const parts = clauses.map((c) => c?.trim()).filter((c): c is string => Boolean(c));
  if (parts.length === 1) return parts[0];
  return parts.map((part) => (/\sor\s/i.test(part) ? `(${part})` : part)).join(' and ');
}
