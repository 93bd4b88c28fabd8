// Discover links for the shell when a Kibana is known (KIBANA_URL): the same `_g`/`_a` URL state
// Kibana's Discover reads, rison-encoded. Without a Kibana there is no link and the app shows
// the KQL.
import type { DiscoverTarget } from '../../public/services';
import { dataViewId } from '../../public/lib/data_views';

/** A rison string literal: `'` and `!` are escaped with `!`. */
export function risonString(value: string): string {
  return `'${value.replace(/!/g, '!!').replace(/'/g, "!'")}'`;
}

export function kibanaDiscoverUrl(kibanaUrl: string, target: DiscoverTarget): string {
  const g = `(time:(from:${risonString(target.from)},to:${risonString(target.to)}))`;
  const a =
    `(dataSource:(dataViewId:${risonString(target.dataViewId ?? dataViewId(target.dataset))},type:dataView),` +
    `query:(language:kuery,query:${risonString(target.kql)}))`;
  const base = kibanaUrl.replace(/\/+$/, '');
  return `${base}/app/discover#/?_g=${encodeURIComponent(g)}&_a=${encodeURIComponent(a)}`;
}
