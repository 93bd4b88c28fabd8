// The standalone shell's AppServices: the dev server's HTTP API, toasts in the page, Discover
// links only when a Kibana URL is configured.
import { DEFAULT_TIME_RANGE } from '../../public/lib/time_defaults';
import type { AppServices } from '../../public/services';
import { kibanaDiscoverUrl } from './discover_url';
import { createShellHttp } from './shell_http';
import { createShellKql } from './shell_kql';
import type { ToastStore } from './toast_store';

/** What GET /api/shell/config answers. */
export interface ShellConfig {
  esUrl?: string;
  kibanaUrl?: string | null;
}

export function createShellServices(config: ShellConfig, toasts: ToastStore): AppServices {
  const kibanaUrl = config.kibanaUrl ?? undefined;
  return {
    http: createShellHttp(),
    notifications: toasts,
    navigation: {
      discoverUrl: (target) => (kibanaUrl ? kibanaDiscoverUrl(kibanaUrl, target) : undefined),
      openDiscover: (target) => {
        if (kibanaUrl) window.open(kibanaDiscoverUrl(kibanaUrl, target), '_blank', 'noopener');
      },
      dashboardUrl: (id) =>
        kibanaUrl
          ? `${kibanaUrl.replace(/\/+$/, '')}/app/dashboards#/view/${encodeURIComponent(id)}`
          : undefined,
    },
    kql: createShellKql(),
    timefilter: { ...DEFAULT_TIME_RANGE },
    esUrl: config.esUrl,
  };
}
