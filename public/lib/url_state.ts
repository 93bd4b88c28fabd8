// The query bar's KQL and the time range in the URL, as Kibana's own apps keep them: global
// state (the time) in `_g`, the app's state (the query) in `_a`, both rison-encoded
// (`?_g=(time:(from:now-24h,to:now))&_a=(query:(language:kuery,query:'...'))`, the shape of
// Discover's and Dashboards' URLs). So a reload keeps the view and a link can be shared.
// The page and the overview's source tab are the path (lib/routes.ts).
import rison from 'rison-node';
import type { TimeRangeStrings } from './discover_links';

export const GLOBAL_STATE_KEY = '_g';
export const APP_STATE_KEY = '_a';

export interface UrlQueryState {
  range?: TimeRangeStrings;
  kql?: string;
}

type Rison = ReturnType<typeof rison.decode>;

function record(value: Rison | undefined): Record<string, Rison> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

function decode(text: string | null): Record<string, Rison> | undefined {
  if (!text) return undefined;
  let failed = false;
  const parser = new rison.parser(() => (failed = true));
  // Quietly: rison.decode would console.log every hand-edited or truncated link.
  parser.error = function (message) {
    this.message = message;
    return undefined;
  };
  const value = parser.parse(text);
  // An unreadable part of the state is ignored; the rest of the URL still applies.
  if (failed) return undefined;
  return record(value);
}

/** What the URL's search part says; missing or unreadable parts are left undefined. */
export function readUrlState(search: string): UrlQueryState {
  const params = new URLSearchParams(search);
  const time = record(decode(params.get(GLOBAL_STATE_KEY))?.time);
  const query = record(decode(params.get(APP_STATE_KEY))?.query);
  const state: UrlQueryState = {};
  if (typeof time?.from === 'string' && typeof time?.to === 'string' && time.from && time.to)
    state.range = { from: time.from, to: time.to };
  if (typeof query?.query === 'string') state.kql = query.query;
  return state;
}

/**
 * rison's URI quoting keeps `/` readable, but Kibana's ScopedHistory collapses every `//` in a
 * path it is given, search part included (prependBasePathToString in scoped_history.ts): a
 * `http://` inside the KQL would lose a slash. So `/` is escaped here.
 */
const encodeState = (value: Parameters<typeof rison.encode_uri>[0]) =>
  rison.encode_uri(value).replace(/\//g, '%2F');

/** The search part carrying `state`, keeping any other parameter the URL had. */
export function writeUrlState(search: string, state: Required<UrlQueryState>): string {
  const others = new URLSearchParams(search);
  others.delete(GLOBAL_STATE_KEY);
  others.delete(APP_STATE_KEY);
  const g = encodeState({ time: { from: state.range.from, to: state.range.to } });
  const a = encodeState({ query: { language: 'kuery', query: state.kql } });
  const rest = others.toString();
  return `?${GLOBAL_STATE_KEY}=${g}&${APP_STATE_KEY}=${a}${rest ? `&${rest}` : ''}`;
}
