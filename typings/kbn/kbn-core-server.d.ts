/*
 * Minimal type mirror of `@kbn/core/server` (Kibana 8.19 / 9.x) — only what networkObservability uses.
 *
 * Mirrors (elastic/kibana; 9.x paths, 8.x lived under packages/core/<area>/core-<area>-...):
 *   - src/core/packages/plugins/server/src/types.ts                      (Plugin, PluginInitializerContext)
 *   - src/platform/packages/shared/kbn-logging/src/logger.ts             (Logger)
 *   - src/platform/packages/shared/kbn-logging/src/logger_factory.ts     (LoggerFactory)
 *   - src/platform/packages/shared/kbn-logging/src/log_meta.ts           (LogMeta — simplified, see below)
 *   - src/core/packages/lifecycle/server/src/core_setup.ts / core_start.ts (CoreSetup, CoreStart)
 *   - src/core/packages/http/server/src/http_contract.ts                 (HttpServiceSetup.createRouter)
 *   - src/core/packages/http/server/src/router/router.ts                 (IRouter, RouteRegistrar)
 *   - src/core/packages/http/server/src/router/route.ts                  (RouteConfig, RouteConfigOptions, RouteSecurity, authz)
 *   - src/core/packages/http/server/src/router/route_validator.ts        (RouteValidator*, RouteValidationFunction)
 *   - src/core/packages/http/server/src/router/request_handler.ts        (RequestHandler)
 *   - src/core/packages/http/server/src/router/request_handler_context.ts (RequestHandlerContextBase)
 *   - src/core/packages/http/server/src/router/request.ts                (KibanaRequest)
 *   - src/core/packages/http/server/src/router/response.ts               (IKibanaResponse, options, ResponseError)
 *   - src/core/packages/http/server/src/router/response_factory.ts       (KibanaResponseFactory)
 *   - src/core/packages/http/server/src/versioning/types.ts              (VersionedRouter, AddVersionOpts)
 *   - src/core/packages/http/request-handler-context-server/src/request_handler_context.ts
 *                                                                        (RequestHandlerContext: `core` is a Promise)
 *   - src/core/packages/elasticsearch/server/src/client/client.ts        (ElasticsearchClient = Omit<Client, ...>)
 *   - src/core/packages/elasticsearch/server/src/client/scoped_cluster_client.ts (IScopedClusterClient)
 *   - src/core/packages/saved-objects/api-server/src/saved_objects_client.ts + src/apis/*.ts
 *                                                                        (SavedObjectsClientContract and options/results)
 *   - src/core/packages/saved-objects/common/src/server_types.ts         (SavedObject, SavedObjectReference)
 *   - src/core/packages/saved-objects/common/src/saved_objects.ts        (SavedObjectError)
 *   - src/core/packages/saved-objects/common/src/saved_objects_imports.ts (SavedObjectsImportResponse & friends)
 *   - src/core/packages/saved-objects/server/src/import.ts               (ISavedObjectsImporter, SavedObjectsImportOptions)
 *   - src/core/packages/saved-objects/server/src/request_handler_context.ts (SavedObjectsRequestHandlerContext)
 *   - src/core/packages/application/common/src/{app_category,default_app_categories}.ts
 *
 * Requires (types only): `@elastic/elasticsearch` (ElasticsearchClient) and `@types/node` (stream/Buffer).
 */
declare module '@kbn/core/server' {
  import type { Client } from '@elastic/elasticsearch';
  import type { Readable, Stream } from 'stream';
  import type { ObjectType, Type } from '@kbn/config-schema';

  // ---------------------------------------------------------------------------
  // Logging (@kbn/logging)
  // ---------------------------------------------------------------------------

