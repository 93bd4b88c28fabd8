// Translates the KQL syntax tree into Elasticsearch query DSL the way Kibana's @kbn/es-query
// does when it has no data view: match for words, match_phrase for quoted phrases,
// query_string for wildcards, exists for field:*, multi_match for values without a field,
// range for comparisons, bool filter / should (minimum_should_match 1) / must_not for and / or /
// not, and nested queries with the path prefixed to inner fields.
import type { KqlNode, KqlValue } from './ast';

export type QueryDsl = Record<string, unknown>;

function allFields(value: KqlValue): QueryDsl {
  if (value.wildcard) return { query_string: { query: value.pattern } };
  return {
    multi_match: {
      type: value.quoted ? 'phrase' : 'best_fields',
      query: value.text,
      lenient: true,
    },
  };
}

function matchField(field: string, value: KqlValue): QueryDsl {
  if (field === '*') return allFields(value);
  if (value.wildcard || field.includes('*')) {
    return {
      query_string: {
        fields: [field],
        query: value.wildcard ? value.pattern : `"${value.text.replace(/(["\\])/g, '\\$1')}"`,
      },
    };
  }
  return value.quoted
    ? { match_phrase: { [field]: value.text } }
    : { match: { [field]: value.text } };
}

function withPath(path: string | undefined, field: string): string {
  return path ? `${path}.${field}` : field;
}

export function toDsl(node: KqlNode, nestedPath?: string): QueryDsl {
  switch (node.type) {
    case 'all':
      return { match_all: {} };
    case 'and':
      return { bool: { filter: node.children.map((child) => toDsl(child, nestedPath)) } };
    case 'or':
      return {
        bool: {
          should: node.children.map((child) => toDsl(child, nestedPath)),
          minimum_should_match: 1,
        },
      };
    case 'not':
      return { bool: { must_not: toDsl(node.child, nestedPath) } };
    case 'nested': {
      const path = withPath(nestedPath, node.path);
      return { nested: { path, query: toDsl(node.child, path), score_mode: 'none' } };
    }
    case 'exists':
      return { exists: { field: withPath(nestedPath, node.field) } };
    case 'range':
      return { range: { [withPath(nestedPath, node.field)]: { [node.operator]: node.value } } };
    case 'match':
      return node.field === null
        ? allFields(node.value)
        : matchField(withPath(nestedPath, node.field), node.value);
  }
}
