// The Network Observability app: shared header, page tabs and the current page. Everything
// outside the browser tab comes in through `services`; routing through `history`.
import React, { useEffect } from 'react';
import { EuiPageTemplate, EuiSpacer } from '@elastic/eui';
import { PLUGIN_NAME } from '../common/constants';
import { AppHeader } from './components/app_header';
import { QueryStateProvider } from './context/query_state_context';
import { RouteProvider, useRoute } from './context/route_context';
import { SavedObjectIdsProvider } from './context/saved_object_ids_context';
import { ServicesProvider, useServices } from './context/services_context';
import type { Route } from './lib/routes';
import { PAGE_IDS, PAGE_TITLES } from './lib/routes';
import { DetectionsPage } from './pages/detections_page';
import { OverviewPage } from './pages/overview_page';
import { QueriesPage } from './pages/queries_page';
import { ScansPage } from './pages/scans_page';
import { SetupPage } from './pages/setup_page';
import { SourcesPage } from './pages/sources_page';
import { TroubleshootPage } from './pages/troubleshoot_page';
import type { AppHistory, AppServices } from './services';

export interface AppProps {
  services: AppServices;
  history: AppHistory;
  /** Lets the host follow the page (Kibana breadcrumbs, the shell's document title). */
  onRouteChange?(route: Route): void;
}

const PAGES = {
  overview: OverviewPage,
  queries: QueriesPage,
  troubleshoot: TroubleshootPage,
  scans: ScansPage,
  detections: DetectionsPage,
  setup: SetupPage,
  sources: SourcesPage,
};

function AppLayout({ onRouteChange }: Pick<AppProps, 'onRouteChange'>) {
  const { route, navigate } = useRoute();
  useEffect(() => onRouteChange?.(route), [route, onRouteChange]);
  const Page = PAGES[route.page];
  return (
    <EuiPageTemplate restrictWidth={false} panelled={false} offset={0} grow>
      <EuiPageTemplate.Header
        pageTitle={PLUGIN_NAME}
        iconType="logoObservability"
        tabs={PAGE_IDS.map((page) => ({
          label: PAGE_TITLES[page],
          isSelected: route.page === page,
          onClick: () => navigate(page, page === 'overview' ? route.source : undefined),
          'data-test-subj': `page-tab-${page}`,
        }))}
      />
      <EuiPageTemplate.Section>
        {/* Setup does not depend on time or KQL; hiding the bar there avoids a false promise. */}
        {route.page !== 'setup' && (
          <>
            <AppHeader />
            <EuiSpacer size="m" />
          </>
        )}
        <div data-test-subj={`page-${route.page}`}>
          <Page />
        </div>
      </EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
}

function WithTimeDefaults({ children }: { children: React.ReactNode }) {
  const { timefilter } = useServices();
  return <QueryStateProvider initialRange={timefilter}>{children}</QueryStateProvider>;
}

export function App({ services, history, onRouteChange }: AppProps) {
  return (
    <ServicesProvider services={services}>
      <SavedObjectIdsProvider>
        <RouteProvider history={history}>
          <WithTimeDefaults>
            <AppLayout onRouteChange={onRouteChange} />
          </WithTimeDefaults>
        </RouteProvider>
      </SavedObjectIdsProvider>
    </ServicesProvider>
  );
}