  /**
   * SIMPLIFIED. Real `LogMeta` is the ECS schema (minus reserved keys) from `@elastic/ecs`.
   * Like the real type it is a "weak" type (all optional), so arbitrary top-level keys are
   * rejected; put custom data under `labels`.
   */
  export interface LogMeta {
    labels?: Record<string, string | number | boolean>;
    tags?: string[];
    error?: Record<string, unknown>;
    event?: Record<string, unknown>;
    http?: Record<string, unknown>;
    url?: Record<string, unknown>;
    user?: Record<string, unknown>;
    service?: Record<string, unknown>;
    trace?: { id: string };
    transaction?: { id: string };
    span?: { id: string };
  }

  export type LogLevelId = 'all' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'off';

  export type LogMessageSource = string | (() => string);

  export interface Logger {
    trace<Meta extends LogMeta = LogMeta>(message: LogMessageSource, meta?: Meta): void;
    debug<Meta extends LogMeta = LogMeta>(message: LogMessageSource, meta?: Meta): void;
    info<Meta extends LogMeta = LogMeta>(message: LogMessageSource, meta?: Meta): void;
    warn<Meta extends LogMeta = LogMeta>(
      errorOrMessage: LogMessageSource | Error,
      meta?: Meta
    ): void;
    error<Meta extends LogMeta = LogMeta>(
      errorOrMessage: LogMessageSource | Error,
      meta?: Meta
    ): void;
    fatal<Meta extends LogMeta = LogMeta>(
      errorOrMessage: LogMessageSource | Error,
      meta?: Meta
    ): void;
    isLevelEnabled(level: LogLevelId): boolean;
    /** Returns a new Logger extending the current logger context. */
    get(...childContextPaths: string[]): Logger;
  }

  export interface LoggerFactory {
    /** `get()` with no args returns the plugin logger (context `plugins.<pluginId>`). */
    get(...contextParts: string[]): Logger;
  }

  // ---------------------------------------------------------------------------
  // Plugin lifecycle
  // ---------------------------------------------------------------------------

  /** from @kbn/utility-types (not exported by @kbn/core/server) */
  type MaybePromise<T> = T | Promise<T>;

  export interface Plugin<
    TSetup = void,
    TStart = void,
    TPluginsSetup extends Record<string, any> = {},
    TPluginsStart extends Record<string, any> = {},
  > {
    setup(core: CoreSetup<TPluginsStart, TStart>, plugins: TPluginsSetup): TSetup;
    start(core: CoreStart, plugins: TPluginsStart): TStart;
    stop?(): MaybePromise<void>;
  }

  /** Only `logger`, `env.packageInfo.version` (and `config.get`) are mirrored; real interface also has opaqueId, node, config.create/legacy. */
  export interface PluginInitializerContext<ConfigSchema = unknown> {
    /** `packageInfo.version`: the running Kibana's version, e.g. "9.1.3" (@kbn/config PackageInfo). */
    env: { packageInfo: Readonly<{ version: string; branch: string; buildNum: number }> };
    logger: LoggerFactory;
    config: {
      get: <T = ConfigSchema>() => T;
    };
  }

  /** Kibana >= 8.13: the server `plugin` export may (and the generator template does) return a Promise. */
  export type PluginInitializer<
    TSetup = void,
    TStart = void,
    TPluginsSetup extends Record<string, any> = never,
    TPluginsStart extends Record<string, any> = never,
  > = (
    core: PluginInitializerContext
  ) => Promise<Plugin<TSetup, TStart, TPluginsSetup, TPluginsStart>>;

  export type StartServicesAccessor<
    TPluginsStart extends object = object,
    TStart = unknown,
  > = () => Promise<[CoreStart, TPluginsStart, TStart]>;

  export interface HttpServiceSetup<
    DefaultRequestHandlerType extends RequestHandlerContextBase = RequestHandlerContextBase,
  > {
    /** Returns an (unversioned) router; versioned routes are registered through `router.versioned`. */
    createRouter: <
      Context extends DefaultRequestHandlerType = DefaultRequestHandlerType,
    >() => IRouter<Context>;
    /** `publicBaseUrl`: `server.publicBaseUrl` when configured (base path included). */
    basePath: { readonly serverBasePath: string; readonly publicBaseUrl?: string };
  }

