// Why a geo panel (top countries, top networks) of the overview is empty, in the words an
// engineer can act on: GeoIP only places public addresses, and without its databases (an
// air-gapped cluster cannot download them) nothing is placed; setup status's geo probe says
// which of the two it is.
import React from 'react';
import { EuiText } from '@elastic/eui';
import type { SourceId } from '../../common/constants';
import type { GeoPanelFacts } from '../../common/queries/geo';
import { COUNT_NOUNS } from '../lib/column_labels';
import { formatMetric } from '../lib/format';

/**
 * The part of setup status's geo line this needs (common/geo_status.ts GeoStatus: `disabled`
 * when a database is missing or expired, `no_processor` without the ingest-geoip module).
 */
export interface GeoStatusLine {
  state: string;
  message: string;
}

/** Setup status's geo line, when the status carries one. */
export function geoStatusLine(status: unknown): GeoStatusLine | undefined {
  const geo = (status as { geo?: Partial<GeoStatusLine> } | undefined)?.geo;
  return typeof geo?.state === 'string' && typeof geo.message === 'string'
    ? { state: geo.state, message: geo.message }
    : undefined;
}

export interface GeoEmptyStateProps {
  panelId: string;
  source: SourceId;
  facts: GeoPanelFacts;
  /** Setup status's geo line: tells "databases unavailable" from "not placed". */
  geoStatus?: GeoStatusLine;
}

export function GeoEmptyState({ panelId, source, facts, geoStatus }: GeoEmptyStateProps) {
  const noun = COUNT_NOUNS[source].toLowerCase();
  const side = facts.side;
  const unavailable =
    facts.emptyReason === 'not_located' &&
    (geoStatus?.state === 'disabled' || geoStatus?.state === 'no_processor');
  const reason = unavailable ? 'geo_unavailable' : facts.emptyReason;
  // Counted by the server for empty panels, the only ones this is shown for.
  const publicDocs = formatMetric(facts.publicDocs ?? 0);
  let title: string;
  let detail: string;
  if (reason === 'no_public_addresses') {
    title = 'No public addresses';
    detail = `None of these ${noun} has a public ${side} address: GeoIP places only public addresses, so traffic between private ranges has no country or network.`;
  } else if (reason === 'geo_unavailable') {
    title = 'GeoIP databases unavailable';
    detail = `${publicDocs} of these ${noun} have a public ${side} address, but the GeoIP databases are not available where the pipelines run. ${geoStatus?.message ?? ''}`;
  } else {
    title = 'No located addresses';
    detail = `${publicDocs} of these ${noun} have a public ${side} address, but none was placed: they were indexed before the geo lookups were installed, the GeoIP databases do not know these addresses, or the databases are not available (the Setup page's status says which).`;
  }
  return (
    <EuiText
      size="s"
      color="subdued"
      data-test-subj={`panel-geo-empty-${panelId}`}
      data-reason={reason}
    >
      <p>
        <strong>{title}.</strong> {detail.trim()}
      </p>
    </EuiText>
  );
}
