// Checks the query bar's KQL against the fields the data actually has, before the search runs:
// a value Elasticsearch would refuse for its field's type (a word compared with a numeric port,
// a name where an address belongs) becomes one sentence naming the field and the value (400),
// and a field no index of the source has becomes a warning (KQL on an unknown field silently
// matches nothing, which reads as "no data"). The KQL is read with our parser (common/kql),
// also inside Kibana: where it cannot read something Kibana's parser accepts, the check steps
// aside and Elasticsearch's own answer stands.
import type { Client } from '@elastic/elasticsearch';
import type { KqlNode } from '../../../common/kql';
import { parseKql } from '../../../common/kql';
import { isIpOrCidr, isIpv4, isIpv6 } from '../../../common/queries/param_values';
import { KqlError } from './query_context';

export type FieldCapsClient = Pick<Client, 'fieldCaps' | 'transport'>;

/** One comparison of a field with a value in the KQL: `field: value` or `field > value`. */
export interface FieldComparison {
  field: string;
  value: string;
  /** `*` in an unquoted value: a pattern, not a value of the field's type. */
  wildcard: boolean;
  range: boolean;
}

export interface KqlFieldCheck {
  /** Fields the KQL names that no index of the source has (sentences for the user). */
  warnings: string[];
}

const NUMERIC_TYPES = new Set([
  'long',
  'integer',
  'short',
  'byte',
  'double',
  'float',
  'half_float',
  'scaled_float',
  'unsigned_long',
]);

/** Every field named in the KQL, with the value it is compared with where there is one. */
export function kqlComparisons(
  node: KqlNode,
  prefix = ''
): {
  fields: string[];
  comparisons: FieldComparison[];
} {
  const fields: string[] = [];
  const comparisons: FieldComparison[] = [];
  const visit = (current: KqlNode, path: string) => {
    switch (current.type) {
      case 'and':
      case 'or':
        current.children.forEach((child) => visit(child, path));
        return;
      case 'not':
        visit(current.child, path);
        return;
      case 'nested':
        visit(current.child, `${path}${current.path}.`);
        return;
      case 'exists':
        fields.push(path + current.field);
        return;
      case 'match':
        if (current.field === null || current.field === '*') return;
        fields.push(path + current.field);
        comparisons.push({
          field: path + current.field,
          value: current.value.text,
          wildcard: current.value.wildcard && !current.value.quoted,
          range: false,
        });
        return;
      case 'range':
        fields.push(path + current.field);
        comparisons.push({
          field: path + current.field,
          value: current.value,
          wildcard: false,
          range: true,
        });
        return;
      default:
        return;
    }
  };
  visit(node, prefix);
  return { fields: [...new Set(fields)], comparisons };
}

/** The sentence for a value its field's type cannot hold, or undefined when it fits. */
export function typeMismatch(comparison: FieldComparison, type: string): string | undefined {
  const { field, value } = comparison;
  if (comparison.wildcard) {
    // Elasticsearch refuses wildcards on numbers and addresses; say so instead of its error.
    if (NUMERIC_TYPES.has(type) || type === 'ip')
      return `${field} holds ${type === 'ip' ? 'IP addresses' : 'numbers'}, which cannot be matched with a wildcard ("${value}"); use ${type === 'ip' ? 'a CIDR range such as 10.0.0.0/8' : 'a range such as ' + field + ' >= 1000'} instead.`;
    return undefined;
  }
  if (NUMERIC_TYPES.has(type) && !Number.isFinite(Number(value)))
    return `${field} holds numbers; "${value}" is not a number.`;
  if (type === 'ip' && !comparison.range && !isIpOrCidr(value))
    return `${field} holds IP addresses; "${value}" is neither an address nor a CIDR range such as 10.0.0.0/8.`;
  if (type === 'ip' && comparison.range && !isIpv4(value) && !isIpv6(value))
    return `${field} holds IP addresses; "${value}" is not an address to compare with.`;
  if (type === 'boolean' && !['true', 'false'].includes(value))
    return `${field} is true or false; "${value}" is neither.`;
  return undefined;
}

/**
 * Reads the types of the fields the KQL names across the source's indices; throws KqlError
 * with a sentence when a value cannot be of its field's type; returns warnings for fields
 * that do not exist. With no index yet (nothing shipped), there is nothing to check against.
 */
export async function checkKqlFields(
  client: FieldCapsClient,
  index: string,
  kql: string | undefined
): Promise<KqlFieldCheck> {
  if (!kql?.trim()) return { warnings: [] };
  let node: KqlNode;
  try {
    node = parseKql(kql);
  } catch {
    return { warnings: [] };
  }
  const { fields, comparisons } = kqlComparisons(node);
  const named = fields.filter((field) => !field.includes('*'));
  if (named.length === 0) return { warnings: [] };
  const caps = await client.fieldCaps({
    index,
    fields: named,
    ignore_unavailable: true,
    allow_no_indices: true,
  });
  if (caps.indices.length === 0) return { warnings: [] };
  for (const comparison of comparisons) {
    const types = Object.keys(caps.fields[comparison.field] ?? {});
    for (const type of types) {
      const problem = typeMismatch(comparison, type);
      if (problem) throw new KqlError(problem);
    }
  }
  const unknown = named.filter((field) => !caps.fields[field]);
  return {
    warnings: unknown.map(
      (field) => `No ${field} field in this data: the filter on it matches nothing.`
    ),
  };
}