  export interface CoreSetup<TPluginsStart extends Record<string, any> = {}, TStart = unknown> {
    http: HttpServiceSetup<RequestHandlerContext>;
    savedObjects: SavedObjectsServiceSetup;
    getStartServices: StartServicesAccessor<TPluginsStart, TStart>;
  }

  // --- saved object types (src/core/packages/saved-objects/server/src/saved_objects_type.ts,
  //     saved_objects_management.ts, contracts.ts; mappings: .../object-types/src/mappings) ---

  export type SavedObjectsNamespaceType = 'single' | 'multiple' | 'multiple-isolated' | 'agnostic';

  /** SIMPLIFIED: the mapping properties are left open. */
  export interface SavedObjectsTypeMappingDefinition {
    dynamic?: false | 'strict';
    properties: Record<string, unknown>;
  }

  export interface SavedObjectsTypeManagementDefinition {
    importableAndExportable?: boolean;
    visibleInManagement?: boolean;
    displayName?: string;
  }

  /** Required: name, hidden, namespaceType, mappings; the rest is optional (modelVersions too). */
  export interface SavedObjectsType {
    name: string;
    hidden: boolean;
    hiddenFromHttpApis?: boolean;
    namespaceType: SavedObjectsNamespaceType;
    indexPattern?: string;
    mappings: SavedObjectsTypeMappingDefinition;
    modelVersions?: Record<string, unknown>;
    management?: SavedObjectsTypeManagementDefinition;
  }

  export interface SavedObjectsServiceSetup {
    /** Throws for a name already registered; only callable during setup. */
    registerType(type: SavedObjectsType): void;
  }

  export interface ElasticsearchServiceStart {
    /** Client acting as the internal Kibana user. */
    readonly client: {
      asInternalUser: ElasticsearchClient;
      asScoped(request: KibanaRequest): IScopedClusterClient;
    };
  }

  export interface SavedObjectsServiceStart {
    getScopedClient(
      req: KibanaRequest,
      options?: SavedObjectsClientProviderOptions
    ): SavedObjectsClientContract;
    createImporter(
      client: SavedObjectsClientContract,
      options?: { importSizeLimit?: number }
    ): ISavedObjectsImporter;
  }

  export interface CoreStart {
    elasticsearch: ElasticsearchServiceStart;
    savedObjects: SavedObjectsServiceStart;
  }

  // ---------------------------------------------------------------------------
  // App categories (re-exported by @kbn/core/server from @kbn/core-application-common)
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

  // ---------------------------------------------------------------------------
  // Elasticsearch client
  // ---------------------------------------------------------------------------

  export type ElasticsearchClient = Omit<
    Client,
    'connectionPool' | 'serializer' | 'extend' | 'close' | 'diagnostic'
  >;

  export interface IScopedClusterClient {
    readonly asInternalUser: ElasticsearchClient;
    readonly asSecondaryAuthUser: ElasticsearchClient;
    readonly asCurrentUser: ElasticsearchClient;
  }

  export interface ElasticsearchRequestHandlerContext {
    client: IScopedClusterClient;
  }

  // ---------------------------------------------------------------------------
  // Saved objects
  // ---------------------------------------------------------------------------

  export interface SavedObjectReference {
    name: string;
    type: string;
    id: string;
  }

  export interface SavedObjectError {
    error: string;
    message: string;
    statusCode: number;
    metadata?: Record<string, unknown>;
  }

  export interface SavedObject<T = unknown> {
    id: string;
    type: string;
    version?: string;
    created_at?: string;
    created_by?: string;
    updated_at?: string;
    updated_by?: string;
    error?: SavedObjectError;
    attributes: T;
    references: SavedObjectReference[];
    coreMigrationVersion?: string;
    typeMigrationVersion?: string;
    namespaces?: string[];
    originId?: string;
    managed?: boolean;
  }

