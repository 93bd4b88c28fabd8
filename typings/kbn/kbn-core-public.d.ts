/*
 * Minimal type mirror of `@kbn/core/public` (Kibana 8.19 / 9.x) — only what networkObservability uses.
 *
 * Mirrors (elastic/kibana; 9.x paths, 8.x lived under packages/core/<area>/core-<area>-browser...):
 *   - src/core/packages/plugins/browser/src/plugin.ts, plugin_initializer.ts   (Plugin, PluginInitializerContext)
 *   - src/core/packages/lifecycle/browser/src/core_setup.ts, core_start.ts     (CoreSetup, CoreStart)
 *   - src/core/packages/application/browser/src/application.ts                 (App; NOTE: AppNavLinkStatus no longer
 *                                                                               exists — use `visibleIn`)
 *   - src/core/packages/application/browser/src/app_mount.ts                   (AppMount, AppMountParameters)
 *   - src/core/packages/application/browser/src/app_leave.ts                   (AppLeaveHandler & actions)
 *   - src/core/packages/application/browser/src/scoped_history.ts              (ScopedHistory, extends history@4 History)
 *   - src/core/packages/application/browser/src/contracts.ts                   (ApplicationSetup/Start, NavigateToAppOptions)
 *   - src/core/packages/application/common/src/{app_category,default_app_categories}.ts
 *   - src/core/packages/http/browser/src/types.ts                              (HttpSetup/HttpStart/HttpHandler/HttpFetchOptions)
 *   - src/core/packages/notifications/browser/src/contracts (toasts api types)  (IToasts, ToastInput, ErrorToastOptions)
 *   - src/core/packages/chrome/browser/src/contracts.ts, types.ts              (ChromeStart.setBreadcrumbs, ChromeBreadcrumb)
 *   - src/core/packages/theme/browser/src/types.ts                             (CoreTheme, ThemeServiceStart)
 *   - src/core/packages/i18n/browser/src/types.ts                              (I18nStart)
 *   - src/core/packages/user-profile/browser/src/service.ts                    (UserProfileService.getUserProfile$ — simplified)
 *   - src/core/packages/rendering/browser/src/rendering_service.ts             (RenderingService.addContext; CoreStart.rendering
 *                                                                               only exists in recent 9.x)
 *   - src/core/packages/mount-utils/browser/src/types.ts                       (MountPoint, UnmountCallback)
 *
 * Requires (types only): `react` (@types/react), `rxjs`, `@types/history@^4` (ScopedHistory extends history@4's History).
 * EUI-derived types (ChromeBreadcrumb = EuiBreadcrumb, toast fields = EuiGlobalToastListToast) are declared structurally.
 */
declare module '@kbn/core/public' {
  import type { Observable } from 'rxjs';
  import type React from 'react';
  import type { History, Href, LocationDescriptorObject } from 'history';

  /** from @kbn/utility-types (not exported by @kbn/core/public) */
  type MaybePromise<T> = T | Promise<T>;

  // ---------------------------------------------------------------------------
  // Plugin
  // ---------------------------------------------------------------------------

  export interface Plugin<
    TSetup = void,
    TStart = void,
    TPluginsSetup extends Record<string, any> = never,
    TPluginsStart extends Record<string, any> = never,
  > {
    setup(core: CoreSetup<TPluginsStart, TStart>, plugins: TPluginsSetup): TSetup;
    start(core: CoreStart, plugins: TPluginsStart): TStart;
    stop?(): MaybePromise<void>;
  }

  export interface PluginInitializerContext<ConfigSchema extends object = object> {
    readonly config: {
      get: <T extends object = ConfigSchema>() => T;
    };
  }

  /** public `plugin` export: synchronous (unlike the server side) */
  export type PluginInitializer<
    TSetup = void,
    TStart = void,
    TPluginsSetup extends Record<string, any> = never,
    TPluginsStart extends Record<string, any> = never,
  > = (core: PluginInitializerContext) => Plugin<TSetup, TStart, TPluginsSetup, TPluginsStart>;

