// The Troubleshoot page's form in the URL: `?a=…&b=…&port=…&protocol=…` beside the shared
// `_g`/`_a` query state (lib/url_state.ts), so a diagnosis can be reloaded, shared and opened
// prefilled from elsewhere in the app. The other parameters are kept exactly as they were.
import { checkConnectionRequest } from '../../../common/investigations/connection';
import { isIpv4, isIpv6 } from '../../../common/queries/param_values';
import type { TimeRangeStrings } from '../../lib/discover_links';
import type { DiscoverTarget } from '../../services';

export interface ConnectionFormValues {
  a: string;
  b: string;
  port: string;
  protocol: '' | 'tcp' | 'udp';
}

export const CONNECTION_PARAM_KEYS = ['a', 'b', 'port', 'protocol'] as const;
export const EMPTY_CONNECTION_FORM: ConnectionFormValues = { a: '', b: '', port: '', protocol: '' };

export function readConnectionParams(search: string): ConnectionFormValues {
  const params = new URLSearchParams(search);
  const protocol = params.get('protocol');
  return {
    a: params.get('a')?.trim() ?? '',
    b: params.get('b')?.trim() ?? '',
    port: params.get('port')?.trim() ?? '',
    protocol: protocol === 'tcp' || protocol === 'udp' ? protocol : '',
  };
}

/** `search` with the form's values (empty ones left out) replacing any earlier ones. */
export function writeConnectionParams(
  search: string,
  values: Partial<ConnectionFormValues>
): string {
  const keys = CONNECTION_PARAM_KEYS as readonly string[];
  const others = search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part && !keys.includes(decodeURIComponent(part.split('=')[0])));
  const ours = CONNECTION_PARAM_KEYS.filter((key) => values[key]?.trim()).map(
    (key) => `${key}=${encodeURIComponent(values[key]!.trim())}`
  );
  const all = [...others, ...ours];
  return all.length ? `?${all.join('&')}` : '';
}

/**
 * The request the form's values make over a time range, or the first problem, by field (the
 * server's own check: the form and the route refuse the same values with the same words).
 */
export function connectionRequestOf(
  values: ConnectionFormValues,
  range: TimeRangeStrings
): ReturnType<typeof checkConnectionRequest> {
  const port = /^\d{1,5}$/.test(values.port.trim()) ? Number(values.port) : values.port;
  return checkConnectionRequest({
    a: values.a,
    b: values.b,
    port,
    ...(values.protocol ? { protocol: values.protocol } : {}),
    from: range.from,
    to: range.to,
  });
}

const isIp = (text: string) => isIpv4(text) || isIpv6(text);

/**
 * What a table row of rejected VPC flows can prefill: its key as the client (a source address),
 * the server (a destination address) or the port (a destination port). Undefined for any other
 * row (accepted traffic, another source, a key that is neither).
 */
export function prefillFromRow(
  key: string,
  target: DiscoverTarget
): Partial<ConnectionFormValues> | undefined {
  if (target.dataset !== 'vpcflow' || !target.kql.includes('event.action: "reject"')) return;
  const on = (field: string) => target.kql.includes(`${field}: "${key}"`);
  if (isIp(key) && on('source.ip')) return { a: key };
  if (isIp(key) && on('destination.ip')) return { b: key };
  if (/^\d{1,5}$/.test(key) && on('destination.port')) return { port: key };
  return undefined;
}