  export interface SavedObjectsBaseOptions {
    namespace?: string;
  }

  export type MutatingOperationRefreshSetting = boolean | 'wait_for';

  export interface SavedObjectsBulkResponse<T = unknown> {
    saved_objects: Array<SavedObject<T>>;
  }

  export interface SavedObjectsFindOptionsReference {
    type: string;
    id: string;
  }

  export interface SavedObjectsFindOptions {
    type: string | string[];
    page?: number;
    perPage?: number;
    sortField?: string;
    sortOrder?: 'asc' | 'desc';
    fields?: string[];
    search?: string;
    searchFields?: string[];
    rootSearchFields?: string[];
    hasReference?: SavedObjectsFindOptionsReference | SavedObjectsFindOptionsReference[];
    hasReferenceOperator?: 'AND' | 'OR';
    defaultSearchOperator?: 'AND' | 'OR';
    /** KQL string (or KueryNode) on `<type>.attributes.<field>` */
    filter?: string | any;
    namespaces?: string[];
  }

  export interface SavedObjectsFindResult<T = unknown> extends SavedObject<T> {
    score: number;
  }

  export interface SavedObjectsFindResponse<T = unknown, A = unknown> {
    aggregations?: A;
    saved_objects: Array<SavedObjectsFindResult<T>>;
    total: number;
    per_page: number;
    page: number;
    pit_id?: string;
  }

  export interface SavedObjectsBulkGetObject {
    id: string;
    type: string;
    fields?: string[];
    namespaces?: string[];
  }

  export interface SavedObjectsGetOptions extends SavedObjectsBaseOptions {
    migrationVersionCompatibility?: 'compatible' | 'raw';
  }

  export interface SavedObjectsBulkCreateObject<T = unknown> {
    id?: string;
    type: string;
    attributes: T;
    version?: string;
    references?: SavedObjectReference[];
    coreMigrationVersion?: string;
    typeMigrationVersion?: string;
    originId?: string;
    initialNamespaces?: string[];
    managed?: boolean;
  }

  export interface SavedObjectsCreateOptions extends SavedObjectsBaseOptions {
    id?: string;
    overwrite?: boolean;
    version?: string;
    references?: SavedObjectReference[];
    refresh?: MutatingOperationRefreshSetting;
    initialNamespaces?: string[];
    managed?: boolean;
  }

  export interface SavedObjectsDeleteOptions extends SavedObjectsBaseOptions {
    refresh?: MutatingOperationRefreshSetting;
    force?: boolean;
  }

  export interface SavedObjectsBulkDeleteObject {
    type: string;
    id: string;
  }

  export interface SavedObjectsBulkDeleteOptions extends SavedObjectsBaseOptions {
    refresh?: MutatingOperationRefreshSetting;
    force?: boolean;
  }

  export interface SavedObjectsBulkDeleteStatus {
    id: string;
    type: string;
    success: boolean;
    error?: SavedObjectError;
  }

  export interface SavedObjectsBulkDeleteResponse {
    statuses: SavedObjectsBulkDeleteStatus[];
  }

  export interface SavedObjectsClientContract {
    create<T = unknown>(
      type: string,
      attributes: T,
      options?: SavedObjectsCreateOptions
    ): Promise<SavedObject<T>>;
    bulkCreate<T = unknown>(
      objects: Array<SavedObjectsBulkCreateObject<T>>,
      options?: SavedObjectsCreateOptions
    ): Promise<SavedObjectsBulkResponse<T>>;
    delete(type: string, id: string, options?: SavedObjectsDeleteOptions): Promise<{}>;
    bulkDelete(
      objects: SavedObjectsBulkDeleteObject[],
      options?: SavedObjectsBulkDeleteOptions
    ): Promise<SavedObjectsBulkDeleteResponse>;
    find<T = unknown, A = unknown>(
      options: SavedObjectsFindOptions
    ): Promise<SavedObjectsFindResponse<T, A>>;
    bulkGet<T = unknown>(
      objects: SavedObjectsBulkGetObject[],
      options?: SavedObjectsGetOptions
    ): Promise<SavedObjectsBulkResponse<T>>;
    get<T = unknown>(
      type: string,
      id: string,
      options?: SavedObjectsGetOptions
    ): Promise<SavedObject<T>>;
  }

