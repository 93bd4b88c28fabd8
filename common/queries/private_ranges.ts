// KQL for "a private address" on a field: RFC 1918 for IPv4 and RFC 4193 for IPv6, matching the
// ranges the flow-log pipeline uses for network.direction.
export const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'];

export function isPrivateKql(field: string): string {
  return `${field}: (${PRIVATE_RANGES.map((range) => `"${range}"`).join(' or ')})`;
}