  export type StartServicesAccessor<
    TPluginsStart extends object = object,
    TStart = unknown,
  > = () => Promise<[CoreStart, TPluginsStart, TStart]>;

  export interface CoreSetup<TPluginsStart extends Record<string, any> = {}, TStart = unknown> {
    application: ApplicationSetup;
    http: HttpSetup;
    theme: ThemeServiceSetup;
    getStartServices: StartServicesAccessor<TPluginsStart, TStart>;
  }

  export interface CoreStart {
    analytics: AnalyticsServiceStart;
    application: ApplicationStart;
    chrome: ChromeStart;
    executionContext: ExecutionContextStart;
    http: HttpStart;
    i18n: I18nStart;
    notifications: NotificationsStart;
    theme: ThemeServiceStart;
    userProfile: UserProfileService;
    /**
     * Only present on recent Kibana (9.x); there `KibanaRenderContextProvider` is marked
     * `@internal/@deprecated` in favour of `core.rendering.addContext(<App/>)`.
     * Optional here so code must feature-detect when targeting 8.19.
     */
    rendering?: RenderingService;
  }

  // ---------------------------------------------------------------------------
  // Mount utils / theme / i18n / analytics / user profile / rendering
  // ---------------------------------------------------------------------------

  export type UnmountCallback = () => void;
  export type MountPoint<T extends HTMLElement = HTMLElement> = (element: T) => UnmountCallback;

  export interface CoreTheme {
    readonly darkMode: boolean;
    readonly name: string;
  }

  export interface ThemeServiceSetup {
    theme$: Observable<CoreTheme>;
    getTheme(): CoreTheme;
  }
  export type ThemeServiceStart = ThemeServiceSetup;

  export interface I18nStart {
    Context: ({ children }: { children: React.ReactNode }) => JSX.Element;
  }

  /** Only `reportEvent` is mirrored. */
  export interface AnalyticsServiceStart {
    reportEvent<EventTypeData extends object>(eventType: string, eventData: EventTypeData): void;
  }

  /** Opaque here; passed through to the render context provider. */
  export interface ExecutionContextStart {
    clear(): void;
  }

  /** SIMPLIFIED: real emits `UserProfileData | null`. */
  export interface UserProfileService {
    getUserProfile$(): Observable<Record<string, unknown> | null>;
  }

  export interface RenderingService {
    addContext: (element: React.ReactNode) => React.ReactElement;
  }

  // ---------------------------------------------------------------------------
  // Application
  // ---------------------------------------------------------------------------

  export interface AppCategory {
    id: string;
    label: string;
    ariaLabel?: string;
    order?: number;
    euiIconType?: string;
  }

  /** Keys: kibana, enterpriseSearch, observability, security, management. */
  export const DEFAULT_APP_CATEGORIES: Record<string, AppCategory>;

  export type AppDeepLinkLocations = 'globalSearch' | 'sideNav' | 'home' | 'kibanaOverview';

  export enum AppStatus {
    accessible = 0,
    inaccessible = 1,
  }

  export interface AppNavOptions {
    order?: number;
    tooltip?: string;
    euiIconType?: string;
    icon?: string;
  }

  export interface App<HistoryLocationState = unknown> extends AppNavOptions {
    /** alphanumeric, `-`, `:` and `_` only */
    id: string;
    title: string;
    category?: AppCategory;
    status?: AppStatus;
    /** default ['globalSearch', 'sideNav']; `[]` hides the link (replaces removed `navLinkStatus`) */
    visibleIn?: AppDeepLinkLocations[];
    defaultPath?: string;
    chromeless?: boolean;
    mount: AppMount<HistoryLocationState>;
    /** defaults to `/app/${id}` */
    appRoute?: string;
    exactRoute?: boolean;
    keywords?: string[];
  }

  export type AppUnmount = () => void;

  export type AppMount<HistoryLocationState = unknown> = (
    params: AppMountParameters<HistoryLocationState>
  ) => AppUnmount | Promise<AppUnmount>;