  export interface SavedObjectsClientProviderOptions {
    includedHiddenTypes?: string[];
    excludedExtensions?: string[];
  }

  // --- import ---------------------------------------------------------------

  export interface SavedObjectsImportOptions {
    /** Stream of saved objects (e.g. from `createListStream(objects)` / an ndjson parse) */
    readStream: Readable;
    /** Note: no effect when used with `createNewCopies`. */
    overwrite: boolean;
    namespace?: string;
    createNewCopies: boolean;
    refresh?: boolean | 'wait_for';
    compatibilityMode?: boolean;
    managed?: boolean;
  }

  export interface SavedObjectsImportConflictError {
    type: 'conflict';
    destinationId?: string;
  }
  export interface SavedObjectsImportAmbiguousConflictError {
    type: 'ambiguous_conflict';
    destinations: Array<{ id: string; title?: string; updatedAt?: string }>;
  }
  export interface SavedObjectsImportUnsupportedTypeError {
    type: 'unsupported_type';
  }
  export interface SavedObjectsImportUnknownError {
    type: 'unknown';
    message: string;
    statusCode: number;
  }
  export interface SavedObjectsImportMissingReferencesError {
    type: 'missing_references';
    references: Array<{ type: string; id: string }>;
  }

  export interface SavedObjectsImportFailure {
    id: string;
    type: string;
    meta: { title?: string; icon?: string };
    overwrite?: boolean;
    managed?: boolean;
    error:
      | SavedObjectsImportConflictError
      | SavedObjectsImportAmbiguousConflictError
      | SavedObjectsImportUnsupportedTypeError
      | SavedObjectsImportMissingReferencesError
      | SavedObjectsImportUnknownError;
  }

  export interface SavedObjectsImportSuccess {
    id: string;
    type: string;
    destinationId?: string;
    meta: { title?: string; icon?: string };
    overwrite?: boolean;
    managed?: boolean;
  }

  export interface SavedObjectsImportSimpleWarning {
    type: 'simple';
    message: string;
  }
  export interface SavedObjectsImportActionRequiredWarning {
    type: 'action_required';
    message: string;
    actionPath: string;
    buttonLabel?: string;
  }
  export type SavedObjectsImportWarning =
    SavedObjectsImportSimpleWarning | SavedObjectsImportActionRequiredWarning;

  export interface SavedObjectsImportResponse {
    success: boolean;
    successCount: number;
    successResults?: SavedObjectsImportSuccess[];
    warnings: SavedObjectsImportWarning[];
    errors?: SavedObjectsImportFailure[];
  }

  export interface ISavedObjectsImporter {
    /** @throws SavedObjectsImportError (e.g. too many objects / bad stream) */
    import(options: SavedObjectsImportOptions): Promise<SavedObjectsImportResponse>;
  }

  export interface SavedObjectsRequestHandlerContext {
    client: SavedObjectsClientContract;
    getClient: (options?: SavedObjectsClientProviderOptions) => SavedObjectsClientContract;
    getImporter: (client: SavedObjectsClientContract) => ISavedObjectsImporter;
  }

  // ---------------------------------------------------------------------------
  // HTTP: request handler context
  // ---------------------------------------------------------------------------

  export interface RequestHandlerContextBase {
    /** Await all the specified context parts and return them. */
    resolve: <T extends keyof Omit<this, 'resolve'>>(
      parts: T[]
    ) => Promise<{ [K in T]: Awaited<this[K]> }>;
  }

