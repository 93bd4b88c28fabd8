// The Detections page's own state in the URL beside the shared `_g`/`_a` (lib/url_state.ts):
// the rules chosen (`?rules=port_scan,bruteforce`; absent means all of them) and the tab
// (`?tab=catalog`), so a view can be reloaded and shared. Other parameters are kept as they were.
import type { DetectionId } from '../../../common/detections';
import { DETECTION_IDS } from '../../../common/detections';

export const RULES_PARAM = 'rules';
export const TAB_PARAM = 'tab';
export const DETECTIONS_TABS = ['findings', 'catalog'] as const;
export type DetectionsTab = (typeof DETECTIONS_TABS)[number];

/**
 * The rules the URL names, in the catalog's order; undefined for all of them (no parameter, or
 * none it names exists: a hand-edited link never sends the route an id it refuses).
 */
export function readRules(search: string): DetectionId[] | undefined {
  const text = new URLSearchParams(search).get(RULES_PARAM);
  if (!text) return undefined;
  const named = new Set(text.split(',').map((id) => id.trim()));
  const rules = DETECTION_IDS.filter((id) => named.has(id));
  return rules.length > 0 && rules.length < DETECTION_IDS.length ? rules : undefined;
}

export function readTab(search: string): DetectionsTab {
  return new URLSearchParams(search).get(TAB_PARAM) === 'catalog' ? 'catalog' : 'findings';
}

/** `search` with `key=value` in place of any earlier one (removed when value is undefined). */
function withParam(search: string, key: string, value: string | undefined): string {
  const others = search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part && decodeURIComponent(part.split('=')[0]) !== key);
  // Commas stay readable in the URL: they need no escaping in a query string's value.
  const all = value
    ? [...others, `${key}=${encodeURIComponent(value).replace(/%2C/g, ',')}`]
    : others;
  return all.length ? `?${all.join('&')}` : '';
}

/** The rules chosen; all of them (or none, which the page never sends) leave no parameter. */
export function writeRules(search: string, rules: readonly DetectionId[]): string {
  const chosen = DETECTION_IDS.filter((id) => rules.includes(id));
  const all = chosen.length === 0 || chosen.length === DETECTION_IDS.length;
  return withParam(search, RULES_PARAM, all ? undefined : chosen.join(','));
}

export function writeTab(search: string, tab: DetectionsTab): string {
  return withParam(search, TAB_PARAM, tab === 'findings' ? undefined : tab);
}
