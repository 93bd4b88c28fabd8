// Mounts the app inside Kibana: builds AppServices from core and the share plugin, wraps the app
// in Kibana's render context (theme, i18n, error boundary) and keeps breadcrumbs in step.
import React from 'react';
import ReactDOM from 'react-dom';
import type { AppMountParameters, CoreStart, IHttpFetchError } from '@kbn/core/public';
import type { DiscoverAppLocatorParams } from '@kbn/discover-plugin/common';
import { fromKueryExpression } from '@kbn/es-query';
import { KibanaRenderContextProvider } from '@kbn/react-kibana-context-render';
import { PLUGIN_ID, PLUGIN_NAME } from '../common/constants';
import { App } from './app';
import { dataViewId } from './lib/data_views';
import { HttpError } from './lib/http_error';
import type { Route } from './lib/routes';
import { PAGE_TITLES } from './lib/routes';
import { DEFAULT_TIME_RANGE } from './lib/time_defaults';
import type { NetworkObservabilityStartDeps } from './plugin';
import type { AppServices, DiscoverTarget, RequestOptions } from './services';

/** Kibana's error body: `{ statusCode, message, attributes }`. */
function toHttpError(error: unknown): unknown {
  const fetchError = error as IHttpFetchError<{
    message?: string;
    attributes?: Record<string, unknown>;
  }>;
  if (fetchError?.name === 'AbortError' || !fetchError?.request) return error;
  return new HttpError(
    fetchError.body?.message ?? fetchError.message,
    fetchError.response?.status ?? 0,
    fetchError.body?.attributes
  );
}

export function createKibanaServices(
  core: CoreStart,
  deps: NetworkObservabilityStartDeps
): AppServices {
  const locator = deps.share?.url.locators.get<DiscoverAppLocatorParams>('DISCOVER_APP_LOCATOR');
  const locatorParams = (target: DiscoverTarget): DiscoverAppLocatorParams => ({
    dataViewId: target.dataViewId ?? dataViewId(target.dataset),
    query: { language: 'kuery', query: target.kql },
    timeRange: { from: target.from, to: target.to },
  });
  const call = <T,>(promise: Promise<T>) =>
    promise.catch((error) => Promise.reject(toHttpError(error)));
  return {
    http: {
      get: <T,>(path: string, options?: RequestOptions) =>
        call(core.http.get<T>(path, { signal: options?.signal })),
      post: <T,>(path: string, body?: unknown, options?: RequestOptions) =>
        call(
          core.http.post<T>(path, {
            body: body === undefined ? undefined : JSON.stringify(body),
            signal: options?.signal,
          })
        ),
      delete: <T,>(path: string, options?: RequestOptions) =>
        call(core.http.delete<T>(path, { signal: options?.signal })),
    },
    notifications: {
      success: (title, text) => core.notifications.toasts.addSuccess({ title, text }),
      danger: (title, text) => core.notifications.toasts.addDanger({ title, text }),
    },
    navigation: {
      discoverUrl: (target) => locator?.getRedirectUrl(locatorParams(target)),
      openDiscover: (target) => {
        void locator?.navigate(locatorParams(target));
      },
      dashboardUrl: (id) =>
        core.application.getUrlForApp('dashboards', { path: `#/view/${encodeURIComponent(id)}` }),
    },
    kql: {
      validate: (kql) => {
        try {
          fromKueryExpression(kql);
          return undefined;
        } catch (error) {
          return error instanceof Error ? error.message : String(error);
        }
      },
    },
    timefilter: { ...DEFAULT_TIME_RANGE },
    canSetup: core.application.capabilities[PLUGIN_ID]?.setup === true,
  };
}

export function renderApp(
  core: CoreStart,
  deps: NetworkObservabilityStartDeps,
  { element, history }: AppMountParameters
): () => void {
  const services = createKibanaServices(core, deps);
  const onRouteChange = (route: Route) => {
    core.chrome.setBreadcrumbs([
      { text: PLUGIN_NAME, href: history.createHref({ pathname: '/' }) },
      { text: PAGE_TITLES[route.page] },
    ]);
    core.chrome.docTitle.change([PAGE_TITLES[route.page], PLUGIN_NAME]);
  };
  // ReactDOM.render, as Kibana's own examples do: Kibana shares `react-dom` with plugins but
  // not `react-dom/client`.
  ReactDOM.render(
    <KibanaRenderContextProvider {...core}>
      <App services={services} history={history} onRouteChange={onRouteChange} />
    </KibanaRenderContextProvider>,
    element
  );
  return () => {
    core.chrome.docTitle.reset();
    ReactDOM.unmountComponentAtNode(element);
  };
}
