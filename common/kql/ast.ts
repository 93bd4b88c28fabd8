// The syntax tree the KQL grammar produces.

export interface KqlValue {
  text: string;
  quoted: boolean;
  wildcard: boolean;
  /** For unquoted values: the text with query_string syntax escaped and * kept as wildcards. */
  pattern?: string;
}

export type KqlNode =
  | { type: 'all' }
  | { type: 'and' | 'or'; children: KqlNode[] }
  | { type: 'not'; child: KqlNode }
  | { type: 'nested'; path: string; child: KqlNode }
  /** field null: a bare value (all fields); field "*": explicitly all fields. */
  | { type: 'match'; field: string | null; value: KqlValue }
  | { type: 'exists'; field: string }
  | { type: 'range'; field: string; operator: 'gt' | 'gte' | 'lt' | 'lte'; value: string };