  export interface CoreRequestHandlerContext {
    savedObjects: SavedObjectsRequestHandlerContext;
    elasticsearch: ElasticsearchRequestHandlerContext;
  }

  /** `core` is a Promise: use `const core = await context.core;` */
  export interface RequestHandlerContext extends RequestHandlerContextBase {
    core: Promise<CoreRequestHandlerContext>;
  }

  export type CustomRequestHandlerContext<T> = RequestHandlerContext & {
    [Key in keyof T]: T[Key] extends Promise<unknown> ? T[Key] : Promise<T[Key]>;
  };

  // ---------------------------------------------------------------------------
  // HTTP: routes
  // ---------------------------------------------------------------------------

  export type DestructiveRouteMethod = 'post' | 'put' | 'delete' | 'patch';
  export type SafeRouteMethod = 'get' | 'options';
  export type RouteMethod = SafeRouteMethod | DestructiveRouteMethod;

  /** Defaults to 'internal'. As of 9.0 internal routes require `x-elastic-internal-origin`. */
  export type RouteAccess = 'public' | 'internal';

  export type Privilege = string;

  export interface PrivilegeSet {
    anyRequired?: Privilege[];
    allRequired?: Privilege[];
  }

  type Privileges = Array<Privilege | PrivilegeSet>;

  export interface AuthzEnabled {
    requiredPrivileges: Privileges;
  }

  export interface AuthzDisabled {
    enabled: false;
    reason: string;
  }

  export interface AuthcEnabled {
    enabled: true | 'optional';
  }

  export interface AuthcDisabled {
    enabled: false;
    reason: string;
  }

  export type RouteAuthz = AuthzEnabled | AuthzDisabled;
  export type RouteAuthc = AuthcEnabled | AuthcDisabled;

  export interface RouteSecurity {
    authz: RouteAuthz;
    authc?: RouteAuthc;
  }

  export interface RouteConfigOptionsBody {
    accepts?: string | string[];
    maxBytes?: number;
    output?: 'data' | 'stream';
    parse?: boolean | 'gunzip';
  }

  export interface RouteConfigOptions<Method extends RouteMethod> {
    xsrfRequired?: Method extends 'get' ? never : boolean;
    access?: RouteAccess;
    tags?: readonly string[];
    body?: Method extends 'get' | 'options' ? undefined : RouteConfigOptionsBody;
    timeout?: {
      payload?: Method extends 'get' | 'options' ? undefined : number;
      idleSocket?: number;
    };
    summary?: string;
    description?: string;
    excludeFromOAS?: boolean;
  }

  export interface RouteValidationResultFactory {
    ok: <T>(value: T) => { value: T };
    badRequest: (error: unknown, path?: string[]) => { error: Error };
  }

  export type RouteValidationFunction<T> = (
    data: any,
    validationResult: RouteValidationResultFactory
  ) => { value: T; error?: never } | { value?: never; error: Error };

  /** Real type also accepts a Zod schema (`@kbn/zod`); omitted here. */
  export type RouteValidationSpec<T> = ObjectType | Type<T> | RouteValidationFunction<T>;

  export interface RouteValidatorConfig<P, Q, B> {
    params?: RouteValidationSpec<P>;
    query?: RouteValidationSpec<Q>;
    body?: RouteValidationSpec<B>;
  }

  export interface RouteValidatorOptions {
    unsafe?: { params?: boolean; query?: boolean; body?: boolean };
  }

  export type RouteValidatorFullConfigRequest<P, Q, B> = RouteValidatorConfig<P, Q, B> &
    RouteValidatorOptions;

  export interface RouteValidatorRequestAndResponses<P, Q, B> {
    request: RouteValidatorFullConfigRequest<P, Q, B>;
    response?: Record<number, { description?: string; body?: () => Type<unknown> }>;
  }

  export type RouteValidator<P, Q, B> =
    | RouteValidatorFullConfigRequest<P, Q, B>
    | (RouteValidatorRequestAndResponses<P, Q, B> & {
        params?: never;
        query?: never;
        body?: never;
      });

