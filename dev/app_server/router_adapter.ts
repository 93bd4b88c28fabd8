// Serves the plugin's own route files outside Kibana. It implements the small part of Kibana's
// IRouter the routes use (get/post/delete, path params, validation functions, the response
// factory, `await context.core`) and keeps Kibana's rules that matter to clients: internal
// routes need the `x-elastic-internal-origin` header, and non-GET requests need `kbn-xsrf`.
import type http from 'node:http';
import type { ElasticsearchClient } from '@kbn/core/server';

type Validation = (data: unknown, factory: ValidationFactory) => { value?: unknown; error?: Error };

interface ValidationFactory {
  ok: <T>(value: T) => { value: T };
  badRequest: (error: unknown, path?: string[]) => { error: Error };
}

interface RouteConfig {
  path: string;
  validate: false | { params?: Validation; query?: Validation; body?: Validation };
  options?: { access?: 'public' | 'internal' };
  security?: { authz?: { requiredPrivileges?: unknown[] } };
}

interface Response {
  status: number;
  payload?: unknown;
  headers?: Record<string, string>;
}

type Handler = (
  context: unknown,
  request: unknown,
  response: unknown
) => Promise<Response> | Response;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  config: RouteConfig;
  handler: Handler;
}

class BadRequest extends Error {}

function errorBody(options?: { body?: unknown }): unknown {
  const body = options?.body;
  if (typeof body === 'string') return { message: body };
  if (body instanceof Error) return { message: body.message };
  return body;
}

/** Kibana's response factory, as plain status + payload. */
const responseFactory = {
  ok: (options?: { body?: unknown }) => ({ status: 200, payload: options?.body }),
  created: (options?: { body?: unknown }) => ({ status: 201, payload: options?.body }),
  noContent: () => ({ status: 204 }),
  badRequest: (options?: { body?: unknown }) => ({ status: 400, payload: errorBody(options) }),
  unauthorized: (options?: { body?: unknown }) => ({ status: 401, payload: errorBody(options) }),
  forbidden: (options?: { body?: unknown }) => ({ status: 403, payload: errorBody(options) }),
  notFound: (options?: { body?: unknown }) => ({ status: 404, payload: errorBody(options) }),
  conflict: (options?: { body?: unknown }) => ({ status: 409, payload: errorBody(options) }),
  customError: (options: {
    statusCode: number;
    body?: unknown;
    headers?: Record<string, string>;
  }) => ({
    status: options.statusCode,
    payload: errorBody(options),
    headers: options.headers,
  }),
  custom: (options: { statusCode: number; body?: unknown }) => ({
    status: options.statusCode,
    payload: options.body,
  }),
};

// Our validators put the field name in the message already ("[retention]: expected ...").
const validationFactory: ValidationFactory = {
  ok: (value) => ({ value }),
  badRequest: (error) => ({
    error: new BadRequest(error instanceof Error ? error.message : String(error)),
  }),
};

function validate(spec: Validation | undefined, data: unknown, part: string): unknown {
  if (!spec) return {};
  const result = spec(data, validationFactory);
  if (result.error) throw new BadRequest(`[request ${part}]: ${result.error.message}`);
  return result.value;
}

export interface RouterAdapter {
  /** Pass as the IRouter to the plugin's registerRoutes. */
  router: unknown;
  /** Handles a request if a route matches; resolves false otherwise. */
  handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean>;
}

export interface RouterAdapterOptions {
  /**
   * The Kibana privileges the request's user holds in a space (feature `api` privileges), as the
   * security plugin checks them against each route's `security.authz.requiredPrivileges`;
   * undefined, or no function at all: security is off and every route is allowed.
   */
  grantedPrivileges?(request: http.IncomingMessage, space: string): string[] | undefined;
  /**
   * The request context's `core` for a Kibana space (paths under `/s/<space>/` are that
   * space's, as Kibana's spaces plugin routes them); by default Elasticsearch only.
   */
  coreContext?(space: string): unknown;
}

/** Kibana's space URL prefix (spaces plugin: common/lib/spaces_url_parser.ts). */
const SPACE_PREFIX = /^\/s\/([a-z0-9_-]+)(?=\/)/;