  export interface ScopedHistory<
    HistoryLocationState = unknown,
  > extends History<HistoryLocationState> {
    createSubHistory(basePath: string): ScopedHistory;
    createHref(
      location: LocationDescriptorObject<HistoryLocationState>,
      options?: { prependBasePath?: boolean }
    ): Href;
  }

  export enum AppLeaveActionType {
    confirm = 'confirm',
    default = 'default',
  }

  export interface AppLeaveDefaultAction {
    type: AppLeaveActionType.default;
  }

  export interface AppLeaveConfirmAction {
    type: AppLeaveActionType.confirm;
    text: string;
    title?: string;
    confirmButtonText?: string;
    callback?: () => void;
  }

  export type AppLeaveAction = AppLeaveDefaultAction | AppLeaveConfirmAction;

  export interface AppLeaveActionFactory {
    confirm(
      text: string,
      title?: string,
      callback?: () => void,
      confirmButtonText?: string
    ): AppLeaveConfirmAction;
    default(): AppLeaveDefaultAction;
  }

  export type AppLeaveHandler = (
    factory: AppLeaveActionFactory,
    nextAppId?: string
  ) => AppLeaveAction;

  export interface AppMountParameters<HistoryLocationState = unknown> {
    element: HTMLElement;
    history: ScopedHistory<HistoryLocationState>;
    /** @deprecated use `history` */
    appBasePath: string;
    onAppLeave: (handler: AppLeaveHandler) => void;
    /** @deprecated in recent 9.x (AppMenu from @kbn/core-chrome-app-menu) but still present */
    setHeaderActionMenu: (menuMount: MountPoint | undefined) => void;
    theme$: Observable<CoreTheme>;
  }

  export interface ApplicationSetup {
    register<HistoryLocationState = unknown>(app: App<HistoryLocationState>): void;
  }

  export interface NavigateToAppOptions {
    deepLinkId?: string;
    path?: string;
    state?: unknown;
    replace?: boolean;
    openInNewTab?: boolean;
    skipAppLeave?: boolean;
  }

  export interface NavigateToUrlOptions {
    skipAppLeave?: boolean;
    forceRedirect?: boolean;
    state?: unknown;
  }

  export interface ApplicationStart {
    navigateToApp(appId: string, options?: NavigateToAppOptions): Promise<void>;
    navigateToUrl(url: string, options?: NavigateToUrlOptions): Promise<void>;
    getUrlForApp(
      appId: string,
      options?: { path?: string; absolute?: boolean; deepLinkId?: string }
    ): string;
    isAppRegistered(appId: string): boolean;
    currentAppId$: Observable<string | undefined>;
    /**
     * SIMPLIFIED from `RecursiveReadonly<Capabilities>`
     * (src/core/packages/capabilities/common/src/capabilities.ts): per feature id, its `ui`
     * privileges as booleans (`capabilities.<featureId>.<ui>`).
     */
    readonly capabilities: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  }

  // ---------------------------------------------------------------------------
  // Chrome
  // ---------------------------------------------------------------------------

  /** Structural subset of EuiBreadcrumb. */
  export interface ChromeBreadcrumb {
    text: React.ReactNode;
    href?: string;
    onClick?: React.MouseEventHandler<HTMLAnchorElement>;
    'data-test-subj'?: string;
  }

  export interface ChromeSetBreadcrumbsParams {
    project?: { value: ChromeBreadcrumb[]; absolute?: boolean };
  }

  export interface ChromeDocTitle {
    change(newTitle: string | string[]): void;
    reset(): void;
  }

  export interface ChromeStart {
    docTitle: ChromeDocTitle;
    setBreadcrumbs(newBreadcrumbs: ChromeBreadcrumb[], params?: ChromeSetBreadcrumbsParams): void;
  }

  // ---------------------------------------------------------------------------
  // HTTP (browser)
  // ---------------------------------------------------------------------------

  export interface IBasePath {
    get: () => string;
    prepend: (url: string) => string;
    remove: (url: string) => string;
    readonly serverBasePath: string;
    readonly publicBaseUrl?: string;
  }

  /** Headers starting with `kbn-` or containing `x-elastic-internal-` are rejected by the client (core sets them). */
  export interface HttpHeadersInit {
    [name: string]: any;
  }

