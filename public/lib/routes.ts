// The app's pages as paths under its base path (Kibana's ScopedHistory or the shell's root),
// so a page and an overview tab can be bookmarked and reloaded.
import type { SourceId } from '../../common/constants';
import { SOURCE_IDS } from '../../common/constants';

export const PAGE_IDS = [
  'overview',
  'queries',
  'troubleshoot',
  'scans',
  'detections',
  'setup',
  'sources',
] as const;
export type PageId = (typeof PAGE_IDS)[number];

export const PAGE_TITLES: Record<PageId, string> = {
  overview: 'Overview',
  queries: 'Queries',
  troubleshoot: 'Troubleshoot',
  scans: 'Scans',
  detections: 'Detections',
  setup: 'Setup',
  sources: 'Sources',
};

export interface Route {
  page: PageId;
  /** The overview's source tab. */
  source: SourceId;
}

export function parseRoute(pathname: string): Route {
  const [page, source] = pathname.split('/').filter(Boolean);
  return {
    page: (PAGE_IDS as readonly string[]).includes(page) ? (page as PageId) : 'overview',
    source: (SOURCE_IDS as readonly string[]).includes(source) ? (source as SourceId) : 'vpcflow',
  };
}

export function routePath(page: PageId, source?: SourceId): string {
  return page === 'overview' && source ? `/overview/${source}` : `/${page}`;
}
