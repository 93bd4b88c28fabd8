// Fills a prebuilt query's {{placeholders}} with values, quoting them for KQL.
import type { PrebuiltQuery } from './types';

/** KQL-quotes a value: IPv6 addresses and CIDRs contain ':' and '/', which must be quoted. */
export function kqlValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function renderQuery(query: PrebuiltQuery, values: Record<string, string> = {}): string {
  return query.kql.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const param = query.params?.find((p) => p.name === name);
    if (!param) throw new Error(`query ${query.id} has no parameter ${name}`);
    const value = (values[name] ?? param.example).trim();
    return param.kind === 'port' && /^\d+$/.test(value) ? value : kqlValue(value);
  });
}
