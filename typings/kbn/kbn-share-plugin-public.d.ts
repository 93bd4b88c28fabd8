/*
 * Minimal type mirror of `@kbn/share-plugin/public` (Kibana 8.19 / 9.x) — URL locators only.
 *
 * Mirrors (elastic/kibana; 8.x path: src/plugins/share/...):
 *   - src/platform/plugins/shared/share/public/plugin.ts                               (SharePublicStart: url, navigate)
 *   - src/platform/plugins/shared/share/common/url_service/locators/types.ts           (ILocatorClient, LocatorPublic,
 *                                                                                       LocatorGetUrlParams, LocatorNavigationParams,
 *                                                                                       KibanaLocation)
 *   - src/platform/plugins/shared/share/common/url_service/locators/redirect/types.ts  (RedirectOptions, GetRedirectUrlOptions)
 *   - src/platform/plugins/shared/share/common/url_service/locators/redirect/format_search_params.ts (lzCompress)
 *   - src/platform/packages/shared/kbn-utility-types (SerializableRecord)
 *
 * Usage: add "share" to kibana.json `requiredPlugins` (or optionalPlugins) and read it from the
 * start deps: `share.url.locators.get<DiscoverAppLocatorParams>('DISCOVER_APP_LOCATOR')`.
 */
declare module '@kbn/share-plugin/public' {
  /** from @kbn/utility-types */
  type Serializable =
    string | number | boolean | null | undefined | Serializable[] | SerializableRecord;
  interface SerializableRecord {
    [key: string]: Serializable;
  }

  export interface LocatorGetUrlParams {
    /** Whether to return an absolute long URL or relative short URL. */
    absolute?: boolean;
  }

  export interface LocatorNavigationParams {
    /** Replace the current history entry instead of pushing a new one. */
    replace?: boolean;
  }

  export interface GetRedirectUrlOptions {
    /** Whether to compress params with lz-string (`lz` search param). */
    lzCompress?: boolean;
    /** Space to generate the URL for (client default: current space). */
    spaceId?: string;
  }

  export interface KibanaLocation<S = object> {
    app: string;
    path: string;
    state: S;
  }

  export interface LocatorPublic<P extends SerializableRecord> {
    readonly id: string;
    getLocation(params: P): Promise<KibanaLocation>;
    /** Direct URL (loses location state). */
    getUrl(params: P, getUrlParams?: LocatorGetUrlParams): Promise<string>;
    /** URL of `/app/r?l=<id>&v=<version>&p=<params>` redirect endpoint (keeps state, sync). */
    getRedirectUrl(params: P, options?: GetRedirectUrlOptions): string;
    /** SPA navigation through `core.application.navigateToApp()` (browser only). */
    navigate(params: P, navigationParams?: LocatorNavigationParams): Promise<void>;
    navigateSync(params: P, navigationParams?: LocatorNavigationParams): void;
  }

  export interface ILocatorClient {
    get<P extends SerializableRecord>(id: string): undefined | LocatorPublic<P>;
  }

  export interface RedirectOptions<P extends SerializableRecord = SerializableRecord> {
    id: string;
    version: string;
    params: P;
  }

  export interface SharePublicStart {
    url: {
      locators: ILocatorClient;
    };
    navigate(options: RedirectOptions): void;
  }

  export {};
}
