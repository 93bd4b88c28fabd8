// What the product knows about each log source: how it is recognised, where it lands and which
// fields it produces. Used by the app (source pages), the docs generator and the tests that
// keep the pipelines' field lists in step with this description.
import type { SourceId } from '../constants';

export interface FieldDoc {
  /** Field name as indexed (ECS or aws.*). */
  name: string;
  type: 'keyword' | 'ip' | 'long' | 'integer' | 'float' | 'date' | 'boolean' | 'text';
  description: string;
  /**
   * Where Elastic's own AWS integration (or its documented processor) differs for the same
   * source field: its field, or that it has none, and why we chose ours. Only facts from
   * Elastic's published documentation, with the page named.
   */
  elastic?: string;
}

export interface LogSource {
  id: SourceId;
  title: string;
  /** How the router recognises it, in words for the docs and the app. */
  recognisedBy: string[];
  /** The positional field names of the source's default format, as AWS spells them. */
  defaultFormat: readonly string[];
  /** ECS fields the pipeline sets (besides the raw fields under `rawPrefix`). */
  ecsFields: FieldDoc[];
  /** Where every raw field of the line is kept. */
  rawPrefix: string;
}