  export interface RouteConfig<P, Q, B, Method extends RouteMethod> {
    /** Path segments `{name}` are available as `request.params` (requires `validate.params`). */
    path: string;
    /** `false` => params/query/body are empty objects in the handler. */
    validate: RouteValidator<P, Q, B> | (() => RouteValidator<P, Q, B>) | false;
    /**
     * Optional in the type; in 8.18+/9.x every route is expected to declare it
     * (`authz.requiredPrivileges` -> checked against the feature's `api` privileges as `api:<privilege>`,
     * or `authz: { enabled: false, reason }`).
     */
    security?: RouteSecurity;
    options?: RouteConfigOptions<Method>;
  }

  // --- request --------------------------------------------------------------

  export interface Headers {
    [header: string]: string | string[] | undefined;
  }

  export interface KibanaRequestAuth {
    isAuthenticated: boolean;
  }

  export interface KibanaRequest<
    Params = unknown,
    Query = unknown,
    Body = unknown,
    Method extends RouteMethod = any,
  > {
    readonly id: string;
    readonly uuid: string;
    readonly url: URL;
    readonly headers: Headers;
    readonly isSystemRequest: boolean;
    readonly isFakeRequest: boolean;
    /** true when the `x-elastic-internal-origin` header (or `elasticInternalOrigin` query param) is present */
    readonly isInternalApiRequest: boolean;
    readonly auth: KibanaRequestAuth;
    readonly apiVersion: string | undefined;
    readonly params: Params;
    readonly query: Query;
    readonly body: Body;
  }

  // --- response -------------------------------------------------------------

  export type ResponseHeaders = Record<string, string | string[]>;

  export type HttpResponsePayload = undefined | string | Record<string, any> | Buffer | Stream;

  export type ResponseErrorAttributes = Record<string, any>;

  export type ResponseError =
    | string
    | Buffer
    | Stream
    | Error
    | { message: string | Error; attributes?: ResponseErrorAttributes };

  export interface HttpResponseOptions<T extends HttpResponsePayload | ResponseError = any> {
    body?: T;
    headers?: ResponseHeaders;
    bypassErrorFormat?: boolean;
  }

  export interface CustomHttpResponseOptions<T extends HttpResponsePayload | ResponseError> {
    body?: T;
    headers?: ResponseHeaders;
    bypassErrorFormat?: boolean;
    statusCode: number;
  }

  export interface ErrorHttpResponseOptions {
    body?: ResponseError;
    headers?: ResponseHeaders;
  }

  export interface IKibanaResponse<T extends HttpResponsePayload | ResponseError = any> {
    readonly status: number;
    readonly payload?: T;
    readonly options: HttpResponseOptions;
  }

  export interface KibanaResponseFactory {
    /** 200 */
    ok<T extends HttpResponsePayload | ResponseError = any>(
      options?: HttpResponseOptions<T>
    ): IKibanaResponse<T>;
    /** 201 */
    created<T extends HttpResponsePayload | ResponseError = any>(
      options?: HttpResponseOptions<T>
    ): IKibanaResponse<T>;
    /** 204 */
    noContent(options?: HttpResponseOptions): IKibanaResponse;
    /** 400 */
    badRequest(options?: ErrorHttpResponseOptions): IKibanaResponse;
    /** 401 */
    unauthorized(options?: ErrorHttpResponseOptions): IKibanaResponse;
    /** 403 */
    forbidden(options?: ErrorHttpResponseOptions): IKibanaResponse;
    /** 404 */
    notFound(options?: ErrorHttpResponseOptions): IKibanaResponse;
    /** 409 */
    conflict(options?: ErrorHttpResponseOptions): IKibanaResponse;
    /** Error response with arbitrary status code (body is a ResponseError). */
    customError(options: CustomHttpResponseOptions<ResponseError>): IKibanaResponse;
    /** Any response with arbitrary status code. */
    custom<T extends HttpResponsePayload | ResponseError>(
      options: CustomHttpResponseOptions<T>
    ): IKibanaResponse;
  }

