// Flow-log formats configured per CloudWatch log group. Flow logs that AWS delivers to
// CloudWatch Logs have no header line, so a custom format cannot be read from the data: setup
// stores it once per log group (in the netobs-flowlog-formats pipeline the router calls), and
// two log groups with different formats can feed the same cluster.
import { VPC_FLOW_DEFAULT_FIELDS } from './constants';
import { ALL_FLOW_LOG_FIELDS, isDefaultVpcFormat } from './sources/flow_log_fields';

/** Log group name → the flow log's field list (space separated, AWS's names, in order). */
export type FlowLogFormats = Record<string, string>;

/** What the pipeline holds per log group: the router's source hint and, unless default, the fields. */
export interface FlowLogFormatEntry {
  source: 'vpcflow' | 'tgwflow';
  fields?: string;
}

/** CloudWatch Logs' own rule for log group names (1–512 of a-z A-Z 0-9 _ - / . #). */
const LOG_GROUP = /^[\w\-/.#]{1,512}$/;

/** The field names of a format, accepting AWS's `${name}` syntax as the console shows it. */
export function formatFieldNames(format: string): string[] {
  return format
    .trim()
    .split(/\s+/)
    .filter((token) => token.length > 0)
    .map((token) => token.replace(/^\$\{(.+)\}$/, '$1'));
}

/** A message when a log group name is not one CloudWatch Logs accepts. */
export function checkLogGroupName(name: string): string | undefined {
  return LOG_GROUP.test(name)
    ? undefined
    : `"${name}" is not a CloudWatch log group name (1-512 characters: letters, digits, _ - / . #)`;
}

/** A message when a format would not parse: empty, unknown or repeated names, no addresses. */
export function checkFlowLogFormat(format: string): string | undefined {
  const names = formatFieldNames(format);
  if (names.length === 0) return 'expected a space-separated list of flow-log fields, got nothing';
  const unknown = names.filter((name) => !ALL_FLOW_LOG_FIELDS.has(name));
  if (unknown.length > 0)
    return `unknown flow-log field${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')} (AWS's names are lowercase with hyphens, e.g. srcaddr, pkt-srcaddr, tgw-attachment-id; docs/fields.md lists them)`;
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  if (repeated.length > 0) return `field "${repeated[0]}" appears twice`;
  const missing = ['srcaddr', 'dstaddr'].filter((name) => !names.includes(name));
  if (missing.length > 0)
    return `a format without ${missing.join(' and ')} cannot describe a flow; add ${missing.join(' and ')}`;
  return undefined;
}

/** Transit Gateway formats carry TGW-only fields; the router tells them apart the same way. */
export function formatSource(names: readonly string[]): 'vpcflow' | 'tgwflow' {
  return names.some((name) => name.startsWith('tgw-') || name === 'resource-type')
    ? 'tgwflow'
    : 'vpcflow';
}

/** The pipeline's entry for a format: the default v2 format needs no field list. */
export function formatEntry(format: string): FlowLogFormatEntry {
  const names = formatFieldNames(format);
  const source = formatSource(names);
  return source === 'vpcflow' && isDefaultVpcFormat(names)
    ? { source }
    : { source, fields: names.join(' ') };
}

/** The entries the netobs-flowlog-formats pipeline holds, keyed by log group. */
export function formatEntries(formats: FlowLogFormats): Record<string, FlowLogFormatEntry> {
  return Object.fromEntries(
    Object.entries(formats).map(([group, format]) => [group, formatEntry(format)])
  );
}

/** Back from the pipeline's entries to formats (the default v2 format spelled out). */
export function formatsFromEntries(entries: Record<string, FlowLogFormatEntry>): FlowLogFormats {
  return Object.fromEntries(
    Object.entries(entries).map(([group, entry]) => [
      group,
      entry.fields ?? VPC_FLOW_DEFAULT_FIELDS.join(' '),
    ])
  );
}

/**
 * One `--flowlog-format` argument of the CLI: `<log group>=<fields>` sets a group's format,
 * `<log group>=` removes it. The log group name itself cannot contain `=`.
 */
export function parseFormatArgument(argument: string): { group: string; format?: string } {
  const at = argument.indexOf('=');
  if (at <= 0)
    throw new Error(
      `--flowlog-format expects <log group>=<fields>, e.g. "/aws/vpc/prod=version srcaddr dstaddr ...", got "${argument}"`
    );
  const group = argument.slice(0, at);
  const format = argument.slice(at + 1).trim();
  const badGroup = checkLogGroupName(group);
  if (badGroup) throw new Error(`--flowlog-format: ${badGroup}`);
  if (format === '') return { group };
  const badFormat = checkFlowLogFormat(format);
  if (badFormat) throw new Error(`--flowlog-format ${group}: ${badFormat}`);
  return { group, format: formatFieldNames(format).join(' ') };
}
