// Overview: one tab per source with KPI tiles and the panels the server computes for it.
import React, { useEffect } from 'react';
import { EuiEmptyPrompt, EuiFlexGrid, EuiFlexItem, EuiSpacer, EuiTab, EuiTabs } from '@elastic/eui';
import type { SourceId } from '../../common/constants';
import { INTERNAL_API_BASE, SOURCE_IDS } from '../../common/constants';
import type { OverviewResponse } from '../../common/api_types';
import type { WithQueryWarnings } from '../../common/query_warnings';
import { ALL_SOURCES } from '../../common/sources';
import { DashboardLinks } from '../components/dashboard_links';
import { EmptyNoDataPrompt } from '../components/empty_no_data_prompt';
import { EmptyNoResultsPrompt } from '../components/empty_no_results_prompt';
import { EmptySetupPrompt } from '../components/empty_setup_prompt';
import type { GeoStatusLine } from '../components/geo_empty_state';
import { geoStatusLine } from '../components/geo_empty_state';
import { ErrorCallout } from '../components/error_callout';
import { KpiTiles } from '../components/kpi_tiles';
import { LoadingPanel } from '../components/loading_panel';
import { OverviewPanel } from '../components/overview_panel';
import { SetupStatusCallout } from '../components/setup_status_callout';
import { useSpikes } from '../components/spikes/use_spikes';
import { useQueryState } from '../context/query_state_context';
import { useRoute } from '../context/route_context';
import { useServices } from '../context/services_context';
import { useAsync } from '../hooks/use_async';
import { useSetupStatus } from '../hooks/use_setup_status';
import { COUNT_NOUNS } from '../lib/column_labels';
import { SOURCE_TAB_LABELS } from '../lib/source_titles';

function SourceOverview({ source, geoStatus }: { source: SourceId; geoStatus?: GeoStatusLine }) {
  const { http } = useServices();
  const { range, kql, refreshKey, setKql, reportOutcome } = useQueryState();
  const overview = useAsync(
    (signal) =>
      http.post<OverviewResponse & WithQueryWarnings>(
        `${INTERNAL_API_BASE}/overview/${source}`,
        { from: range.from, to: range.to, ...(kql ? { kql } : {}) },
        { signal }
      ),
    [http, source, range.from, range.to, kql, refreshKey]
  );
  const data = overview.data?.source === source ? overview.data : undefined;
  // Spikes are marked on the time series: asked for once the source shows one.
  const firstSeries = data?.panels.find((panel) => panel.kind === 'timeseries')?.id;
  const spikes = useSpikes(source, firstSeries !== undefined);
  // A 400 is the query's fault (a value its field cannot hold): the query bar says so and the
  // last results stay; anything else (Elasticsearch down, no privilege) is this page's error.
  const refused = overview.errorStatus === 400 ? overview.error : undefined;
  useEffect(() => {
    if (overview.loading) return;
    reportOutcome(refused ? { error: refused } : { warnings: overview.data?.warnings ?? [] });
  }, [overview.loading, refused, overview.data, reportOutcome]);
  useEffect(() => () => reportOutcome({}), [reportOutcome]);

  if (overview.error && !refused) {
    return (
      <ErrorCallout
        title={`Could not load the ${ALL_SOURCES[source].title} overview`}
        message={overview.error}
        onRetry={overview.reload}
      />
    );
  }
  if (!data && refused) {
    return (
      <EuiEmptyPrompt
        data-test-subj="overview-query-refused"
        iconType="search"
        title={<h2>Fix the query to see {COUNT_NOUNS[source].toLowerCase()}</h2>}
        body={<p>The reason is under the query bar.</p>}
      />
    );
  }
  if (!data) return <LoadingPanel label={`Loading ${ALL_SOURCES[source].title}…`} />;
  if (data.total === 0 && !overview.loading && !refused) {
    return kql ? (
      <EmptyNoResultsPrompt
        noun={COUNT_NOUNS[source].toLowerCase()}
        kql={kql}
        onClear={() => setKql('')}
      />
    ) : (
      <EmptyNoDataPrompt sourceTitle={ALL_SOURCES[source].title} />
    );
  }
  return (
    <div aria-busy={overview.loading} data-stale={refused ? 'true' : undefined}>
      <KpiTiles source={source} kpis={data.kpis} loading={overview.loading} />
      <EuiSpacer size="m" />
      <EuiFlexGrid columns={2} gutterSize="m">
        {data.panels.map((panel) => (
          <EuiFlexItem key={panel.id}>
            <OverviewPanel
              source={source}
              panel={panel}
              range={range}
              userKql={kql}
              spikes={panel.kind === 'timeseries' ? spikes : undefined}
              spikeList={panel.id === firstSeries}
              geoStatus={geoStatus}
            />
          </EuiFlexItem>
        ))}
      </EuiFlexGrid>
    </div>
  );
}

export function OverviewPage() {
  const { route, navigate } = useRoute();
  const { refreshKey } = useQueryState();
  const status = useSetupStatus(refreshKey);

  if (status.error) {
    return (
      <ErrorCallout
        title="Could not read the setup status"
        message={status.error}
        onRetry={status.reload}
      />
    );
  }
  if (!status.data) return <LoadingPanel label="Checking setup…" />;
  if (status.data.state === 'not_installed') return <EmptySetupPrompt />;

  return (
    <>
      <SetupStatusCallout status={status.data} />
      <EuiTabs aria-label="Log sources">
        {SOURCE_IDS.map((source) => (
          <EuiTab
            key={source}
            isSelected={route.source === source}
            onClick={() => navigate('overview', source)}
            data-test-subj={`source-tab-${source}`}
          >
            {SOURCE_TAB_LABELS[source]}
          </EuiTab>
        ))}
      </EuiTabs>
      <EuiSpacer size="s" />
      <DashboardLinks source={route.source} />
      <EuiSpacer size="s" />
      <SourceOverview
        key={route.source}
        source={route.source}
        geoStatus={geoStatusLine(status.data)}
      />
    </>
  );
}