export function createRouterAdapter(
  esClient: ElasticsearchClient,
  options: RouterAdapterOptions = {}
): RouterAdapter {
  const routes: Route[] = [];
  const register = (method: string) => (config: RouteConfig, handler: Handler) => {
    const names: string[] = [];
    const pattern = new RegExp(
      `^${config.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}$`
    );
    routes.push({ method, pattern, names, config, handler });
  };
  const router = {
    routerPath: '/',
    get: register('GET'),
    post: register('POST'),
    put: register('PUT'),
    patch: register('PATCH'),
    delete: register('DELETE'),
  };
  const contextFor = (space: string) => ({
    core: Promise.resolve(
      options.coreContext?.(space) ?? {
        elasticsearch: { client: { asCurrentUser: esClient } },
        savedObjects: undefined,
      }
    ),
  });

  async function handle(
    request: http.IncomingMessage,
    response: http.ServerResponse
  ): Promise<boolean> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const space = SPACE_PREFIX.exec(url.pathname)?.[1] ?? 'default';
    url.pathname = url.pathname.replace(SPACE_PREFIX, '');
    const method = request.method ?? 'GET';
    let params: Record<string, string> = {};
    let badParam: string | undefined;
    const route = routes.find((candidate) => {
      if (candidate.method !== method) return false;
      const match = candidate.pattern.exec(url.pathname);
      if (!match) return false;
      params = Object.fromEntries(
        candidate.names.map((name, i) => {
          try {
            return [name, decodeURIComponent(match[i + 1])];
          } catch {
            badParam = name;
            return [name, match[i + 1]];
          }
        })
      );
      return true;
    });
    if (!route) return false;

    const send = (status: number, payload: unknown, headers?: Record<string, string>) => {
      const body = payload === undefined ? '' : JSON.stringify(payload);
      response.writeHead(status, { ...headers, 'content-type': 'application/json' });
      response.end(body);
    };
    // The security plugin's API authorization (security/server/authorization/api_authorization.ts).
    const granted = options.grantedPrivileges?.(request, space);
    const required = (route.config.security?.authz?.requiredPrivileges ?? []).filter(
      (p): p is string => typeof p === 'string'
    );
    const missing = granted ? required.filter((p) => !granted.includes(p)) : [];
    if (missing.length > 0) {
      send(403, {
        statusCode: 403,
        error: 'Forbidden',
        message: `API [${method} ${url.pathname}${url.search}] is unauthorized for user, this action is granted by the Kibana privileges [${missing}]`,
      });
      return true;
    }
    // Kibana's router refuses a path it cannot decode before any handler runs.
    if (badParam) {
      send(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: `[request params.${badParam}]: malformed percent-encoding`,
      });
      return true;
    }
    const internalOrigin = request.headers['x-elastic-internal-origin'] !== undefined;
    if ((route.config.options?.access ?? 'internal') === 'internal' && !internalOrigin) {
      send(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: `uri [${url.pathname}] with method [${method.toLowerCase()}] exists but is not available with the current configuration`,
      });
      return true;
    }
    if (
      method !== 'GET' &&
      !request.headers['kbn-xsrf'] &&
      !request.headers['kbn-version'] &&
      !internalOrigin
    ) {
      send(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Request must contain a kbn-xsrf header.',
      });
      return true;
    }
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = undefined;
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw);
        } catch {
          throw new BadRequest('Invalid request payload JSON format');
        }
      }
      const spec = route.config.validate || {};
      const kibanaRequest = {
        params: validate(spec.params, params, 'params'),
        query: validate(spec.query, Object.fromEntries(url.searchParams), 'query'),
        body: validate(spec.body, body, 'body'),
        headers: request.headers,
        url,
      };
      const result = await route.handler(contextFor(space), kibanaRequest, responseFactory);
      send(result.status, result.payload, result.headers);
    } catch (error) {
      if (error instanceof BadRequest)
        send(400, { statusCode: 400, error: 'Bad Request', message: error.message });
      else {
        console.error(error);
        send(500, {
          statusCode: 500,
          error: 'Internal Server Error',
          message: 'An internal server error occurred.',
        });
      }
    }
    return true;
  }

  return { router, handle };
}
