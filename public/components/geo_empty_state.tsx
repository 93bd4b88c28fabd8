// Why a geo panel (top countries, top networks) of the overview is empty, in the words an
// engineer can act on: GeoIP only places public addresses; without its databases (an air-gapped
// cluster cannot download them) Elasticsearch tags the documents instead of placing them.
import React from 'react';
import { EuiText } from '@elastic/eui';
import type { SourceId } from '../../common/constants';
import type { GeoPanelFacts } from '../../common/queries/geo';
import { COUNT_NOUNS } from '../lib/column_labels';
import { formatMetric } from '../lib/format';

export interface GeoEmptyStateProps {
  panelId: string;
  source: SourceId;
  facts: GeoPanelFacts;
}

export function GeoEmptyState({ panelId, source, facts }: GeoEmptyStateProps) {
  const noun = COUNT_NOUNS[source].toLowerCase();
  const side = facts.side === 'source' ? 'source' : 'destination';
  let title: string;
  let detail: string;
  switch (facts.emptyReason) {
    case 'no_public_addresses':
      title = 'No public addresses';
      detail = `None of these ${noun} has a public ${side} address: GeoIP places only public addresses, so traffic between private ranges has no country or network.`;
      break;
    case 'geo_unavailable':
      title = 'GeoIP databases unavailable';
      detail = `Elasticsearch had no GeoIP database when ${formatMetric(facts.unavailableDocs)} of these ${noun} were indexed (it tags them _geoip_database_unavailable_…). It downloads the databases from Elastic's endpoint; an air-gapped cluster needs a local mirror (ingest.geoip.downloader.endpoint) or the databases in its config directory (ingest-geoip).`;
      break;
    default:
      title = 'No located addresses';
      detail = `${formatMetric(facts.publicDocs)} of these ${noun} have a public ${side} address, but none was placed: they were indexed before the geo lookups were installed, or the GeoIP database does not know the addresses.`;
  }
  return (
    <EuiText
      size="s"
      color="subdued"
      data-test-subj={`panel-geo-empty-${panelId}`}
      data-reason={facts.emptyReason}
    >
      <p>
        <strong>{title}.</strong> {detail}
      </p>
    </EuiText>
  );
}
