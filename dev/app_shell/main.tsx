// Browser entry of the standalone shell (`npm start`, browser tests): the same <App> as in
// Kibana, with services that talk to the dev server instead of Kibana.
import '@elastic/charts/dist/theme_only_light.css';
import React from 'react';
import { createRoot } from 'react-dom/client';
import { EuiProvider } from '@elastic/eui';
import { PLUGIN_NAME } from '../../common/constants';
import { App } from '../../public/app';
import { PAGE_TITLES } from '../../public/lib/routes';
import type { Route } from '../../public/lib/routes';
import { createBrowserHistory } from './browser_history';
import type { ShellConfig } from './shell_services';
import { createShellServices } from './shell_services';
import { ShellToasts } from './shell_toasts';
import { createToastStore } from './toast_store';

async function loadConfig(): Promise<ShellConfig> {
  try {
    const response = await fetch('/api/shell/config');
    return response.ok ? ((await response.json()) as ShellConfig) : {};
  } catch {
    // The app still works without it: no Discover links and a placeholder Elasticsearch URL.
    return {};
  }
}

async function main(): Promise<void> {
  const config = await loadConfig();
  const toasts = createToastStore();
  const services = createShellServices(config, toasts);
  const history = createBrowserHistory();
  const onRouteChange = (route: Route) => {
    document.title = `${PAGE_TITLES[route.page]} - ${PLUGIN_NAME}`;
  };
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <EuiProvider colorMode="light">
      <App services={services} history={history} onRouteChange={onRouteChange} />
      <ShellToasts store={toasts} />
    </EuiProvider>
  );
}

void main();