  export interface HttpFetchQuery {
    [key: string]: string | number | boolean | string[] | number[] | boolean[] | undefined | null;
  }

  export interface HttpRequestInit {
    /** JSON must be pre-serialised: `body: JSON.stringify(obj)` */
    body?: BodyInit | null;
    headers?: HttpHeadersInit;
    method?: string;
    signal?: AbortSignal | null;
  }

  export interface HttpFetchOptions extends HttpRequestInit {
    query?: HttpFetchQuery;
    prependBasePath?: boolean;
    headers?: HttpHeadersInit;
    asSystemRequest?: boolean;
    asResponse?: boolean;
    rawResponse?: boolean;
    /** Populates the `elastic-api-version` header (required for versioned routes, e.g. '1' or '2023-10-31'). */
    version?: string;
  }

  export interface HttpFetchOptionsWithPath extends HttpFetchOptions {
    path: string;
  }

  export interface HttpResponse<TResponseBody = unknown> {
    readonly fetchOptions: Readonly<HttpFetchOptionsWithPath>;
    readonly request: Readonly<Request>;
    readonly response?: Readonly<Response>;
    readonly body?: TResponseBody;
  }

  export interface ResponseErrorBody {
    message: string;
    statusCode: number;
    attributes?: Record<string, unknown>;
  }

  export interface IHttpFetchError<TResponseBody = unknown> extends Error {
    readonly name: string;
    readonly request: Request;
    readonly response?: Response;
    readonly body?: TResponseBody;
  }

  export interface HttpHandler {
    <TResponseBody = unknown>(
      path: string,
      options: HttpFetchOptions & { asResponse: true }
    ): Promise<HttpResponse<TResponseBody>>;
    <TResponseBody = unknown>(
      options: HttpFetchOptionsWithPath & { asResponse: true }
    ): Promise<HttpResponse<TResponseBody>>;
    <TResponseBody = unknown>(path: string, options?: HttpFetchOptions): Promise<TResponseBody>;
    <TResponseBody = unknown>(options: HttpFetchOptionsWithPath): Promise<TResponseBody>;
  }

  export interface HttpSetup {
    basePath: IBasePath;
    fetch: HttpHandler;
    delete: HttpHandler;
    get: HttpHandler;
    head: HttpHandler;
    options: HttpHandler;
    patch: HttpHandler;
    post: HttpHandler;
    put: HttpHandler;
  }

  export type HttpStart = HttpSetup;

  // ---------------------------------------------------------------------------
  // Notifications
  // ---------------------------------------------------------------------------

  /** Structural subset of `Pick<EuiGlobalToastListToast, ...> & { title?, text? }`. */
  export interface ToastInputFields {
    title?: string | MountPoint;
    text?: string | MountPoint;
    color?: 'primary' | 'success' | 'warning' | 'danger';
    iconType?: string;
    toastLifeTimeMs?: number;
    'data-test-subj'?: string;
  }

  export type Toast = ToastInputFields & { id: string };

  export type ToastInput = string | ToastInputFields;

  export interface ToastOptions {
    toastLifeTimeMs?: number;
  }

  export interface ErrorToastOptions extends ToastOptions {
    /** Title of the toast and of the error details modal */
    title: string;
    /** Overrides error.message in the toast (the original message stays in the modal) */
    toastMessage?: string;
  }

  export interface IToasts {
    get$: () => Observable<Toast[]>;
    add: (toastOrTitle: ToastInput) => Toast;
    remove: (toastOrId: Toast | string) => void;
    addInfo: (toastOrTitle: ToastInput, options?: any) => Toast;
    addSuccess: (toastOrTitle: ToastInput, options?: any) => Toast;
    addWarning: (toastOrTitle: ToastInput, options?: any) => Toast;
    addDanger: (toastOrTitle: ToastInput, options?: any) => Toast;
    addError: (error: Error, options: ErrorToastOptions) => Toast;
  }

  export interface NotificationsStart {
    toasts: IToasts;
  }

  export {};
}