  // --- handler / router -----------------------------------------------------

  export type RequestHandler<
    P = unknown,
    Q = unknown,
    B = unknown,
    Context extends RequestHandlerContextBase = RequestHandlerContextBase,
    Method extends RouteMethod = any,
    ResponseFactory extends KibanaResponseFactory = KibanaResponseFactory,
  > = (
    context: Context,
    request: KibanaRequest<P, Q, B, Method>,
    response: ResponseFactory
  ) => IKibanaResponse<any> | Promise<IKibanaResponse<any>>;

  export type RouteRegistrar<
    Method extends RouteMethod,
    Context extends RequestHandlerContextBase = RequestHandlerContextBase,
  > = <P, Q, B>(
    route: RouteConfig<P, Q, B, Method>,
    handler: RequestHandler<P, Q, B, Context, Method>
  ) => void;

  export interface IRouter<Context extends RequestHandlerContextBase = RequestHandlerContextBase> {
    routerPath: string;
    get: RouteRegistrar<'get', Context>;
    post: RouteRegistrar<'post', Context>;
    put: RouteRegistrar<'put', Context>;
    patch: RouteRegistrar<'patch', Context>;
    delete: RouteRegistrar<'delete', Context>;
    /** Versioned routes (Elastic API versioning; `elastic-api-version` header). */
    versioned: VersionedRouter<Context>;
  }

  // --- versioned router -----------------------------------------------------

  export type ApiVersion = string;

  export type VersionedRouteConfig<Method extends RouteMethod> = Omit<
    RouteConfig<unknown, unknown, unknown, Method>,
    'validate' | 'options'
  > & {
    options?: Pick<RouteConfigOptions<Method>, 'xsrfRequired' | 'tags' | 'body' | 'timeout'>;
    access: Exclude<RouteConfigOptions<Method>['access'], undefined>;
    security?: RouteSecurity;
    enableQueryVersion?: boolean;
    summary?: string;
    description?: string;
  };

  export interface VersionedRouteValidation<P, Q, B> {
    request?: RouteValidatorFullConfigRequest<P, Q, B>;
    response?: Record<number, { description?: string; body?: () => Type<unknown> }>;
  }

  export interface AddVersionOpts<P, Q, B> {
    version: ApiVersion;
    validate: false | VersionedRouteValidation<P, Q, B> | (() => VersionedRouteValidation<P, Q, B>);
    security?: Pick<RouteSecurity, 'authz'>;
  }

  export interface VersionedRoute<
    Method extends RouteMethod = RouteMethod,
    Ctx extends RequestHandlerContextBase = RequestHandlerContextBase,
  > {
    addVersion<P = unknown, Q = unknown, B = unknown>(
      options: AddVersionOpts<P, Q, B>,
      handler: (
        ...params: Parameters<RequestHandler<P, Q, B, Ctx>>
      ) => MaybePromise<IKibanaResponse>
    ): VersionedRoute<Method, Ctx>;
  }

  export type VersionedRouteRegistrar<
    Method extends RouteMethod,
    Ctx extends RequestHandlerContextBase = RequestHandlerContextBase,
  > = (config: VersionedRouteConfig<Method>) => VersionedRoute<Method, Ctx>;

  export interface VersionedRouter<
    Ctx extends RequestHandlerContextBase = RequestHandlerContextBase,
  > {
    get: VersionedRouteRegistrar<'get', Ctx>;
    put: VersionedRouteRegistrar<'put', Ctx>;
    post: VersionedRouteRegistrar<'post', Ctx>;
    patch: VersionedRouteRegistrar<'patch', Ctx>;
    delete: VersionedRouteRegistrar<'delete', Ctx>;
  }

  export {};
}
