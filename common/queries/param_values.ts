// What a prebuilt query's parameter accepts, checked the same way in the form (before any
// request) and on the server (before any search): an IP address or CIDR for `ip`, a whole number
// from 0 to 65535 for `port`. Each check answers a sentence for the user, or undefined when the
// value is fine.
import type { PrebuiltQuery, QueryParam } from './types';

const MAX_TEXT_LENGTH = 256;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/** RFC 4291 text forms: eight groups, one `::` for a run of zeros, an IPv4 tail allowed. */
export function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  const all = [...head, ...tail];
  let size = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!isIpv4(last)) return false;
    all.pop();
    size += 1; // an IPv4 tail stands for two groups
  }
  if (!all.every((group) => HEX_GROUP.test(group))) return false;
  return halves.length === 2 ? size <= 7 : size === 8;
}

/** An address, or a CIDR block whose prefix fits its family (10.0.0.0/8, fd00::/8). */
export function isIpOrCidr(text: string): boolean {
  const [address, prefix, ...rest] = text.split('/');
  if (rest.length > 0) return false;
  const v4 = isIpv4(address);
  if (!v4 && !isIpv6(address)) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (v4 ? 32 : 128);
}

export const PARAM_EXPECTED: Record<QueryParam['kind'], string> = {
  ip: 'an IPv4 or IPv6 address, or a CIDR such as 10.0.0.0/8',
  port: 'a whole number from 0 to 65535',
  text: `text of at most ${MAX_TEXT_LENGTH} characters`,
};

function valid(kind: QueryParam['kind'], value: string): boolean {
  switch (kind) {
    case 'ip':
      return isIpOrCidr(value);
    case 'port':
      return /^\d{1,5}$/.test(value) && Number(value) <= 65535;
    case 'text':
      return value.length > 0 && value.length <= MAX_TEXT_LENGTH;
  }
}

/** Why `value` does not fit a parameter of this kind, or undefined when it does. */
export function checkParamValue(kind: QueryParam['kind'], value: string): string | undefined {
  const text = value.trim();
  if (valid(kind, text)) return undefined;
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return `expected ${PARAM_EXPECTED[kind]}, got "${shown}"`;
}

/**
 * Problems of a query's parameter values, by parameter name (empty when all are fine). An
 * unknown name is a problem too: the KQL comes from the catalog, never from the request.
 */
export function checkQueryParams(
  query: PrebuiltQuery,
  values: Record<string, string>
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const param = query.params?.find((p) => p.name === name);
    const problem = param
      ? checkParamValue(param.kind, value)
      : `query ${query.id} has no parameter ${name}`;
    if (problem) problems[name] = problem;
  }
  return problems;
}
