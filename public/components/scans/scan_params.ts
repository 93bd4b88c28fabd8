// The Scans page's source filter in the URL: `?source=…` beside the shared `_g`/`_a` query state
// (lib/url_state.ts), so a scanner's page can be reloaded and shared. Other parameters are kept
// exactly as they were.
import { checkScanSource } from '../../../common/investigations/scans';

export const SOURCE_PARAM = 'source';

/** The source the URL names, trimmed; empty when none. */
export function readScanSource(search: string): string {
  return new URLSearchParams(search).get(SOURCE_PARAM)?.trim() ?? '';
}

/** `search` with `source` (or without it, when empty) in place of any earlier one. */
export function writeScanSource(search: string, source: string): string {
  const others = search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part && decodeURIComponent(part.split('=')[0]) !== SOURCE_PARAM);
  const value = source.trim();
  const all = value ? [...others, `${SOURCE_PARAM}=${encodeURIComponent(value)}`] : others;
  return all.length ? `?${all.join('&')}` : '';
}

/** The form's problem with a source, in the server's words; undefined when empty or fine. */
export function scanSourceProblem(source: string): string | undefined {
  return source.trim() ? checkScanSource(source) : undefined;
}
