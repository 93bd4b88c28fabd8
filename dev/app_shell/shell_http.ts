// AppHttp over fetch, speaking to the standalone backend as Kibana's core.http speaks to Kibana:
// JSON bodies, `kbn-xsrf` (required on mutating requests) and `x-elastic-internal-origin`
// (required by `access: 'internal'` routes).
import { HttpError } from '../../public/lib/http_error';
import type { AppHttp, RequestOptions } from '../../public/services';

const HEADERS = {
  'content-type': 'application/json',
  'kbn-xsrf': 'true',
  'x-elastic-internal-origin': 'Kibana',
};

async function request<T>(
  method: string,
  path: string,
  body: unknown,
  options: RequestOptions | undefined,
  fetchImpl: typeof fetch
): Promise<T> {
  let response: Response;
  try {
    response = await fetchImpl(path, {
      method,
      headers: HEADERS,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options?.signal,
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new HttpError(`Cannot reach the app server: ${String(error)}`, 0);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const errorBody = (json ?? {}) as { message?: string; attributes?: Record<string, unknown> };
    throw new HttpError(
      errorBody.message ?? (text || `${response.status} ${response.statusText}`),
      response.status,
      errorBody.attributes
    );
  }
  return json as T;
}

export function createShellHttp(fetchImpl: typeof fetch = (...args) => fetch(...args)): AppHttp {
  return {
    get: <T>(path: string, options?: RequestOptions) =>
      request<T>('GET', path, undefined, options, fetchImpl),
    post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
      request<T>('POST', path, body, options, fetchImpl),
    delete: <T>(path: string, options?: RequestOptions) =>
      request<T>('DELETE', path, undefined, options, fetchImpl),
  };
}
